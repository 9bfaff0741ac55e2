"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/form/action-form";
import { SelectField, SubmitButton, TextAreaField, TextField } from "@/components/form/fields";
import { updateProfileAction } from "@/lib/profiles/actions";
import { BIO_MAX_LENGTH } from "@/lib/profiles/limits";

/** Name, bio and language; a refused form keeps what was typed (ActionForm). */
export function ProfileForm({ profile }: { profile: { id: string; name: string; bio: string; locale: string } }) {
  const t = useTranslations("people.settings");
  const tLanguages = useTranslations("people.languages");
  return (
    <ActionForm action={updateProfileAction} successMessage={t("saved")} aria-labelledby="gegevens-kop">
      <input type="hidden" name="userId" value={profile.id} />
      <TextField name="name" label={t("name")} defaultValue={profile.name} autoComplete="name" maxLength={100} />
      <TextAreaField
        name="bio"
        label={t("bio")}
        hint={t("bioHint")}
        required={false}
        defaultValue={profile.bio}
        rows={5}
        maxLength={BIO_MAX_LENGTH}
      />
      <SelectField
        name="locale"
        label={t("language")}
        hint={t("languageHint")}
        defaultValue={profile.locale}
        options={[
          { value: "nl", label: tLanguages("nl") },
          { value: "en", label: tLanguages("en") },
        ]}
      />
      <SubmitButton>{t("save")}</SubmitButton>
    </ActionForm>
  );
}
