"use client";

import { useEffect, useId, useRef, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { deleteCommentAction } from "@/lib/comments/actions";
import { announce, focusWhenPresent } from "./announcer";
import { CommentForm, secondaryButtonClass } from "./comment-form";

const dangerClass = "inline-flex items-center rounded bg-red-800 px-3 py-1.5 text-sm font-semibold text-white hover:bg-red-900 disabled:opacity-70";
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
  const [focusTarget, setFocusTarget] = useState<{ id: string } | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [deleting, startDeleting] = useTransition();
  const buttons = { reply: useRef<HTMLButtonElement>(null), edit: useRef<HTMLButtonElement>(null), delete: useRef<HTMLButtonElement>(null) };
  const questionRef = useRef<HTMLParagraphElement>(null);

  // After the form has closed: move focus where the work shows.
  useEffect(() => {
    if (!focusTarget) return;
    if (focusTarget.id.startsWith("button:")) {
      const which = focusTarget.id.slice("button:".length) as keyof typeof buttons;
      buttons[which].current?.focus();
    } else {
      focusWhenPresent(focusTarget.id);
    }
    setFocusTarget(null);
  }, [focusTarget]);

  useEffect(() => {
    if (open === "delete") questionRef.current?.focus();
  }, [open]);

  function toggle(which: Exclude<Open, null>) {
    if (open === which) {
      setOpen(null);
      setFocusTarget({ id: `button:${which}` });
    } else {
      setOpen(which);
      setDeleteError(null);
    }
  }

  function cancel(which: Exclude<Open, null>) {
    setOpen(null);
    setFocusTarget({ id: `button:${which}` });
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
            ref={buttons.reply}
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
            ref={buttons.edit}
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
            ref={buttons.delete}
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
            onCancel={() => cancel("reply")}
            onSuccess={(newId) => {
              setOpen(null);
              announce(t("posted"));
              setFocusTarget({ id: `reactie-${newId}` });
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
            onCancel={() => cancel("edit")}
            onSuccess={() => {
              setOpen(null);
              announce(t("saved"));
              setFocusTarget({ id: `reactie-${commentId}` });
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
            <button type="button" onClick={() => cancel("delete")} className={secondaryButtonClass}>
              {t("cancel")}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
