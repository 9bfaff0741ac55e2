"use client";

import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { announce, focusWhenPresent } from "@/components/comments/announcer";
import { CommentForm, secondaryButtonClass } from "@/components/comments/comment-form";
import { buttonClass } from "@/components/form/fields";

/**
 * "Beantwoord" on a request that asked the reader: opens the comment form in
 * place, marked as the answer to this request. The answer is an ordinary
 * comment (mentions, notifications, limits), posted through the comment service.
 */
export function AnswerRequest({ updateId, requestId, requesterName }: { updateId: string; requestId: string; requesterName: string }) {
  const t = useTranslations("feedback.forYou");
  const id = useId();
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);

  function close() {
    setOpen(false);
    buttonRef.current?.focus();
  }

  return (
    <div className="space-y-3">
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={open ? `${id}-form` : undefined}
        onClick={() => (open ? close() : setOpen(true))}
        className={open ? secondaryButtonClass : buttonClass}
      >
        {t("answer")}
      </button>
      {open ? (
        <div id={`${id}-form`} className="rounded border border-slate-300 bg-white p-3">
          <CommentForm
            updateId={updateId}
            feedbackRequestId={requestId}
            label={t("answerLabel", { name: requesterName })}
            formLabel={t("answerFormLabel", { name: requesterName })}
            autoFocus
            rows={5}
            onCancel={close}
            onSuccess={(commentId) => {
              setOpen(false);
              announce(t("posted"));
              // The answer arrives with the refreshed page, among the comments.
              focusWhenPresent(`reactie-${commentId}`);
            }}
          />
        </div>
      ) : null}
    </div>
  );
}
