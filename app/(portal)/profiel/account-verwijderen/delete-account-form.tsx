"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { ActionForm } from "@/components/form/action-form";
import { dangerButtonClass, SubmitButton, TextField } from "@/components/form/fields";
import { CheckboxField } from "@/components/privacy/checkbox-field";
import { deleteOwnAccountAction } from "@/lib/privacy/actions";

/** The person's own account deletion: password re-entry and the choice to remove their comments too. */
export function DeleteAccountForm() {
  const t = useTranslations("privacy.delete");
  return (
    <ActionForm action={deleteOwnAccountAction} aria-labelledby="confirm-delete">
      <h2 id="confirm-delete">{t("formTitle")}</h2>
      <TextField name="password" type="password" autoComplete="current-password" label={t("password")} hint={t("passwordHint")} />
      <CheckboxField name="removeComments" label={t("removeComments")} hint={t("removeCommentsHint")} />
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton className={dangerButtonClass}>{t("submit")}</SubmitButton>
        <Link href="/profiel">{t("cancel")}</Link>
      </div>
    </ActionForm>
  );
}
