"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/form/action-form";
import { dangerButtonClass, SubmitButton, TextAreaField } from "@/components/form/fields";
import type { ActionResult } from "@/lib/action-result";
import { MODERATION_REASON_MAX } from "@/lib/moderation/limits";

export type ModerationStepProps = {
  action: (previous: unknown, formData: FormData) => Promise<ActionResult<unknown>>;
  /** The button that opens the step, e.g. "Verbergen". */
  label: string;
  /** Read with the button by screen readers, e.g. "de reactie van Anna". */
  subject: string;
  /** Hidden fields naming the item (targetType/targetId, updateId, commentId, itemId). */
  fields: Record<string, string>;
  /** Said after the step went through. */
  done: string;
  danger?: boolean;
};

/**
 * One moderation step on the page itself: a disclosure that asks for the
 * reason (the author is told, the audit log keeps it) before it acts.
 */
export function ModerationStep({ action, label, subject, fields, done, danger = false }: ModerationStepProps) {
  const t = useTranslations("moderation");
  return (
    <details className="group rounded border border-slate-300 bg-white text-sm open:p-3">
      <summary
        className={`inline-flex cursor-pointer list-none items-center rounded px-3 py-1.5 font-semibold ${danger ? "text-red-800" : "text-slate-900"} group-open:mb-2`}
      >
        {label}
        <span className="sr-only">: {subject}</span>
      </summary>
      <ActionForm action={action} successMessage={done} className="space-y-3">
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <TextAreaField name="reason" label={t("reasonLabel")} hint={t("reasonHint")} rows={3} maxLength={MODERATION_REASON_MAX} />
        <SubmitButton className={danger ? dangerButtonClass : undefined}>{label}</SubmitButton>
      </ActionForm>
    </details>
  );
}
