"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { deleteCommentAction } from "@/lib/comments/actions";
import { announce, focusWhenPresent } from "./announcer";
import { CommentForm, secondaryButtonClass } from "./comment-form";

const dangerClass =
  "inline-flex items-center rounded bg-red-800 px-3 py-1.5 text-sm font-semibold text-white hover:bg-red-900 disabled:opacity-70";
const deleteClass =
  "inline-flex items-center rounded border border-red-800 bg-white px-3 py-1.5 text-sm font-semibold text-red-800 hover:bg-red-50 disabled:opacity-70";

type Open = "reply" | "edit" | "delete" | null;

export type CommentActionsProps = {
  updateId: string;
  commentId: string;
  authorName: string;
  /** The Markdown source, for the edit form. */
  body: string;
  canReply: boolean;
  canEdit: boolean;
  canDelete: boolean;
};

/**
 * The buttons under a comment: "Reageren" and "Bewerken" open their form in
 * place (aria-expanded), "Verwijderen" asks first on the page itself. Focus
 * follows: into an opened form, back to its button on cancel, to the new
 * reply or the edited comment after saving.
 */
export function CommentActions({ updateId, commentId, authorName, body, canReply, canEdit, canDelete }: CommentActionsProps) {
  const t = useTranslations("comments");
  const errorsT = useTranslations("errors");
  const id = useId();
  const [open, setOpen] = useState<Open>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [deleting, startDeleting] = useTransition();
  const replyButtonRef = useRef<HTMLButtonElement>(null);
  const editButtonRef = useRef<HTMLButtonElement>(null);
  const deleteButtonRef = useRef<HTMLButtonElement>(null);
  const questionRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (open === "delete") questionRef.current?.focus();
  }, [open]);

  // The button stays in the page while its form closes, so focus can go there right away.
  function close(which: Exclude<Open, null>) {
    setOpen(null);
    const button = which === "reply" ? replyButtonRef : which === "edit" ? editButtonRef : deleteButtonRef;
    button.current?.focus();
  }

  function toggle(which: Exclude<Open, null>) {
    if (open === which) {
      close(which);
    } else {
      setOpen(which);
      setDeleteError(null);
    }
  }

  function confirmDelete() {
    setDeleteError(null);
    const formData = new FormData();
    formData.set("commentId", commentId);
    startDeleting(async () => {
      const result = await deleteCommentAction(null, formData);
      if (!result.ok) {
        setDeleteError(errorsT.has(result.error) ? errorsT(result.error) : errorsT("unexpected"));
        return;
      }
      // This comment (and these buttons) may be gone now: the section's heading takes the focus.
      announce(t("deleteDone"));
      focusWhenPresent("reacties-titel");
    });
  }

  if (!canReply && !canEdit && !canDelete) return null;
  const formId = `${id}-form`;

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        {canReply ? (
          <button
            ref={replyButtonRef}
            type="button"
            aria-expanded={open === "reply"}
            aria-controls={open === "reply" ? formId : undefined}
            onClick={() => toggle("reply")}
            className={secondaryButtonClass}
          >
            {t("reply")}
            <span className="sr-only"> {t("replyTo", { name: authorName })}</span>
          </button>
        ) : null}
        {canEdit ? (
          <button
            ref={editButtonRef}
            type="button"
            aria-expanded={open === "edit"}
            aria-controls={open === "edit" ? formId : undefined}
            onClick={() => toggle("edit")}
            className={secondaryButtonClass}
          >
            {t("edit")}
          </button>
        ) : null}
        {canDelete ? (
          <button
            ref={deleteButtonRef}
            type="button"
            aria-expanded={open === "delete"}
            aria-controls={open === "delete" ? formId : undefined}
            onClick={() => toggle("delete")}
            className={deleteClass}
          >
            {t("delete")}
          </button>
        ) : null}
      </div>

      {open === "reply" ? (
        <div id={formId} className="rounded border border-slate-300 bg-slate-50 p-3">
          <CommentForm
            updateId={updateId}
            parentId={commentId}
            label={t("replyLabel", { name: authorName })}
            formLabel={t("replyFormLabel", { name: authorName })}
            autoFocus
            rows={4}
            onCancel={() => close("reply")}
            onSuccess={(newId) => {
              setOpen(null);
              announce(t("posted"));
              // The new reply arrives with the refreshed page; focus follows once it is there.
              focusWhenPresent(`reactie-${newId}`);
            }}
          />
        </div>
      ) : null}

      {open === "edit" ? (
        <div id={formId} className="rounded border border-slate-300 bg-slate-50 p-3">
          <CommentForm
            updateId={updateId}
            commentId={commentId}
            defaultBody={body}
            label={t("editLabel")}
            autoFocus
            rows={Math.min(12, Math.max(4, body.split("\n").length + 1))}
            onCancel={() => close("edit")}
            onSuccess={() => {
              setOpen(null);
              announce(t("saved"));
              focusWhenPresent(`reactie-${commentId}`);
            }}
          />
        </div>
      ) : null}

      {open === "delete" ? (
        <div id={formId} className="space-y-3 rounded border-l-4 border-red-800 bg-red-50 px-4 py-3">
          <p ref={questionRef} tabIndex={-1} className="outline-none">
            {t("deleteConfirm")}
          </p>
          {deleteError ? (
            <p role="alert" className="font-semibold text-red-900">
              {deleteError}
            </p>
          ) : null}
          <div className="flex flex-wrap gap-3">
            <button type="button" onClick={confirmDelete} disabled={deleting} aria-disabled={deleting} className={dangerClass}>
              {deleting ? t("busy") : t("deleteYes")}
            </button>
            <button type="button" onClick={() => close("delete")} className={secondaryButtonClass}>
              {t("cancel")}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
