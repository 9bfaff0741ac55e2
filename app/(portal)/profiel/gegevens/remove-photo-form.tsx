"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/form/action-form";
import { SubmitButton } from "@/components/form/fields";
import { removeAvatarAction } from "@/lib/profiles/actions";

const secondaryButtonClass =
  "inline-flex items-center rounded border border-slate-500 bg-white px-4 py-2 font-semibold text-slate-900 hover:bg-slate-100";

export function RemovePhotoForm({ userId }: { userId: string }) {
  const t = useTranslations("people.settings.photo");
  return (
    <ActionForm action={removeAvatarAction} aria-label={t("remove")}>
      <input type="hidden" name="userId" value={userId} />
      <SubmitButton className={secondaryButtonClass}>{t("remove")}</SubmitButton>
    </ActionForm>
  );
}
