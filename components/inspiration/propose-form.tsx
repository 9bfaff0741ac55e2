"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/form/action-form";
import { SelectField, SubmitButton, TextAreaField } from "@/components/form/fields";
import { proposeInspirationAction } from "@/lib/inspiration/actions";
import { INTRODUCTION_MAX } from "@/lib/inspiration/limits";

/** On an update's page, for coordinators: propose it for the public book (the author is then asked to consent). */
export function ProposeForm({
  updateId,
  themes,
  defaultThemeId,
}: {
  updateId: string;
  themes: { id: string; name: string }[];
  defaultThemeId: string | null;
}) {
  const t = useTranslations("inspiration.propose");
  return (
    <details className="group rounded border border-slate-300 bg-white open:p-4">
      <summary className="inline-flex cursor-pointer list-none items-center rounded px-3 py-1.5 font-semibold text-slate-900 group-open:mb-3">
        {t("open")}
      </summary>
      <ActionForm action={proposeInspirationAction} successMessage={t("done")} className="space-y-4">
        <input type="hidden" name="updateId" value={updateId} />
        <p className="text-sm text-slate-700">{t("explain")}</p>
        <SelectField
          name="themeId"
          label={t("chapter")}
          hint={t("chapterHint")}
          options={themes.map((theme) => ({ value: theme.id, label: theme.name }))}
          placeholder={t("chapterPlaceholder")}
          defaultValue={defaultThemeId ?? ""}
        />
        <TextAreaField name="introduction" label={t("introduction")} hint={t("introductionHint")} rows={4} maxLength={INTRODUCTION_MAX} />
        <SubmitButton>{t("submit")}</SubmitButton>
      </ActionForm>
    </details>
  );
}
