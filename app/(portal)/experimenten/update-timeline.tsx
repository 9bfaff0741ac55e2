import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { ExperimentTimelineChart } from "@/components/timeline/experiment-timeline-chart";
import { TagList } from "@/components/ui/tag-list";
import type { ExperimentPhase } from "@/lib/generated/prisma/enums";
import type { TimelineUpdate } from "@/lib/programme/queries";

type Entry = TimelineUpdate & { experiment?: { title: string; slug: string } };

/**
 * Published updates as a timeline, newest first, each linking to its own page.
 * Used on an experiment's page and (with the experiment named) on a municipality's.
 * With `chart` (an experiment's start date and phase), a chart of the phases
 * and milestones comes first; the list stays as its text alternative.
 */
export async function UpdateTimeline({
  updates,
  headingLevel = 3,
  chart,
}: {
  updates: Entry[];
  headingLevel?: 3 | 4;
  chart?: { startDate: Date; phase: ExperimentPhase };
}) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const Heading = headingLevel === 3 ? "h3" : "h4";
  const list = (
    <ol className="space-y-4 border-l-4 border-brand-light pl-4">
      {updates.map((update) => (
        <li key={update.id} className="relative">
          <span aria-hidden="true" className="absolute -left-[1.65rem] top-2 h-3 w-3 rounded-full border-2 border-white bg-brand" />
          <article aria-labelledby={`update-${update.id}`} className="space-y-2 rounded border border-slate-300 bg-white p-4 shadow-sm">
            <Heading id={`update-${update.id}`} className="text-lg font-semibold">
              <Link href={`/updates/${update.id}`}>{update.title}</Link>
            </Heading>
            <p className="text-sm text-slate-700">
              {update.publishedAt ? (
                <time dateTime={update.publishedAt.toISOString()}>{format.dateTime(update.publishedAt, { dateStyle: "long" })}</time>
              ) : null}
              {" · "}
              {t("programme.byAuthor", { name: update.author.name })}
              {" · "}
              {t("programme.phase")}: {t(`phases.${update.phase}`)}
              {update.experiment ? (
                <>
                  {" · "}
                  <Link href={`/experimenten/${update.experiment.slug}`}>{update.experiment.title}</Link>
                </>
              ) : null}
            </p>
            {update.milestone ? (
              <p>
                <span className="inline-block rounded border border-amber-800 bg-amber-50 px-2 py-0.5 text-sm font-semibold text-amber-900">
                  {t("programme.milestone")}: {update.milestone}
                </span>
              </p>
            ) : null}
            {update.opgaven.length ? (
              <div className="flex flex-wrap items-center gap-2">
                <span className="text-sm font-semibold text-slate-800">{t("programme.opgaven")}:</span>
                <TagList items={update.opgaven} />
              </div>
            ) : null}
            {update.themes.length ? (
              <div className="flex flex-wrap items-center gap-2">
                <span className="text-sm font-semibold text-slate-800">{t("programme.themes")}:</span>
                <TagList items={update.themes} />
              </div>
            ) : null}
          </article>
        </li>
      ))}
    </ol>
  );
  if (!chart) return list;
  return (
    <div className="space-y-6">
      <ExperimentTimelineChart experiment={chart} updates={updates} />
      {list}
    </div>
  );
}
