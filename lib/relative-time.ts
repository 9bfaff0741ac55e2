/** A unit Intl.RelativeTimeFormat knows, from seconds to years. */
export type RelativeUnit = "second" | "minute" | "hour" | "day" | "week" | "month" | "year";

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Upper bounds (exclusive, in ms) per unit; past the last one it is years. */
const STEPS: readonly [RelativeUnit, number, number][] = [
  ["second", MINUTE, SECOND],
  ["minute", HOUR, MINUTE],
  ["hour", DAY, HOUR],
  ["day", 7 * DAY, DAY],
  ["week", 30 * DAY, 7 * DAY],
  ["month", 365 * DAY, 30 * DAY],
];

/**
 * How far `date` lies from `now`, as a whole number of the largest fitting
 * unit (negative in the past): 3 days ago is { value: -3, unit: "day" }.
 * Pure, so the server and a test agree on it for a fixed `now`.
 */
export function relativeTimeParts(date: Date, now: Date): { value: number; unit: RelativeUnit } {
  const diff = date.getTime() - now.getTime();
  const size = Math.abs(diff);
  for (const [unit, below, length] of STEPS) {
    if (size < below) return { value: Math.trunc(diff / length) || 0, unit };
  }
  return { value: Math.trunc(diff / (365 * DAY)), unit: "year" };
}

/** "3 dagen geleden", "gisteren", "3 days ago": the phrase for `date` seen from `now` in `locale`. */
export function formatRelativeTime(date: Date, now: Date, locale: string): string {
  const { value, unit } = relativeTimeParts(date, now);
  return new Intl.RelativeTimeFormat(locale, { numeric: "auto" }).format(value, unit);
}
