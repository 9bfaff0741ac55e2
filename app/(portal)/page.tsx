import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { ActivitySection } from "@/components/charts/activity-section";
import { ExperimentList } from "@/components/programme/experiment-list";
import { TagList } from "@/components/ui/tag-list";
import { getProgrammeOverview } from "@/lib/programme/queries";
import { requireUser } from "@/lib/session";
import { listLatestUpdates, listTaxonomy, type TaxonomyListItem } from "@/lib/taxonomy/queries";

export default async function HomePage() {
  const user = await requireUser("/");
  const t = await getTranslations();
  const [overview, format, latestUpdates, opgaven, themes] = await Promise.all([
    getProgrammeOverview(),
    getFormatter(),
    listLatestUpdates(5),
    listTaxonomy("opgave", { includeArchived: false }),
    listTaxonomy("theme", { includeArchived: false }),
  ]);
  // The tags link to their pages and show how many published updates carry them.
  const withCount = (item: TaxonomyListItem) => ({
    ...item,
    name: t("homeLatest.tagWithCount", { name: item.name, count: item.updateCount }),
  });
  const role = t(`roles.${user.role}`).toLowerCase();
  return (
    <div className="space-y-10">
      <section aria-labelledby="welcome" className="space-y-2">
        <h1 id="welcome">{t("home.title", { name: user.name })}</h1>
        <p>{user.municipality ? t("home.youAreAt", { role, municipality: user.municipality.name }) : t("home.youAre", { role })}</p>
      </section>

      <section aria-labelledby="programme" className="space-y-4">
        <h2 id="programme">{t("home.programme")}</h2>
        <p>
          {t("home.stats", { municipalities: overview.municipalityCount, experiments: overview.experiments.length })}{" "}
          <Link href="/gemeenten">{t("home.allMunicipalities")}</Link>
        </p>
        <div className="grid gap-6 md:grid-cols-2">
          <div className="space-y-2">
            <h3 className="font-semibold">{t("home.opgaven")}</h3>
            <TagList items={opgaven.map(withCount)} href={(opgave) => `/opgaven/${opgave.slug}`} />
          </div>
          <div className="space-y-2">
            <h3 className="font-semibold">{t("home.themes")}</h3>
            <TagList items={themes.map(withCount)} href={(theme) => `/themas/${theme.slug}`} />
          </div>
        </div>
        <p className="text-sm text-slate-700">
          {t("homeLatest.countHint")} <Link href="/opgaven">{t("homeLatest.allOpgaven")}</Link> ·{" "}
          <Link href="/themas">{t("homeLatest.allThemes")}</Link>
        </p>
      </section>

      <section aria-labelledby="latest-updates" className="space-y-4">
        <h2 id="latest-updates">{t("homeLatest.title")}</h2>
        {latestUpdates.length === 0 ? (
          <p>{t("homeLatest.empty")}</p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded border border-slate-300 bg-white">
            {latestUpdates.map((update) => (
              <li key={update.id} className="space-y-1 p-4">
                <p className="font-semibold">
                  <Link href={`/updates/${update.id}`}>{update.title}</Link>
                </p>
                <p className="text-sm text-slate-700">
                  <Link href={`/experimenten/${update.experiment.slug}`}>{update.experiment.title}</Link>
                  {" · "}
                  <Link href={`/gemeenten/${update.experiment.municipality.slug}`}>{update.experiment.municipality.name}</Link>
                  {update.publishedAt ? (
                    <>
                      {" · "}
                      <time dateTime={update.publishedAt.toISOString()}>{format.dateTime(update.publishedAt, { dateStyle: "long" })}</time>
                    </>
                  ) : null}
                </p>
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link href="/updates">{t("homeLatest.allUpdates")}</Link>
        </p>
      </section>

      <ActivitySection />

      <section aria-labelledby="experiments" className="space-y-4">
        <h2 id="experiments">{t("home.experiments")}</h2>
        {overview.experiments.length === 0 ? <p>{t("home.empty")}</p> : <ExperimentList experiments={overview.experiments} />}
      </section>
    </div>
  );
}
