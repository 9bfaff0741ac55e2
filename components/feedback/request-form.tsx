"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { ActionForm, useFieldErrors, useFormState } from "@/components/form/action-form";
import { buttonClass, FieldErrors } from "@/components/form/fields";
import { requestFeedbackAction } from "@/lib/feedback/actions";
import { FEEDBACK_QUESTION_MAX } from "@/lib/feedback/limits";
import type { FeedbackSuggestionRow } from "@/lib/feedback/suggestions-sql";
import { PeerPicker } from "./peer-picker";

export type RequestFormProps = { updateId: string; suggestions: FeedbackSuggestionRow[] };

/**
 * "Vraag feedback": the question and the people to ask. Built on ActionForm,
 * so a refused request keeps the question and the choices and says why;
 * after a sent request the fields start empty again.
 */
export function RequestForm(props: RequestFormProps) {
  const t = useTranslations("feedback.ask");
  return (
    <ActionForm action={requestFeedbackAction} aria-label={t("formLabel")} successMessage={t("sent")} className="space-y-5">
      <RequestFields {...props} />
    </ActionForm>
  );
}

function RequestFields({ updateId, suggestions }: RequestFormProps) {
  const { state } = useFormState();
  // A new generation after each sent request empties the fields (they remount).
  const [generation, setGeneration] = useState(0);
  const [seenState, setSeenState] = useState(state);
  if (state !== seenState) {
    setSeenState(state);
    if (state?.ok) setGeneration((current) => current + 1);
  }
  return <Fields key={generation} updateId={updateId} suggestions={suggestions} />;
}

function Fields({ updateId, suggestions }: RequestFormProps) {
  const t = useTranslations("feedback.ask");
  const id = useId();
  const { pending } = useFormState();
  const errors = useFieldErrors("question");
  const [length, setLength] = useState(0);
  const over = length - FEEDBACK_QUESTION_MAX;
  const describedBy = [`${id}-hint`, errors.length ? `${id}-error` : null, `${id}-count`].filter(Boolean).join(" ");

  return (
    <>
      <input type="hidden" name="updateId" value={updateId} />
      <div className="space-y-1">
        <label htmlFor={`${id}-question`} className="block font-semibold text-slate-900">
          {t("questionLabel")}
        </label>
        <p id={`${id}-hint`} className="text-sm text-slate-700">
          {t("questionHint")}
        </p>
        <FieldErrors id={id} errors={errors} />
        <textarea
          id={`${id}-question`}
          name="question"
          rows={4}
          required
          aria-describedby={describedBy}
          aria-invalid={errors.length > 0 || over > 0 || undefined}
          onChange={(event) => setLength(event.target.value.replace(/\r\n?/g, "\n").length)}
          className="block w-full rounded border border-slate-500 bg-white px-3 py-2 text-base text-slate-900 aria-[invalid=true]:border-2 aria-[invalid=true]:border-red-700"
        />
        <p
          id={`${id}-count`}
          className={over > 0 ? "text-sm font-semibold text-red-800" : "text-sm text-slate-700"}
          aria-live={over > 0 ? "polite" : "off"}
        >
          {over > 0 ? t("tooManyCharacters", { over }) : t("characters", { count: length })}
        </p>
      </div>
      <PeerPicker suggestions={suggestions} />
      <button type="submit" disabled={pending} aria-disabled={pending} className={buttonClass}>
        {t("submit")}
      </button>
    </>
  );
}
