"use client";

import { useTranslations } from "next-intl";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("error");
  return (
    <div className="max-w-xl space-y-4">
      <h1>{t("title")}</h1>
      <p>{t("body")}</p>
      <button type="button" onClick={reset} className="rounded bg-brand px-4 py-2 font-semibold text-white">
        {t("retry")}
      </button>
    </div>
  );
}
