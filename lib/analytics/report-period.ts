/**
 * The programme report's period: two calendar days (YYYY-MM-DD), both
 * inclusive. Pure (no database, no server-only), shared by the page, the
 * download route, the bench and the tests.
 */
import { z } from "zod";
import { addDays, calendarDayOf, isCalendarDate, startOfDay } from "@/lib/calendar-day";

export type ReportPeriod = { from: string; to: string };

const day = z.string({ error: "report.dateInvalid" }).trim().refine(isCalendarDate, { error: "report.dateInvalid" });

/** Both days given and real, the end on or after the start (YYYY-MM-DD compares as text in calendar order). */
export const reportPeriodSchema = z
  .object({ from: day, to: day })
  .refine((period) => period.from <= period.to, { error: "report.periodReversed", path: ["to"] });

/** The default period: the last twelve months, up to and including today (`now`'s day in the Netherlands). */
export function defaultReportPeriod(now: Date = new Date()): ReportPeriod {
  const to = calendarDayOf(now);
  const [year, month, date] = to.split("-").map(Number) as [number, number, number];
  // The day after the same date a year earlier; after 29 February, that is 1 March.
  const daysInMonth = new Date(Date.UTC(year - 1, month, 0)).getUTCDate();
  const from = new Date(Date.UTC(year - 1, month - 1, Math.min(date, daysInMonth) + 1)).toISOString().slice(0, 10);
  return { from, to };
}

/** What the address asked for: a period, or an error key (under `errors.`) with the days as typed, to show them again. */
export type ReportPeriodRequest =
  { ok: true; period: ReportPeriod; chosen: boolean } | { ok: false; error: string; from: string; to: string };

const first = (value: unknown): string => {
  const text = Array.isArray(value) ? value[0] : value;
  return typeof text === "string" ? text.slice(0, 40) : "";
};

/**
 * The period from the query (`?from=…&to=…`). Neither given: the default
 * (chosen false). One given: the other side comes from the default, so
 * `?from=2026-01-01` reads as "from 1 January up to today".
 */
export function parseReportPeriod(query: Record<string, unknown>, now: Date = new Date()): ReportPeriodRequest {
  const from = first(query.from).trim();
  const to = first(query.to).trim();
  const fallback = defaultReportPeriod(now);
  if (!from && !to) return { ok: true, period: fallback, chosen: false };
  const parsed = reportPeriodSchema.safeParse({ from: from || fallback.from, to: to || fallback.to });
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? "report.dateInvalid", from, to };
  return { ok: true, period: parsed.data, chosen: true };
}

/** Quick choices for the period form: this calendar year so far, and last year. */
export function periodPresets(now: Date = new Date()): { key: "lastTwelveMonths" | "thisYear" | "lastYear"; period: ReportPeriod }[] {
  const today = calendarDayOf(now);
  const year = Number(today.slice(0, 4));
  return [
    { key: "lastTwelveMonths", period: defaultReportPeriod(now) },
    { key: "thisYear", period: { from: `${year}-01-01`, to: today } },
    { key: "lastYear", period: { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` } },
  ];
}

/**
 * The period as instants: `start` is midnight at the beginning of `from` and
 * `end` midnight after `to`, in the Netherlands (lib/calendar-day.ts), so
 * both days count whole whatever the server's time zone. `end` is exclusive.
 */
export function reportBounds(period: ReportPeriod): { start: Date; end: Date } {
  return { start: startOfDay(period.from), end: startOfDay(addDays(period.to, 1)) };
}

/** The period as a query string for links (`from=…&to=…`). */
export function periodQuery(period: ReportPeriod): string {
  return new URLSearchParams({ from: period.from, to: period.to }).toString();
}
