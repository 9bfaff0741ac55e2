import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ExperimentPhase } from "@/lib/generated/prisma/enums";

export type ExperimentCardData = {
  id: string;
  slug: string;
  title: string;
  summary: string;
  phase: ExperimentPhase;
  wijken: { name: string }[];
  /** Shown when the list spans several municipalities. */
  municipality?: { name: string };
  /** Shown when given. */
  startDate?: Date;
};

/** Experiments as cards: title (linked), where, phase and start, summary. */
export async function ExperimentList({ experiments }: { experiments: ExperimentCardData[] }) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  return (
    <ul className="grid gap-4 md:grid-cols-2">
      {experiments.map((experiment) => {
        const place = [experiment.municipality?.name, experiment.wijken.map((wijk) => wijk.name).join(", ")].filter(Boolean).join(" · ");
        return (
          <li key={experiment.id} className="rounded border border-slate-300 bg-white p-4 shadow-sm">
            <article className="space-y-2" aria-labelledby={`experiment-${experiment.id}`}>
              <h3 id={`experiment-${experiment.id}`} className="font-semibold">
                <Link href={`/experimenten/${experiment.slug}`}>{experiment.title}</Link>
              </h3>
              <p className="text-sm text-slate-700">
                {place ? `${place} · ` : ""}
                {t("programme.phase")}: {t(`phases.${experiment.phase}`)}
                {experiment.startDate ? (
                  <>
                    {" · "}
                    {t("programme.startDate")}:{" "}
                    <time dateTime={experiment.startDate.toISOString().slice(0, 10)}>
                      {format.dateTime(experiment.startDate, { dateStyle: "long", timeZone: "UTC" })}
                    </time>
                  </>
                ) : null}
              </p>
              <p>{experiment.summary}</p>
            </article>
          </li>
        );
      })}
    </ul>
  );
}
