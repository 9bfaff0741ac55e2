import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { listSimilarExperiments } from "@/lib/analytics/related-queries";

/** At most this many shared opgaven are named per experiment; the rest are counted. */
const NAMED_OPGAVEN = 4;

/**
 * On an experiment's page: the experiments of other municipalities whose
 * updates carry the opgaven in about the same proportions, each naming the
 * opgaven they share (strongest overlap first).
 */
export async function SimilarExperiments({ experimentId }: { experimentId: string }) {
  const [rows, t] = await Promise.all([
    getLocale().then((locale) => listSimilarExperiments(experimentId, locale)),
    getTranslations("related"),
  ]);
  return (
    <section aria-labelledby="vergelijkbare-experimenten" data-testid="similar-experiments" className="space-y-3">
      <h2 id="vergelijkbare-experimenten">{t("similarTitle")}</h2>
      {rows.length ? (
        <>
          <p className="text-slate-700">{t("similarIntro")}</p>
          <ol className="space-y-3">
            {rows.map((row) => {
              const named = row.sharedOpgaven.slice(0, NAMED_OPGAVEN).map((opgave) => opgave.name);
              const more = row.sharedOpgaven.length - named.length;
              return (
                <li key={row.id} className="space-y-1 rounded border border-slate-300 bg-white p-4">
                  <p>
                    <Link href={`/experimenten/${row.slug}`} className="font-semibold">
                      {row.title}
                    </Link>
                  </p>
                  <p className="text-sm text-slate-700">
                    <Link href={`/gemeenten/${row.municipalitySlug}`}>{row.municipalityName}</Link>
                  </p>
                  <p className="text-sm">
                    {t("shares", { list: named.join(", ") })}
                    {more > 0 ? ` ${t("andMore", { count: more })}` : null}
                  </p>
                </li>
              );
            })}
          </ol>
        </>
      ) : (
        <p className="text-slate-700">{t("similarEmpty")}</p>
      )}
    </section>
  );
}
