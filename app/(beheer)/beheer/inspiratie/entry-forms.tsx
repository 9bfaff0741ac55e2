"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/form/action-form";
import { dangerButtonClass, SelectField, SubmitButton, TextAreaField, TextField } from "@/components/form/fields";
import { editInspirationAction, removeInspirationAction } from "@/lib/inspiration/actions";
import { INTRODUCTION_MAX, SORT_ORDER_MAX } from "@/lib/inspiration/limits";

const disclosure = "group rounded border border-slate-300 bg-white text-sm open:p-3";
const summary = "inline-flex cursor-pointer list-none items-center rounded px-3 py-1.5 font-semibold group-open:mb-2";

/** Chapter, introduction and place in the chapter of one entry. */
export function EditEntryForm({
  entry,
  themes,
  title,
}: {
  entry: { id: string; themeId: string | null; introduction: string; sortOrder: number };
  themes: { id: string; name: string }[];
  title: string;
}) {
  const t = useTranslations("inspiration.curation");
  return (
    <details className={disclosure}>
      <summary className={`${summary} text-slate-900`}>
        {t("edit")}
        <span className="sr-only">: {title}</span>
      </summary>
      <ActionForm action={editInspirationAction} successMessage={t("saved")} className="space-y-4">
        <input type="hidden" name="entryId" value={entry.id} />
        <SelectField
          name="themeId"
          label={t("chapter")}
          options={themes.map((theme) => ({ value: theme.id, label: theme.name }))}
          placeholder={t("chapterPlaceholder")}
          defaultValue={entry.themeId ?? ""}
        />
        <TextAreaField
          name="introduction"
          label={t("introduction")}
          rows={4}
          maxLength={INTRODUCTION_MAX}
          defaultValue={entry.introduction}
        />
        <TextField
          name="sortOrder"
          label={t("sortOrder")}
          hint={t("sortOrderHint")}
          type="number"
          inputMode="numeric"
          min={0}
          max={SORT_ORDER_MAX}
          defaultValue={String(entry.sortOrder)}
        />
        <SubmitButton>{t("save")}</SubmitButton>
      </ActionForm>
    </details>
  );
}

/** Takes the entry out altogether: off the book, and the author's answer forgotten. */
export function RemoveEntryForm({ entryId, title }: { entryId: string; title: string }) {
  const t = useTranslations("inspiration.curation");
  return (
    <details className={disclosure}>
      <summary className={`${summary} text-red-800`}>
        {t("remove")}
        <span className="sr-only">: {title}</span>
      </summary>
      <ActionForm action={removeInspirationAction} className="space-y-3">
        <input type="hidden" name="entryId" value={entryId} />
        <p>{t("removeExplain")}</p>
        <SubmitButton className={dangerButtonClass}>{t("removeSubmit")}</SubmitButton>
      </ActionForm>
    </details>
  );
}
