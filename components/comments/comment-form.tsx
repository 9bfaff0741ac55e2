"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useEffectEvent, useId, useRef, useState, useSyncExternalStore } from "react";
import { useLocalDraft } from "@/components/editor/use-local-draft";
import { ActionForm, useFieldErrors, useFormState } from "@/components/form/action-form";
import { buttonClass, FieldErrors } from "@/components/form/fields";
import { editCommentAction, postCommentAction } from "@/lib/comments/actions";
import { COMMENT_BODY_MAX } from "@/lib/comments/limits";
import { commentDraftKey } from "@/lib/editor/local-draft";
import { newClientKey } from "./client-key";
import { CommentBodyEditor } from "./comment-body-editor";

export const secondaryButtonClass =
  "inline-flex items-center rounded border border-slate-600 bg-white px-3 py-1.5 text-sm font-semibold text-slate-900 hover:bg-slate-100 disabled:opacity-70";

export type CommentFormProps = {
  updateId: string;
  /** For a reply: the comment it answers. */
  parentId?: string;
  /** For an answer to a feedback request (components/feedback): the request. */
  feedbackRequestId?: string;
  /** For an edit: the comment and its current text. */
  commentId?: string;
  defaultBody?: string;
  /** The visible label of the text field. */
  label: string;
  /** The form's accessible name, if other than the label. */
  formLabel?: string;
  /** Shown (and announced) after a successful post; the field is then emptied for the next one. */
  successMessage?: string;
  autoFocus?: boolean;
  rows?: number;
  onSuccess?: (commentId: string) => void;
  onCancel?: () => void;
};

/**
 * Write, reply or edit. Built on ActionForm, so a refused comment keeps its
 * text and the reason is announced. Each form instance carries a fresh
 * client key (a double click or a retry posts once); after a successful
 * post the field empties and a new key is made. Ctrl/Cmd+Enter submits.
 */
export function CommentForm(props: CommentFormProps) {
  return (
    <ActionForm
      action={props.commentId ? editCommentAction : postCommentAction}
      aria-label={props.formLabel ?? props.label}
      successMessage={props.successMessage}
      className="space-y-3"
    >
      <CommentFields {...props} key={props.commentId ?? "new"} />
    </ActionForm>
  );
}

function CommentFields({
  updateId,
  parentId,
  feedbackRequestId,
  commentId,
  defaultBody = "",
  label,
  autoFocus,
  rows,
  onSuccess,
  onCancel,
}: CommentFormProps) {
  const t = useTranslations("comments");
  const id = useId();
  const { state, pending } = useFormState();
  const errors = useFieldErrors("body");
  const textareaRef = useRef<HTMLTextAreaElement | null>(null);
  // A new generation empties the field and makes a new client key.
  const [generation, setGeneration] = useState(0);
  const [seenState, setSeenState] = useState(state);
  if (state !== seenState) {
    setSeenState(state);
    if (state?.ok && !commentId) setGeneration((current) => current + 1);
  }
  const [keyForGeneration] = useState(createClientKeys);
  // Random, so never in the server's HTML: hydration renders "" (submit stays disabled), then the key.
  const clientKey = useSyncExternalStore(
    subscribeToNothing,
    () => (commentId ? "" : keyForGeneration(generation)),
    () => "",
  );
  const [length, setLength] = useState(defaultBody.length);
  // An unsent comment (not an edit) is kept in this browser until it is sent, so a reload does not lose it.
  const autosaveT = useTranslations("autosave");
  const local = useLocalDraft(commentDraftKey(updateId, parentId, feedbackRequestId), textOf);
  const kept = commentId ? null : (local.opened?.value ?? null);
  const { keep, forget } = local;
  const opened = local.opened !== undefined;
  const onTextChange = useCallback(
    (next: number) => {
      setLength(next);
      if (commentId || !opened) return;
      const text = textareaRef.current?.value ?? "";
      if (text.trim()) keep(text);
      else forget();
    },
    [commentId, opened, keep, forget],
  );

  useEffect(() => {
    if (autoFocus) textareaRef.current?.focus();
  }, [autoFocus]);

  // The parent (a reply or edit) closes the form and moves focus once the saved comment is known.
  const reportSuccess = useEffectEvent((savedId: string) => onSuccess?.(savedId));
  useEffect(() => {
    if (!state?.ok) return;
    const data = state.data as { id?: unknown } | null;
    if (data && typeof data.id === "string") reportSuccess(data.id);
  }, [state]);

  const submit = useCallback(() => {
    if (pending) return;
    textareaRef.current?.form?.requestSubmit();
  }, [pending]);

  const over = length - COMMENT_BODY_MAX;
  const describedBy = [`${id}-hint`, errors.length ? `${id}-error` : null, `${id}-count`].filter(Boolean).join(" ");

  return (
    <>
      <input type="hidden" name="updateId" value={updateId} />
      {parentId ? <input type="hidden" name="parentId" value={parentId} /> : null}
      {feedbackRequestId ? <input type="hidden" name="feedbackRequestId" value={feedbackRequestId} /> : null}
      {commentId ? <input type="hidden" name="commentId" value={commentId} /> : <input type="hidden" name="clientKey" value={clientKey} />}
      <div className="space-y-1">
        <label htmlFor={`${id}-body`} className="block font-semibold text-slate-900">
          {label}
        </label>
        <p id={`${id}-hint`} className="text-sm text-slate-700">
          {t("bodyHint")}
        </p>
        <FieldErrors id={id} errors={errors} />
        {kept && generation === 0 ? <p className="text-sm text-slate-700">{autosaveT("commentRestored")}</p> : null}
        <CommentBodyEditor
          key={`${generation}${kept ? "-kept" : ""}`}
          id={`${id}-body`}
          name="body"
          rows={rows}
          defaultValue={generation === 0 ? (kept ?? defaultBody) : ""}
          describedBy={describedBy}
          invalid={errors.length > 0 || over > 0}
          ref={textareaRef}
          onSubmitShortcut={submit}
          onLengthChange={onTextChange}
        />
        <p
          id={`${id}-count`}
          className={over > 0 ? "text-sm font-semibold text-red-800" : "text-sm text-slate-700"}
          aria-live={over > 0 ? "polite" : "off"}
        >
          {over > 0 ? t("tooManyCharacters", { over }) : t("characters", { count: length })}
        </p>
      </div>
      <div className="flex flex-wrap gap-3">
        <button type="submit" disabled={pending || (!commentId && !clientKey)} aria-disabled={pending} className={buttonClass}>
          {pending ? t("busy") : commentId ? t("save") : t("submit")}
        </button>
        {onCancel ? (
          <button type="button" onClick={onCancel} className={secondaryButtonClass}>
            {t("cancel")}
          </button>
        ) : null}
      </div>
    </>
  );
}

/** A kept comment is plain text. */
function textOf(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

/** One client key per generation of a form, made on first use and kept, so a retry sends the same key. */
function createClientKeys(): (generation: number) => string {
  const keys = new Map<number, string>();
  return (generation) => {
    let key = keys.get(generation);
    if (!key) {
      key = newClientKey();
      keys.set(generation, key);
    }
    return key;
  };
}

/** The keys never change by themselves: a new generation re-renders the form, which reads its key. */
function subscribeToNothing(): () => void {
  return () => {};
}
