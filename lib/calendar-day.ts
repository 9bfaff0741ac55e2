/**
 * Calendar days (YYYY-MM-DD, as a date field sends them) as the programme
 * means them: Dutch days, from midnight in Amsterdam, whatever the server's
 * own time zone. Used where a day becomes a moment (a block's end, a period
 * filter) and back.
 */

export const APP_TIME_ZONE = "Europe/Amsterdam";

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** The wall-clock parts of `instant` in `timeZone`. */
function wallClock(instant: number, timeZone: string) {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(new Date(instant))
      .map((part) => [part.type, part.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** How far `timeZone` is ahead of UTC at `instant`, in ms. */
function offsetAt(instant: number, timeZone: string): number {
  const local = wallClock(instant, timeZone);
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

function parts(day: string): [number, number, number] {
  const [year, month, date] = day.split("-").map(Number);
  return [year ?? NaN, month ?? NaN, date ?? NaN];
}

/** The moment `day` begins in `timeZone` (a valid YYYY-MM-DD, see isCalendarDate). */
export function startOfDay(day: string, timeZone: string = APP_TIME_ZONE): Date {
  const [year, month, date] = parts(day);
  const midnightUtc = Date.UTC(year, month - 1, date);
  // Twice: the offset at the first guess can differ from the one at midnight around a clock change.
  const guess = midnightUtc - offsetAt(midnightUtc, timeZone);
  return new Date(midnightUtc - offsetAt(guess, timeZone));
}

/** The day `days` after `day`. */
export function addDays(day: string, days: number): string {
  const [year, month, date] = parts(day);
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}

/** The calendar day `instant` falls on in `timeZone`. */
export function calendarDayOf(instant: Date, timeZone: string = APP_TIME_ZONE): string {
  const local = wallClock(instant.getTime(), timeZone);
  return `${String(local.year).padStart(4, "0")}-${String(local.month).padStart(2, "0")}-${String(local.day).padStart(2, "0")}`;
}

/** Years a date filter may name; PostgreSQL has no year 0, and nothing here is older than 1900. */
const DATE_YEARS = { min: 1900, max: 2999 } as const;

/**
 * Whether `value` is a real calendar day as YYYY-MM-DD. Date.parse rolls
 * 2024-02-30 over to 1 March, but PostgreSQL's `::date` refuses it, so the
 * parts are compared back.
 */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < DATE_YEARS.min || year > DATE_YEARS.max) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
