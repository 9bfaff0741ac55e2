import { getTranslations } from "next-intl/server";
import Link from "next/link";

/** The profile's AVG section: download everything, delete the account (on its own page), read the statement. */
export async function DataRightsSection() {
  const t = await getTranslations("privacy.profile");
  return (
    <section aria-labelledby="data-rights" className="space-y-4">
      <h2 id="data-rights">{t("title")}</h2>
      <p>{t("intro")}</p>
      <p>{t("downloadHint")}</p>
      <div className="flex flex-wrap gap-3">
        {/* A download from a route handler, not a page: a plain link, no client navigation. */}
        <a
          href="/profiel/gegevens/download"
          download
          className="inline-flex items-center rounded bg-brand px-4 py-2 font-semibold text-white no-underline hover:bg-brand-dark hover:text-white"
        >
          {t("download")}
        </a>
        <Link
          href="/profiel/account-verwijderen"
          className="inline-flex items-center rounded border border-red-800 px-4 py-2 font-semibold text-red-800 no-underline hover:bg-red-50 hover:text-red-800"
        >
          {t("delete")}
        </Link>
      </div>
      <p>
        <Link href="/privacy">{t("statement")}</Link>
      </p>
    </section>
  );
}
