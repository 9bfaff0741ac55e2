import { getNow, getTranslations } from "next-intl/server";
import Link from "next/link";
import { ActivitySection } from "@/components/charts/activity-section";
import { NewUpdateLink } from "@/components/layout/new-update-link";
import { ExperimentList } from "@/components/programme/experiment-list";
import { TagList } from "@/components/ui/tag-list";
import { LatestUpdateList } from "@/components/updates/latest-update-list";
import { getHomeProgramme } from "@/lib/programme/home-queries";
import { requireUser } from "@/lib/session";
import { listLatestUpdates, listTaxonomy, type TaxonomyListItem } from "@/lib/taxonomy/queries";

export default async function HomePage() {
  const user = await requireUser("/");
  const t = await getTranslations();
  // One moment for the whole page, so every "3 dagen geleden" is counted from the same now.
  const [overview, now, latestUpdates, opgaven, themes] = await Promise.all([
    getHomeProgramme(),
    getNow(),
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
        <NewUpdateLink user={user} />
      </section>

      <section aria-labelledby="programme" className="space-y-4">
        <h2 id="programme">{t("home.programme")}</h2>
        <p>
          {t("home.stats", { municipalities: overview.municipalityCount, experiments: overview.experimentCount })}{" "}
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
        {latestUpdates.length === 0 ? <p>{t("homeLatest.empty")}</p> : <LatestUpdateList updates={latestUpdates} now={now} />}
        <p>
          <Link href="/updates">{t("homeLatest.allUpdates")}</Link>
        </p>
      </section>

      <ActivitySection />

      <section aria-labelledby="experiments" className="space-y-4">
        <h2 id="experiments">{t("home.recentExperiments")}</h2>
        {overview.experiments.length === 0 ? <p>{t("home.empty")}</p> : <ExperimentList experiments={overview.experiments} />}
        {overview.experimentCount > overview.experiments.length ? (
          <p>
            <Link href="/gemeenten">{t("home.allExperiments", { count: overview.experimentCount })}</Link>
          </p>
        ) : null}
      </section>
    </div>
  );
}
