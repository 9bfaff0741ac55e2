"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/form/action-form";
import { SubmitButton, TextField } from "@/components/form/fields";
import { PasswordRules } from "@/components/form/password-rules";
import { resetPasswordAction } from "@/lib/accounts/actions";

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("resetPassword");
  return (
    <ActionForm action={resetPasswordAction} aria-label={t("title")}>
      <input type="hidden" name="token" value={token} />
      <PasswordRules />
      <TextField name="password" type="password" label={t("password")} autoComplete="new-password" />
      <TextField name="passwordConfirm" type="password" label={t("passwordConfirm")} autoComplete="new-password" />
      <SubmitButton>{t("submit")}</SubmitButton>
    </ActionForm>
  );
}
