"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/form/action-form";
import { SubmitButton, TextField } from "@/components/form/fields";
import { setAutoHideThresholdAction } from "@/lib/moderation/actions";

/** Admins: how many open reports from different people hide an item pending review. */
export function ThresholdForm({ threshold }: { threshold: number }) {
  const t = useTranslations("moderationQueue.threshold");
  return (
    <section aria-labelledby="drempel-titel" className="max-w-xl space-y-3 rounded border border-slate-300 bg-white p-4">
      <h2 id="drempel-titel" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <ActionForm action={setAutoHideThresholdAction} successMessage={t("saved")} className="space-y-3">
        <TextField
          name="threshold"
          label={t("label")}
          hint={t("hint")}
          type="number"
          min={1}
          max={50}
          defaultValue={threshold}
          inputMode="numeric"
        />
        <SubmitButton>{t("save")}</SubmitButton>
      </ActionForm>
    </section>
  );
}
