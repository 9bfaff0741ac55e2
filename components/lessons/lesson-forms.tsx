"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { ActionForm, useFieldErrors } from "@/components/form/action-form";
import { dangerButtonClass, SelectField, SubmitButton, TextAreaField, TextField } from "@/components/form/fields";
import type { LessonStatus } from "@/lib/generated/prisma/enums";
import { changeLessonStatusAction, citeInLessonAction, deleteLessonAction, removeEvidenceAction } from "@/lib/lessons/actions";
import { lessonStatuses } from "@/lib/lessons/limits";

// The coordinators' forms on a lesson's pages. Each keeps what was typed when refused (ActionForm).

const smallButtonClass =
  "inline-flex items-center rounded border border-slate-600 bg-white px-3 py-1 text-sm font-semibold text-slate-900 hover:bg-slate-100 disabled:opacity-70";

export function LessonStatusForm({ lessonId, status }: { lessonId: string; status: LessonStatus }) {
  const t = useTranslations("lessons");
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="space-y-3 rounded border border-slate-300 bg-white p-4">
      <h2 id={headingId} className="text-lg">
        {t("statusForm.heading")}
      </h2>
      <ActionForm
        action={changeLessonStatusAction}
        successMessage={t("statusForm.saved")}
        aria-labelledby={headingId}
        className="space-y-4"
      >
        <input type="hidden" name="lessonId" value={lessonId} />
        <SelectField
          name="status"
          label={t("statusForm.label")}
          options={lessonStatuses.map((value) => ({ value, label: t(`status.${value}`) }))}
          defaultValue={status}
        />
        <TextField name="reason" label={t("statusForm.reason")} hint={t("statusForm.reasonHint")} required={false} autoComplete="off" />
        <SubmitButton>{t("statusForm.submit")}</SubmitButton>
      </ActionForm>
    </section>
  );
}

/** Adds a citation by the link of an update or comment; it empties itself after a success. */
export function CitationForm({ lessonId }: { lessonId: string }) {
  const t = useTranslations("lessons");
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="space-y-3 rounded border border-slate-300 bg-white p-4">
      <h3 id={headingId} className="text-lg">
        {t("citeForm.heading")}
      </h3>
      <ActionForm
        action={citeInLessonAction}
        successMessage={t("citeForm.added")}
        resetOnSuccess
        aria-labelledby={headingId}
        className="space-y-4"
      >
        <input type="hidden" name="lessonId" value={lessonId} />
        <TextField name="link" label={t("citeForm.link")} hint={t("citeForm.linkHint")} autoComplete="off" inputMode="url" />
        <TextAreaField name="note" label={t("citeForm.note")} hint={t("citeForm.noteHint")} required={false} rows={3} />
        <SubmitButton>{t("citeForm.submit")}</SubmitButton>
      </ActionForm>
    </section>
  );
}

export function RemoveCitationButton({ evidenceId, number }: { evidenceId: string; number: number }) {
  const t = useTranslations("lessons.page");
  return (
    <ActionForm action={removeEvidenceAction} aria-label={t("removeLabel", { number })} className="space-y-2">
      <input type="hidden" name="evidenceId" value={evidenceId} />
      <SubmitButton className={smallButtonClass}>
        <span aria-hidden="true">{t("remove")}</span>
        <span className="sr-only">{t("removeLabel", { number })}</span>
      </SubmitButton>
    </ActionForm>
  );
}

/** Deleting needs a ticked box, so one stray click does not remove a lesson and its evidence. */
export function DeleteLessonForm({ lessonId }: { lessonId: string }) {
  const t = useTranslations("lessons.delete");
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="space-y-3 rounded border-2 border-red-800 bg-white p-4">
      <h2 id={headingId} className="text-lg">
        {t("heading")}
      </h2>
      <p>{t("intro")}</p>
      <ActionForm action={deleteLessonAction} aria-labelledby={headingId} className="space-y-4">
        <input type="hidden" name="lessonId" value={lessonId} />
        <ConfirmBox label={t("confirm")} />
        <SubmitButton className={dangerButtonClass}>{t("submit")}</SubmitButton>
      </ActionForm>
    </section>
  );
}

function ConfirmBox({ label }: { label: string }) {
  const id = useId();
  const errors = useFieldErrors("confirm");
  return (
    <div className="space-y-1">
      {errors.length ? (
        <p id={`${id}-error`} className="text-sm font-semibold text-red-800">
          {errors.join(" ")}
        </p>
      ) : null}
      <p className="flex items-start gap-2">
        <input
          type="checkbox"
          id={id}
          name="confirm"
          className="mt-1 h-5 w-5 shrink-0 accent-red-800"
          aria-invalid={errors.length > 0 || undefined}
          aria-describedby={errors.length ? `${id}-error` : undefined}
        />
        <label htmlFor={id} className="font-semibold">
          {label}
        </label>
      </p>
    </div>
  );
}

/** On an update's page (staff): cites this update in a lesson chosen from the list. */
export function AddToLessonForm({ updateId, lessons }: { updateId: string; lessons: { id: string; title: string }[] }) {
  const t = useTranslations("lessons.citing");
  const headingId = useId();
  return (
    <details className="rounded border border-slate-300 bg-white p-4">
      <summary id={headingId} className="cursor-pointer font-semibold">
        {t("addHeading")}
      </summary>
      <ActionForm
        action={citeInLessonAction}
        successMessage={t("added")}
        resetOnSuccess
        aria-labelledby={headingId}
        className="mt-4 space-y-4"
      >
        <input type="hidden" name="link" value={`/updates/${updateId}`} />
        <SelectField
          name="lessonId"
          label={t("lesson")}
          options={lessons.map((lesson) => ({ value: lesson.id, label: lesson.title }))}
          placeholder={t("chooseLesson")}
          defaultValue=""
        />
        <TextAreaField name="note" label={t("note")} hint={t("noteHint")} required={false} rows={3} />
        <SubmitButton>{t("submit")}</SubmitButton>
      </ActionForm>
    </details>
  );
}
