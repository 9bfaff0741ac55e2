"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/form/action-form";
import { SubmitButton, TextField } from "@/components/form/fields";
import { requestPasswordResetAction } from "@/lib/accounts/actions";

export function ForgotPasswordForm() {
  const t = useTranslations("forgotPassword");
  return (
    <ActionForm action={requestPasswordResetAction} successMessage={t("sent")} aria-label={t("title")}>
      <TextField name="email" type="email" label={t("email")} autoComplete="email" />
      <SubmitButton>{t("submit")}</SubmitButton>
    </ActionForm>
  );
}
