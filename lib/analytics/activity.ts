/**
 * Activity per month as the charts show it, shaped from the rows of its SQL
 * (activity-sql.ts). Pure, so tests and pages share it.
 */
import type { ActivityRow } from "./activity-sql";

/** Two series over the same months: updates published and comments written. */
export type ActivitySeries = { updates: number[]; comments: number[] };

export type ActivityOpgave = ActivitySeries & { id: string; name: string; slug: string; color: string; archived: boolean };

export type Activity = {
  /** The months shown, oldest first, as YYYY-MM. */
  months: string[];
  /** The months end with the current one; false: nothing happened this past year, so they end with the newest update's month. */
  current: boolean;
  /** The month of the newest listed update in scope (YYYY-MM), or null without one. */
  latestMonth: string | null;
  /** All opgaven together: each update and comment once. */
  all: ActivitySeries;
  /** The opgaven with any activity in these months, the busiest first. */
  opgaven: ActivityOpgave[];
};

/** An opgave's heading; the list comes in the coordinators' order. */
type OpgaveInfo = Omit<ActivityOpgave, keyof ActivitySeries>;

/** The months from `first` up to and including `last` (both YYYY-MM). */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  let [year, month] = first.split("-").map(Number) as [number, number];
  for (let guard = 0; guard < 1200; guard++) {
    const label = `${year}-${String(month).padStart(2, "0")}`;
    if (label > last) break;
    months.push(label);
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
  return months;
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

export function shapeActivity(rows: ActivityRow[], lastMonth: string, opgaven: OpgaveInfo[], current = true): Activity {
  const first = rows.find((row) => row.series === "first")?.month ?? lastMonth;
  const months = monthsBetween(first, lastMonth);
  const empty = (): ActivitySeries => ({ updates: months.map(() => 0), comments: months.map(() => 0) });
  const all = empty();
  const perOpgave = new Map<string, ActivitySeries>();
  for (const row of rows) {
    if (row.series === "first" || row.series === "latest") continue;
    const at = row.at;
    if (at < 0 || at >= months.length) continue;
    let series = all;
    if (row.opgaveId !== null) {
      series = perOpgave.get(row.opgaveId) ?? empty();
      perOpgave.set(row.opgaveId, series);
    }
    series[row.series][at] = row.count;
  }
  const order = new Map(opgaven.map((opgave, i) => [opgave.id, i]));
  const shown = opgaven
    .filter((opgave) => perOpgave.has(opgave.id))
    .map((opgave) => ({ ...opgave, ...perOpgave.get(opgave.id)! }))
    .sort((a, b) => sum(b.updates) - sum(a.updates) || sum(b.comments) - sum(a.comments) || order.get(a.id)! - order.get(b.id)!);
  const latestMonth = rows.find((row) => row.series === "latest")?.month ?? null;
  return { months, current, latestMonth, all, opgaven: shown };
}

/** Nothing happened in these months. */
export function isQuiet(activity: Activity): boolean {
  return sum(activity.all.updates) + sum(activity.all.comments) === 0;
}
