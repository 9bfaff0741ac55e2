"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/form/action-form";
import { SelectField, SubmitButton, TextAreaField, TextField } from "@/components/form/fields";
import { blockUserAction, changeUserRoleAction, unblockUserAction } from "@/lib/accounts/actions";

type Option = { value: string; label: string };

const smallButton = "rounded border border-slate-600 px-3 py-1 text-sm font-semibold text-slate-900 hover:bg-slate-100";

/** A visible short label and the full one (with the person's name) for screen readers. */
function Label({ short, full }: { short: string; full: string }) {
  return (
    <>
      <span aria-hidden="true">{short}</span>
      <span className="sr-only">{full}</span>
    </>
  );
}

/**
 * Blocks someone (or changes their block): a reason they will see at sign-in,
 * and optionally the last day, after which the block lifts itself.
 */
export function BlockUserForm(props: {
  userId: string;
  userName: string;
  today: string;
  change?: { reason: string; lastDay: string };
  reasonMax: number;
}) {
  const t = useTranslations("admin.users");
  const heading = props.change ? t("changeBlockTitle") : t("blockTitle");
  return (
    <ActionForm
      action={blockUserAction}
      className="space-y-4"
      aria-label={props.change ? t("changeBlockLabel", { name: props.userName }) : t("blockLabel", { name: props.userName })}
    >
      <h3 className="text-lg">{heading}</h3>
      <input type="hidden" name="userId" value={props.userId} />
      <TextAreaField
        name="reason"
        label={t("reason")}
        hint={t("reasonHint")}
        rows={3}
        maxLength={props.reasonMax}
        defaultValue={props.change?.reason}
      />
      <TextField
        name="until"
        type="date"
        label={t("until")}
        hint={t("untilHint")}
        required={false}
        min={props.today}
        defaultValue={props.change?.lastDay}
      />
      <SubmitButton className={smallButton}>
        {props.change ? (
          <Label short={t("changeBlock")} full={t("changeBlockLabel", { name: props.userName })} />
        ) : (
          <Label short={t("block")} full={t("blockLabel", { name: props.userName })} />
        )}
      </SubmitButton>
    </ActionForm>
  );
}

/** Lifts a block; the optional reason goes into the audit log only. */
export function UnblockUserForm({ userId, userName, reasonMax }: { userId: string; userName: string; reasonMax: number }) {
  const t = useTranslations("admin.users");
  return (
    <ActionForm action={unblockUserAction} className="space-y-4" aria-label={t("unblockLabel", { name: userName })}>
      <h3 className="text-lg">{t("unblockTitle")}</h3>
      <input type="hidden" name="userId" value={userId} />
      <TextAreaField
        name="reason"
        label={t("unblockReason")}
        hint={t("unblockReasonHint")}
        required={false}
        rows={2}
        maxLength={reasonMax}
      />
      <SubmitButton className={smallButton}>
        <Label short={t("unblock")} full={t("unblockLabel", { name: userName })} />
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
    <ActionForm
      action={changeUserRoleAction}
      successMessage={t("done")}
      className="space-y-4"
      aria-label={t("changeRoleLabel", { name: props.userName })}
    >
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
