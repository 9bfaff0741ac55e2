import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { FollowButton } from "@/components/follows/follow-button";
import { SimilarExperiments } from "@/components/koppelkansen/similar-experiments";
import { Breadcrumbs } from "@/components/layout/breadcrumbs";
import { TagList } from "@/components/ui/tag-list";
import { can } from "@/lib/policy/permissions";
import { getExperimentPage } from "@/lib/programme/queries";
import { slugParam } from "@/lib/route-params";
import { getCurrentUser, requirePermission } from "@/lib/session";
import { UpdateTimeline } from "../update-timeline";

// Metadata and page share one query per request.
const loadExperiment = cache(getExperimentPage);

export async function generateMetadata({ params }: PageProps<"/experimenten/[slug]">): Promise<Metadata> {
  if (!can(await getCurrentUser(), "portal:read")) return {};
  const experiment = await loadExperiment(slugParam((await params).slug));
  return { title: experiment?.title ?? (await getTranslations("notFound"))("title") };
}

export default async function ExperimentPage({ params }: PageProps<"/experimenten/[slug]">) {
  const slug = slugParam((await params).slug);
  const user = await requirePermission("portal:read", `/experimenten/${slug}`);
  const experiment = await loadExperiment(slug);
  if (!experiment) notFound();
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  // Project leaders write about the experiments of their own municipality (the update service checks again).
  const mayWrite = can(user, "update:publish") && user.municipalityId === experiment.municipality.id;
  return (
    <div className="space-y-10">
      <div className="space-y-4">
        <Breadcrumbs
          items={[
            { nav: "municipalities", href: "/gemeenten" },
            { label: experiment.municipality.name, href: `/gemeenten/${experiment.municipality.slug}` },
            { label: experiment.title },
          ]}
        />
        <h1>{experiment.title}</h1>
        <FollowButton targetType="EXPERIMENT" targetId={experiment.id} name={experiment.title} />
        <p className="max-w-3xl text-lg">{experiment.summary}</p>
        <dl className="grid max-w-3xl grid-cols-[max-content_1fr] gap-x-6 gap-y-2 rounded border border-slate-300 bg-white p-4">
          <dt className="font-semibold">{t("experiment.municipality")}</dt>
          <dd>
            <Link href={`/gemeenten/${experiment.municipality.slug}`}>{experiment.municipality.name}</Link>
          </dd>
          <dt className="font-semibold">{t("programme.wijken")}</dt>
          <dd>
            {experiment.wijken.length
              ? experiment.wijken.map((wijk) => `${wijk.name} (${wijk.cbsCode})`).join(", ")
              : t("experiment.noWijken")}
          </dd>
          <dt className="font-semibold">{t("programme.phase")}</dt>
          <dd>{t(`phases.${experiment.phase}`)}</dd>
          <dt className="font-semibold">{t("programme.startDate")}</dt>
          <dd>
            <time dateTime={experiment.startDate.toISOString().slice(0, 10)}>
              {format.dateTime(experiment.startDate, { dateStyle: "long", timeZone: "UTC" })}
            </time>
          </dd>
        </dl>
      </div>

      <section aria-labelledby="project-leaders" className="space-y-4">
        <h2 id="project-leaders">{t("programme.projectLeaders")}</h2>
        {experiment.leaders.length === 0 ? (
          <p>{t("experiment.noLeaders")}</p>
        ) : (
          <ul className="list-disc space-y-1 pl-6">
            {experiment.leaders.map((leader) => (
              <li key={leader.id}>{leader.name}</li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="tags" className="space-y-4">
        <h2 id="tags">{t("experiment.tags")}</h2>
        {experiment.opgaven.length === 0 && experiment.themes.length === 0 ? (
          <p>{t("experiment.noTags")}</p>
        ) : (
          <>
            <p>{t("experiment.tagsIntro")}</p>
            <div className="grid gap-6 md:grid-cols-2">
              <div className="space-y-2">
                <h3 className="font-semibold">{t("programme.opgaven")}</h3>
                {experiment.opgaven.length ? <TagList items={experiment.opgaven} /> : <p>{t("common.none")}</p>}
              </div>
              <div className="space-y-2">
                <h3 className="font-semibold">{t("programme.themes")}</h3>
                {experiment.themes.length ? <TagList items={experiment.themes} /> : <p>{t("common.none")}</p>}
              </div>
            </div>
          </>
        )}
      </section>

      <section aria-labelledby="timeline" className="space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-4">
          <h2 id="timeline">{t("experiment.timeline")}</h2>
          {mayWrite ? (
            <Link
              href={`/updates/nieuw?experiment=${encodeURIComponent(experiment.slug)}`}
              className="inline-flex items-center rounded bg-brand px-4 py-2 font-semibold text-white no-underline hover:bg-brand-dark hover:text-white"
            >
              {t("experiment.writeUpdate")}
            </Link>
          ) : null}
        </div>
        {experiment.timeline.length === 0 ? (
          <p>{t("experiment.noUpdates")}</p>
        ) : (
          <>
            <p>{t("experiment.timelineIntro")}</p>
            <UpdateTimeline updates={experiment.timeline} chart={experiment} />
          </>
        )}
      </section>

      <SimilarExperiments experimentId={experiment.id} />
    </div>
  );
}
