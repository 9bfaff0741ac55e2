"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { ActionForm, useFieldErrors } from "@/components/form/action-form";
import { dangerButtonClass, SelectField, SubmitButton, TextAreaField, TextField } from "@/components/form/fields";
import {
  archiveTaxonomyAction,
  createTaxonomyAction,
  mergeTaxonomyAction,
  unarchiveTaxonomyAction,
  updateTaxonomyAction,
} from "@/lib/taxonomy/actions";
import type { TaxonomyKind } from "@/lib/taxonomy/schema";

export type TaxonomyValues = {
  id: string;
  name: string;
  nameEn: string | null;
  slug: string;
  description: string;
  descriptionEn: string | null;
  color: string;
};

/** The colours the database gives a new row (prisma/schema.prisma), as the picker's start. */
const DEFAULT_COLOR: Record<TaxonomyKind, string> = { opgave: "#1f4e79", theme: "#5b2a86" };

const smallButton = "rounded border border-slate-600 px-3 py-1 text-sm font-semibold text-slate-900 hover:bg-slate-100";

/** Adds an opgave or theme (without `item`) or edits one. */
export function TaxonomyForm({ kind, item, label }: { kind: TaxonomyKind; item?: TaxonomyValues; label: string }) {
  const t = useTranslations("admin.taxonomy");
  return (
    <ActionForm
      action={item ? updateTaxonomyAction : createTaxonomyAction}
      successMessage={item ? t("saved") : t("added")}
      resetOnSuccess={!item}
      aria-label={label}
    >
      <input type="hidden" name="kind" value={kind} />
      {item ? <input type="hidden" name="id" value={item.id} /> : null}
      <TextField name="name" label={t("name")} defaultValue={item?.name} autoComplete="off" />
      <TextField
        name="nameEn"
        label={t("nameEn")}
        hint={t("nameEnHint")}
        required={false}
        defaultValue={item?.nameEn ?? ""}
        autoComplete="off"
        lang="en"
      />
      <TextField name="slug" label={t("slug")} hint={t("slugHint")} required={false} defaultValue={item?.slug} autoComplete="off" />
      <TextAreaField
        name="description"
        label={t("description")}
        hint={t("descriptionHint")}
        required={false}
        defaultValue={item?.description}
        rows={3}
      />
      <TextAreaField
        name="descriptionEn"
        label={t("descriptionEn")}
        hint={t("descriptionEnHint")}
        required={false}
        defaultValue={item?.descriptionEn ?? ""}
        rows={3}
        lang="en"
      />
      <TextField
        name="color"
        type="color"
        label={t("color")}
        hint={t("colorHint")}
        defaultValue={item?.color ?? DEFAULT_COLOR[kind]}
        className="h-11 w-24 cursor-pointer rounded border border-slate-500 bg-white p-1"
      />
      <SubmitButton>{item ? t("save") : label}</SubmitButton>
    </ActionForm>
  );
}

/** Archives an active one or restores an archived one; `label` names it for screen readers ("Archiveren: Armoede"). */
export function ArchiveToggle({ kind, id, archived, label }: { kind: TaxonomyKind; id: string; archived: boolean; label: string }) {
  const t = useTranslations("admin.taxonomy");
  return (
    <ActionForm
      action={archived ? unarchiveTaxonomyAction : archiveTaxonomyAction}
      // Rendered after the refresh, so `archived` is already the new state.
      successMessage={archived ? t("archivedDone") : t("unarchivedDone")}
      className="space-y-1"
    >
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="id" value={id} />
      <SubmitButton className={smallButton}>
        <span aria-hidden="true">{archived ? t("unarchive") : t("archive")}</span>
        <span className="sr-only">{label}</span>
      </SubmitButton>
    </ActionForm>
  );
}

/** Merges this one into an active other, after a tick that says it cannot be undone. */
export function MergeForm({
  kind,
  item,
  targets,
}: {
  kind: TaxonomyKind;
  item: { id: string; name: string };
  targets: { id: string; name: string }[];
}) {
  const t = useTranslations("admin.taxonomy");
  return (
    <ActionForm action={mergeTaxonomyAction} aria-label={t("mergeHeading")}>
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="sourceId" value={item.id} />
      <SelectField
        name="targetId"
        label={t("mergeTarget")}
        hint={t("mergeTargetHint")}
        options={targets.map((target) => ({ value: target.id, label: target.name }))}
        placeholder={t("chooseTarget")}
        defaultValue=""
      />
      <ConfirmBox label={t("mergeConfirm", { name: item.name })} />
      <SubmitButton className={dangerButtonClass}>{t("mergeSubmit")}</SubmitButton>
    </ActionForm>
  );
}

function ConfirmBox({ label }: { label: string }) {
  const id = useId();
  const errors = useFieldErrors("confirm");
  return (
    <div className="space-y-1">
      {errors.length ? (
        <div id={`${id}-error`} className="text-sm font-semibold text-red-800">
          {errors.map((error) => (
            <p key={error}>{error}</p>
          ))}
        </div>
      ) : null}
      <label className="inline-flex items-start gap-2">
        <input
          type="checkbox"
          name="confirm"
          className="mt-1 h-5 w-5 shrink-0 accent-brand"
          aria-invalid={errors.length > 0 || undefined}
          aria-describedby={errors.length ? `${id}-error` : undefined}
        />
        <span>{label}</span>
      </label>
    </div>
  );
}
