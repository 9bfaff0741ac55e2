"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/form/action-form";
import { SubmitButton } from "@/components/form/fields";
import { revokeInvitationAction } from "@/lib/accounts/actions";

export function RevokeInvitationButton({ invitationId, label }: { invitationId: string; label: string }) {
  const t = useTranslations("admin.invitations");
  return (
    <ActionForm action={revokeInvitationAction} className="space-y-1" aria-label={label}>
      <input type="hidden" name="invitationId" value={invitationId} />
      <SubmitButton className="rounded border border-red-800 px-3 py-1 text-sm font-semibold text-red-800 hover:bg-red-50">
        <span aria-hidden="true">{t("revoke")}</span>
        <span className="sr-only">{label}</span>
      </SubmitButton>
    </ActionForm>
  );
}
