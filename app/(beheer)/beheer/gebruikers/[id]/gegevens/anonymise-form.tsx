"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/form/action-form";
import { SubmitButton } from "@/components/form/fields";
import { CheckboxField } from "@/components/privacy/checkbox-field";
import { anonymiseOnBehalfAction } from "@/lib/privacy/actions";

const dangerButton = "inline-flex items-center rounded bg-red-800 px-4 py-2 font-semibold text-white hover:bg-red-900 disabled:opacity-70";

/** An admin deletes someone's account at their request; the tick confirms the request was checked. */
export function AnonymiseForm({ userId, name }: { userId: string; name: string }) {
  const t = useTranslations("privacy.admin");
  return (
    <ActionForm action={anonymiseOnBehalfAction} aria-labelledby="anonymise">
      <input type="hidden" name="userId" value={userId} />
      <CheckboxField name="removeComments" label={t("removeComments")} hint={t("removeCommentsHint")} />
      <CheckboxField name="confirm" label={t("confirm")} />
      <SubmitButton className={dangerButton}>{t("submit", { name })}</SubmitButton>
    </ActionForm>
  );
}
