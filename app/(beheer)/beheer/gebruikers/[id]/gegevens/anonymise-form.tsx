"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/form/action-form";
import { dangerButtonClass, SubmitButton } from "@/components/form/fields";
import { CheckboxField } from "@/components/privacy/checkbox-field";
import { anonymiseOnBehalfAction } from "@/lib/privacy/actions";

/** An admin deletes someone's account at their request; the tick confirms the request was checked. */
export function AnonymiseForm({ userId, name }: { userId: string; name: string }) {
  const t = useTranslations("privacy.admin");
  return (
    <ActionForm action={anonymiseOnBehalfAction} aria-labelledby="anonymise">
      <input type="hidden" name="userId" value={userId} />
      <CheckboxField name="removeComments" label={t("removeComments")} hint={t("removeCommentsHint")} />
      <CheckboxField name="confirm" label={t("confirm")} />
      <SubmitButton className={dangerButtonClass}>{t("submit", { name })}</SubmitButton>
    </ActionForm>
  );
}
