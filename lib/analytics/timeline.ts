/**
 * Timelines of experiments: phase bands and milestones from the listed
 * updates, the row each experiment spans, and a shared time axis. Pure (no
 * database, no clock: callers pass "today"), so the experiment page,
 * /programma and the unit tests share it.
 */
import type { ExperimentPhase } from "@/lib/generated/prisma/enums";

/** The phases in their natural order (ties between phases starting the same day follow it). */
export const PHASE_ORDER: readonly ExperimentPhase[] = ["VERKENNING", "PLANVORMING", "UITVOERING", "EVALUATIE", "AFGEROND"];

/** One phase of one experiment: its first and last listed update, and how many there are. */
export type PhaseSummary = { phase: ExperimentPhase; first: Date; last: Date; updates: number };

/** A band on the timeline: the phase from its first update to the next phase's first (the last phase: to its own last update). */
export type PhaseBand = { phase: ExperimentPhase; from: Date; to: Date; updates: number };

export type Milestone = { id: string; title: string; label: string; date: Date };

export type TimelineRow = { from: Date; to: Date; bands: PhaseBand[]; milestones: Milestone[] };

type DatedUpdate = { id: string; title: string; phase: ExperimentPhase; milestone: string | null; publishedAt: Date | null };

const time = (date: Date) => date.getTime();
const earlier = (a: Date, b: Date) => (time(a) <= time(b) ? a : b);
const later = (a: Date, b: Date) => (time(a) >= time(b) ? a : b);

/** Per phase, the first and last publication date and the count, of updates that have one. */
export function summarizePhases(updates: Pick<DatedUpdate, "phase" | "publishedAt">[]): PhaseSummary[] {
  const byPhase = new Map<ExperimentPhase, PhaseSummary>();
  for (const { phase, publishedAt } of updates) {
    if (!publishedAt) continue;
    const seen = byPhase.get(phase);
    if (!seen) byPhase.set(phase, { phase, first: publishedAt, last: publishedAt, updates: 1 });
    else
      byPhase.set(phase, {
        phase,
        first: earlier(seen.first, publishedAt),
        last: later(seen.last, publishedAt),
        updates: seen.updates + 1,
      });
  }
  return [...byPhase.values()];
}

/**
 * One band per phase, in the order the phases began. A band runs from the
 * phase's first update to the first update of the phase that began next (a
 * late update about an earlier phase does not stretch it back over the next
 * one); the phase that began last runs to its own last update.
 */
export function phaseBands(summaries: PhaseSummary[]): PhaseBand[] {
  const ordered = [...summaries].sort(
    (a, b) => time(a.first) - time(b.first) || PHASE_ORDER.indexOf(a.phase) - PHASE_ORDER.indexOf(b.phase),
  );
  return ordered.map((summary, index) => {
    const next = ordered[index + 1];
    return { phase: summary.phase, from: summary.first, to: next ? next.first : summary.last, updates: summary.updates };
  });
}

/** The updates with a (non-blank) milestone, oldest first. */
export function milestonesOf(updates: DatedUpdate[]): Milestone[] {
  return updates
    .flatMap((update) =>
      update.publishedAt && update.milestone?.trim()
        ? [{ id: update.id, title: update.title, label: update.milestone.trim(), date: update.publishedAt }]
        : [],
    )
    .sort((a, b) => time(a.date) - time(b.date) || a.id.localeCompare(b.id));
}

/**
 * The span of an experiment's row: from its start date (or an earlier update)
 * to today while it runs, or to its last update once it is AFGEROND.
 */
export function rowSpan(options: { startDate: Date; phase: ExperimentPhase; bands: PhaseBand[]; milestones: Milestone[]; today: Date }) {
  const dates = [...options.bands.flatMap((band) => [band.from, band.to]), ...options.milestones.map((milestone) => milestone.date)];
  const from = dates.reduce(earlier, options.startDate);
  const last = dates.reduce(later, from);
  return { from, to: options.phase === "AFGEROND" ? last : later(options.today, last) };
}

/** An experiment's whole timeline row from its listed updates. */
export function timelineRow(options: { startDate: Date; phase: ExperimentPhase; updates: DatedUpdate[]; today: Date }): TimelineRow {
  const bands = phaseBands(summarizePhases(options.updates));
  const milestones = milestonesOf(options.updates);
  return { ...rowSpan({ ...options, bands, milestones }), bands, milestones };
}

export type AxisTick = { date: Date; kind: "year" | "quarter"; year: number; quarter: 1 | 2 | 3 | 4 };

export type TimeAxis = {
  from: Date;
  to: Date;
  ticks: AxisTick[];
  /** Label the quarters too (short spans); otherwise only the years. */
  labelQuarters: boolean;
};

const quarterStart = (date: Date) => new Date(Date.UTC(date.getUTCFullYear(), Math.floor(date.getUTCMonth() / 3) * 3, 1));
const nextQuarter = (date: Date) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 3, 1));

/** Spans up to this many years get their quarters labelled. */
const LABEL_QUARTERS_UP_TO_YEARS = 3;

/** A time axis over all of `rows`, from the start of the first quarter to the start of the quarter after the last day. */
export function timeAxis(rows: { from: Date; to: Date }[]): TimeAxis | null {
  if (!rows.length) return null;
  const from = quarterStart(rows.map((row) => row.from).reduce(earlier));
  const to = nextQuarter(quarterStart(rows.map((row) => row.to).reduce(later)));
  const ticks: AxisTick[] = [];
  for (let at = from; time(at) <= time(to); at = nextQuarter(at)) {
    const quarter = (Math.floor(at.getUTCMonth() / 3) + 1) as AxisTick["quarter"];
    ticks.push({ date: at, kind: quarter === 1 ? "year" : "quarter", year: at.getUTCFullYear(), quarter });
  }
  const years = (time(to) - time(from)) / (365.25 * 86_400_000);
  return { from, to, ticks, labelQuarters: years <= LABEL_QUARTERS_UP_TO_YEARS };
}

/** Where `date` falls on the axis, 0 to 100 (percent), clamped. */
export function axisPercent(axis: Pick<TimeAxis, "from" | "to">, date: Date): number {
  const span = time(axis.to) - time(axis.from);
  if (span <= 0) return 0;
  return Math.min(100, Math.max(0, ((time(date) - time(axis.from)) / span) * 100));
}
