import "server-only";
import { db } from "@/lib/db";
import { listedUpdateWhere } from "@/lib/policy/updates";
import { phaseBands, rowSpan, timeAxis, type Milestone, type PhaseSummary } from "./timeline";

/** Today, for rows of experiments that still run (a function of its own so pages stay free of clock reads). */
export function currentDay(): Date {
  return new Date();
}

/**
 * /programma: every experiment as a row on one time axis, with its phase bands
 * (first and last listed update per phase, counted in the database) and its
 * milestones. Only listed updates count. Rows by start date, then title.
 */
export async function getProgrammeTimeline(today = currentDay()) {
  const [experiments, phases, milestoneRows] = await Promise.all([
    db.experiment.findMany({
      orderBy: [{ startDate: "asc" }, { title: "asc" }, { id: "asc" }],
      select: { id: true, title: true, slug: true, phase: true, startDate: true, municipality: { select: { name: true, slug: true } } },
    }),
    db.update.groupBy({
      by: ["experimentId", "phase"],
      where: listedUpdateWhere,
      _min: { publishedAt: true },
      _max: { publishedAt: true },
      _count: { _all: true },
    }),
    db.update.findMany({
      where: { ...listedUpdateWhere, milestone: { not: null } },
      orderBy: [{ publishedAt: "asc" }, { id: "asc" }],
      select: { id: true, title: true, milestone: true, publishedAt: true, experimentId: true },
    }),
  ]);
  const summaries = new Map<string, PhaseSummary[]>();
  for (const row of phases) {
    if (!row._min.publishedAt || !row._max.publishedAt) continue;
    const list = summaries.get(row.experimentId) ?? [];
    list.push({ phase: row.phase, first: row._min.publishedAt, last: row._max.publishedAt, updates: row._count._all });
    summaries.set(row.experimentId, list);
  }
  const milestones = new Map<string, Milestone[]>();
  for (const row of milestoneRows) {
    const label = row.milestone?.trim();
    if (!label || !row.publishedAt) continue;
    const list = milestones.get(row.experimentId) ?? [];
    list.push({ id: row.id, title: row.title, label, date: row.publishedAt });
    milestones.set(row.experimentId, list);
  }
  const rows = experiments.map((experiment) => {
    const bands = phaseBands(summaries.get(experiment.id) ?? []);
    const marks = milestones.get(experiment.id) ?? [];
    const span = rowSpan({ startDate: experiment.startDate, phase: experiment.phase, bands, milestones: marks, today });
    return { experiment, ...span, bands, milestones: marks };
  });
  return { today, axis: timeAxis(rows), rows };
}

export type ProgrammeTimeline = Awaited<ReturnType<typeof getProgrammeTimeline>>;
export type ProgrammeTimelineRow = ProgrammeTimeline["rows"][number];
