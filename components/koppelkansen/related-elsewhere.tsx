import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { listRelatedElsewhere, type RelatedUpdateRow } from "@/lib/analytics/related-queries";

/** Tag names as the reason lists them. */
const names = (tags: { name: string }[]) => tags.map((tag) => tag.name).join(", ");

/**
 * "Elders ook" on a listed update's page: up to five listed updates from other
 * municipalities sharing the most opgaven and themes with it, each saying why.
 */
export async function RelatedElsewhere({ updateId }: { updateId: string }) {
  const [rows, t, format] = await Promise.all([
    getLocale().then((locale) => listRelatedElsewhere(updateId, locale)),
    getTranslations("related"),
    getFormatter(),
  ]);
  // Why it is shown: "deelt: aardgasvrij, armoede · thema: mensgerichte koppelkansen".
  const reason = (row: RelatedUpdateRow) =>
    [
      row.sharedOpgaven.length ? t("shares", { list: names(row.sharedOpgaven) }) : null,
      row.sharedThemes.length ? t("sharesThemes", { count: row.sharedThemes.length, list: names(row.sharedThemes) }) : null,
    ]
      .filter(Boolean)
      .join(" · ");
  return (
    <section aria-labelledby="elders-ook" data-testid="related-elsewhere" className="space-y-3 border-t border-slate-300 pt-6">
      <h2 id="elders-ook">{t("title")}</h2>
      {rows.length ? (
        <>
          <p className="text-slate-700">{t("intro")}</p>
          <ol className="space-y-3">
            {rows.map((row) => (
              <li key={row.id} className="space-y-1 rounded border border-slate-300 bg-white p-4">
                <p>
                  <Link href={`/updates/${row.id}`} className="font-semibold">
                    {row.title}
                  </Link>
                </p>
                <p className="text-sm text-slate-700">
                  <Link href={`/gemeenten/${row.municipalitySlug}`}>{row.municipalityName}</Link>
                  {" · "}
                  <Link href={`/experimenten/${row.experimentSlug}`}>{row.experimentTitle}</Link>
                  {" · "}
                  <time dateTime={row.publishedAt.toISOString()}>{format.dateTime(row.publishedAt, { dateStyle: "long" })}</time>
                </p>
                <p className="text-sm">{reason(row)}</p>
              </li>
            ))}
          </ol>
        </>
      ) : (
        <p className="text-slate-700">{t("empty")}</p>
      )}
    </section>
  );
}
