"use client";

import { useTranslations } from "next-intl";
import { ActionForm, useFormState } from "@/components/form/action-form";
import { SelectField, SubmitButton, TextAreaField } from "@/components/form/fields";
import { reportAction } from "@/lib/moderation/actions";
import { REPORT_REASONS, REPORT_TEXT_MAX } from "@/lib/moderation/limits";

function ReportFields() {
  const t = useTranslations("moderation.report");
  const { state } = useFormState();
  if (state?.ok) return null;
  return (
    <>
      <SelectField
        name="reason"
        label={t("reasonLabel")}
        placeholder={t("reasonPlaceholder")}
        options={REPORT_REASONS.map((reason) => ({ value: reason, label: t(`reasons.${reason}`) }))}
      />
      <TextAreaField name="text" label={t("textLabel")} hint={t("textHint")} required={false} rows={3} maxLength={REPORT_TEXT_MAX} />
      <SubmitButton>{t("submit")}</SubmitButton>
    </>
  );
}

/**
 * "Melden": any signed-in person reports an update or comment to the
 * coordinators, with a reason. Once sent (or when their report is still
 * open) it says so instead of offering the form again.
 */
export function ReportForm({
  targetType,
  targetId,
  updateId,
  subject,
  reported,
}: {
  targetType: "UPDATE" | "COMMENT";
  targetId: string;
  updateId: string;
  subject: string;
  reported: boolean;
}) {
  const t = useTranslations("moderation.report");
  // After a report the page refreshes into this state, so it is also what announces the report arrived.
  if (reported)
    return (
      <p role="status" className="text-sm text-slate-700">
        {t("alreadyReported")}
      </p>
    );
  return (
    <details className="group text-sm open:rounded open:border open:border-slate-300 open:bg-white open:p-3">
      <summary className="inline-flex cursor-pointer list-none items-center rounded px-3 py-1.5 font-semibold text-slate-800 underline group-open:mb-2">
        {t("open")}
        <span className="sr-only">: {subject}</span>
      </summary>
      <ActionForm action={reportAction} successMessage={t("received")} className="space-y-3">
        <input type="hidden" name="targetType" value={targetType} />
        <input type="hidden" name="targetId" value={targetId} />
        <input type="hidden" name="updateId" value={updateId} />
        <ReportFields />
      </ActionForm>
    </details>
  );
}
