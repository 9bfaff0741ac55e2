"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/form/action-form";
import { SelectField, SubmitButton } from "@/components/form/fields";
import { blockUserAction, changeUserRoleAction, unblockUserAction } from "@/lib/accounts/actions";

type Option = { value: string; label: string };

const smallButton = "rounded border border-slate-600 px-3 py-1 text-sm font-semibold text-slate-900 hover:bg-slate-100";

export function BlockUserButton({ userId, blocked, label }: { userId: string; blocked: boolean; label: string }) {
  const t = useTranslations("admin.users");
  return (
    <ActionForm action={blocked ? unblockUserAction : blockUserAction} className="space-y-1" aria-label={label}>
      <input type="hidden" name="userId" value={userId} />
      <SubmitButton className={smallButton}>
        <span aria-hidden="true">{blocked ? t("unblock") : t("block")}</span>
        <span className="sr-only">{label}</span>
      </SubmitButton>
    </ActionForm>
  );
}

export function ChangeRoleForm(props: {
  userId: string;
  userName: string;
  role: string;
  municipalityId: string;
  roles: Option[];
  municipalities: Option[];
}) {
  const t = useTranslations("admin.users");
  const common = useTranslations("common");
  return (
    <ActionForm action={changeUserRoleAction} successMessage={t("done")} className="space-y-2" aria-label={t("changeRoleLabel", { name: props.userName })}>
      <input type="hidden" name="userId" value={props.userId} />
      <SelectField name="role" label={t("changeRoleLabel", { name: props.userName })} options={props.roles} defaultValue={props.role} />
      <SelectField
        name="municipalityId"
        label={t("municipalityLabel", { name: props.userName })}
        required={false}
        options={props.municipalities}
        placeholder={common("none")}
        defaultValue={props.municipalityId}
      />
      <SubmitButton className={smallButton}>{t("changeRole")}</SubmitButton>
    </ActionForm>
  );
}
