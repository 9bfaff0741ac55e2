"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { ActionForm, useFormState } from "@/components/form/action-form";
import { SelectField, SubmitButton, TextField } from "@/components/form/fields";
import { createInvitationAction } from "@/lib/accounts/actions";

type Option = { value: string; label: string };

function SentMessage() {
  const t = useTranslations("admin.invitations");
  const { state } = useFormState();
  if (!state?.ok) return null;
  const { email } = state.data as { email: string };
  return (
    <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 px-4 py-3 text-green-900">
      {t("sent", { email })}
    </p>
  );
}

export function InvitationForm({ roles, municipalities }: { roles: Option[]; municipalities: Option[] }) {
  const t = useTranslations("admin.invitations");
  const [role, setRole] = useState("MEMBER");
  return (
    <ActionForm action={createInvitationAction} resetOnSuccess aria-label={t("title")}>
      <SentMessage />
      <TextField name="email" type="email" label={t("email")} autoComplete="off" />
      <SelectField name="role" label={t("role")} options={roles} value={role} onChange={(event) => setRole(event.target.value)} />
      <SelectField
        name="municipalityId"
        label={t("municipality")}
        hint={t("municipalityHint")}
        required={role === "PROJECT_LEADER"}
        options={municipalities}
        placeholder={t("chooseMunicipality")}
        defaultValue=""
      />
      <SubmitButton>{t("submit")}</SubmitButton>
    </ActionForm>
  );
}
