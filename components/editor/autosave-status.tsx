"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { AutosaveStatus } from "./use-autosave";

/**
 * Says, politely, where the writer's text is: saved at a time, being saved,
 * not saved (and why, while the text stays in the form), or kept on this
 * device only (a published update changes only when saved on purpose).
 */
export function AutosaveStatusLine({ status, mode }: { status: AutosaveStatus; mode: "server" | "published" | "withdrawn" }) {
  const t = useTranslations("autosave");
  const errorsT = useTranslations("errors");
  const format = useFormatter();

  let text: string;
  let failed = false;
  if (mode !== "server") text = mode === "published" ? t("localOnlyPublished") : t("localOnlyWithdrawn");
  else if (status.kind === "saving") text = t("saving");
  else if (status.kind === "saved")
    text = t("savedAt", { time: format.dateTime(new Date(status.at), { hour: "2-digit", minute: "2-digit" }) });
  else if (status.kind === "failed") {
    failed = true;
    const reason =
      status.error === "autosave.unreachable"
        ? t("unreachable")
        : errorsT.has(status.error)
          ? errorsT(status.error)
          : errorsT("unexpected");
    text = t("failed", { reason });
  } else text = t("idle");

  return (
    <p role="status" className={failed ? "text-sm font-semibold text-red-800" : "text-sm text-slate-700"}>
      {text}
    </p>
  );
}
