"use client";

import { useTranslations } from "next-intl";
import { ActionForm, useFieldErrors } from "@/components/form/action-form";
import { SubmitButton } from "@/components/form/fields";
import type { EmailFrequency, NotificationKind } from "@/lib/generated/prisma/enums";
import { saveEmailPreferencesAction } from "@/lib/notifications/actions";

// Every kind the server's schema expects (lib/notifications/unsubscribe.ts notificationKinds): all are on the form.
const kinds = [
  "COMMENT_ON_UPDATE",
  "REPLY",
  "MENTION",
  "FEEDBACK_REQUEST",
  "FOLLOWED_UPDATE",
  "APPRECIATION",
  "MODERATION",
] as const satisfies readonly NotificationKind[];
const frequencies = ["IMMEDIATE", "DAILY", "WEEKLY", "NEVER"] as const satisfies readonly EmailFrequency[];

function FrequencyGroup({ kind, value }: { kind: NotificationKind; value: EmailFrequency }) {
  const t = useTranslations("emailPreferences");
  const errors = useFieldErrors(kind);
  const hintId = `pref-${kind}-hint`;
  const errorId = `pref-${kind}-error`;
  return (
    <fieldset
      className="space-y-2 rounded border border-slate-300 bg-white p-4"
      aria-describedby={[hintId, errors.length ? errorId : null].filter(Boolean).join(" ")}
    >
      <legend className="px-1 text-lg font-semibold">{t(`kinds.${kind}.label`)}</legend>
      <p id={hintId} className="text-sm text-slate-700">
        {t(`kinds.${kind}.hint`)}
      </p>
      {errors.length ? (
        <p id={errorId} className="text-sm font-semibold text-red-800">
          {errors.join(" ")}
        </p>
      ) : null}
      <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:gap-x-6">
        {frequencies.map((frequency) => (
          <label key={frequency} className="inline-flex items-center gap-2">
            <input type="radio" name={kind} value={frequency} defaultChecked={value === frequency} className="h-5 w-5 accent-brand" />
            {t(`frequencies.${frequency}`)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** One radio group per kind of notification, saved together. */
export function EmailPreferencesForm({ preferences }: { preferences: Record<NotificationKind, EmailFrequency> }) {
  const t = useTranslations("emailPreferences");
  return (
    <ActionForm action={saveEmailPreferencesAction} successMessage={t("saved")} aria-label={t("formLabel")}>
      {kinds.map((kind) => (
        <FrequencyGroup key={kind} kind={kind} value={preferences[kind]} />
      ))}
      <SubmitButton>{t("save")}</SubmitButton>
    </ActionForm>
  );
}
