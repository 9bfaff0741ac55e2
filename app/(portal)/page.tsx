import { getTranslations } from "next-intl/server";
import { getProgrammeOverview } from "@/lib/programme/queries";
import { requireUser } from "@/lib/session";
import { TagList } from "@/components/ui/tag-list";

export default async function HomePage() {
  const user = await requireUser("/");
  const t = await getTranslations();
  const overview = await getProgrammeOverview();
  const role = t(`roles.${user.role}`).toLowerCase();
  return (
    <div className="space-y-10">
      <section aria-labelledby="welcome" className="space-y-2">
        <h1 id="welcome">{t("home.title", { name: user.name })}</h1>
        <p>
          {user.municipality
            ? t("home.youAreAt", { role, municipality: user.municipality.name })
            : t("home.youAre", { role })}
        </p>
      </section>

      <section aria-labelledby="programme" className="space-y-4">
        <h2 id="programme">{t("home.programme")}</h2>
        <p>{t("home.stats", { municipalities: overview.municipalityCount, experiments: overview.experiments.length })}</p>
        <div className="grid gap-6 md:grid-cols-2">
          <div className="space-y-2">
            <h3 className="font-semibold">{t("home.opgaven")}</h3>
            <TagList items={overview.opgaven} />
          </div>
          <div className="space-y-2">
            <h3 className="font-semibold">{t("home.themes")}</h3>
            <TagList items={overview.themes} />
          </div>
        </div>
      </section>

      <section aria-labelledby="experiments" className="space-y-4">
        <h2 id="experiments">{t("home.experiments")}</h2>
        {overview.experiments.length === 0 ? (
          <p>{t("home.empty")}</p>
        ) : (
          <ul className="grid gap-4 md:grid-cols-2">
            {overview.experiments.map((experiment) => (
              <li key={experiment.id} className="rounded border border-slate-300 bg-white p-4 shadow-sm">
                <article className="space-y-2" aria-labelledby={`experiment-${experiment.id}`}>
                  <h3 id={`experiment-${experiment.id}`} className="font-semibold">
                    {experiment.title}
                  </h3>
                  <p className="text-sm text-slate-700">
                    {experiment.municipality.name}
                    {experiment.wijken.length ? ` · ${experiment.wijken.map((wijk) => wijk.name).join(", ")}` : ""} ·{" "}
                    {t("home.phase")}: {t(`phases.${experiment.phase}`)}
                  </p>
                  <p>{experiment.summary}</p>
                </article>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
