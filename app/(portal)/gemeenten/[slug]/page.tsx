import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ActivitySection } from "@/components/charts/activity-section";
import { FollowButton } from "@/components/follows/follow-button";
import { Breadcrumbs } from "@/components/layout/breadcrumbs";
import { ExperimentList } from "@/components/programme/experiment-list";
import { can } from "@/lib/policy/permissions";
import { getMunicipalityPage } from "@/lib/programme/queries";
import { slugParam } from "@/lib/route-params";
import { getCurrentUser, requirePermission } from "@/lib/session";
import { UpdateTimeline } from "../../experimenten/update-timeline";

// Metadata and page share one query per request.
const loadMunicipality = cache(getMunicipalityPage);

export async function generateMetadata({ params }: PageProps<"/gemeenten/[slug]">): Promise<Metadata> {
  if (!can(await getCurrentUser(), "portal:read")) return {};
  const municipality = await loadMunicipality(slugParam((await params).slug));
  return { title: municipality?.name ?? (await getTranslations("notFound"))("title") };
}

export default async function MunicipalityPage({ params }: PageProps<"/gemeenten/[slug]">) {
  const slug = slugParam((await params).slug);
  await requirePermission("portal:read", `/gemeenten/${slug}`);
  const municipality = await loadMunicipality(slug);
  if (!municipality) notFound();
  const t = await getTranslations();
  return (
    <div className="space-y-10">
      <div className="space-y-2">
        <Breadcrumbs items={[{ nav: "municipalities", href: "/gemeenten" }, { label: municipality.name }]} />
        <h1>{municipality.name}</h1>
        <FollowButton targetType="MUNICIPALITY" targetId={municipality.id} name={municipality.name} />
        <p className="text-slate-700">{t("municipalities.cbsCodeLine", { code: municipality.cbsCode })}</p>
      </div>

      <section aria-labelledby="experiments" className="space-y-4">
        <h2 id="experiments">{t("municipalities.experiments")}</h2>
        {municipality.experiments.length === 0 ? (
          <p>{t("municipalities.noExperiments")}</p>
        ) : (
          <ExperimentList experiments={municipality.experiments} />
        )}
      </section>

      <div className="grid gap-10 md:grid-cols-2">
        <section aria-labelledby="wijken" className="space-y-4">
          <h2 id="wijken">{t("municipalities.wijken")}</h2>
          {municipality.wijken.length === 0 ? (
            <p>{t("municipalities.noWijken")}</p>
          ) : (
            <table className="w-full border-collapse bg-white text-left">
              <caption className="sr-only">{t("municipalities.wijkenOf", { name: municipality.name })}</caption>
              <thead>
                <tr className="border-b-2 border-slate-400">
                  <th scope="col" className="p-2">
                    {t("municipalities.wijk")}
                  </th>
                  <th scope="col" className="p-2">
                    {t("municipalities.wijkCode")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {municipality.wijken.map((wijk) => (
                  <tr key={wijk.id} className="border-b border-slate-200">
                    <th scope="row" className="p-2 font-normal">
                      {wijk.name}
                    </th>
                    <td className="p-2">{wijk.cbsCode}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>

        <section aria-labelledby="project-leaders" className="space-y-4">
          <h2 id="project-leaders">{t("municipalities.projectLeaders")}</h2>
          {municipality.projectLeaders.length === 0 ? (
            <p>{t("municipalities.noProjectLeaders")}</p>
          ) : (
            <ul className="list-disc space-y-1 pl-6">
              {municipality.projectLeaders.map((leader) => (
                <li key={leader.id}>{leader.name}</li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <section aria-labelledby="latest-updates" className="space-y-4">
        <h2 id="latest-updates">{t("municipalities.latestUpdates")}</h2>
        {municipality.latestUpdates.length === 0 ? (
          <p>{t("municipalities.noUpdates")}</p>
        ) : (
          <UpdateTimeline updates={municipality.latestUpdates} />
        )}
      </section>

      <ActivitySection municipalityId={municipality.id} />
    </div>
  );
}
