import "server-only";
import { calendarDayOf } from "@/lib/calendar-day";
import { db } from "@/lib/db";
import { localisedName } from "@/lib/taxonomy/localise";
import { isQuiet, shapeActivity, type Activity } from "./activity";
import { buildActivitySql, type ActivityRow } from "./activity-sql";

export type { Activity, ActivityOpgave, ActivitySeries } from "./activity";

/** The charts' default: a year, or the whole history when it is shorter. */
export const ACTIVITY_MONTHS = 12;

const countActivity = (municipalityId: string | null, now: Date) =>
  db.$queryRaw<ActivityRow[]>(buildActivitySql({ municipalityId, months: ACTIVITY_MONTHS, now }));

const monthOf = (now: Date) => calendarDayOf(now).slice(0, 7);

/**
 * Updates and comments per month per opgave, for the programme or one
 * municipality: the past year (or less, when the history is shorter). When
 * nothing happened in that year but there are older updates, the year up to
 * the newest update instead, so a quiet place still shows its last activity.
 * Opgaven are named in `locale` (the English name when there is one).
 */
export async function getActivity({
  municipalityId = null,
  now = new Date(),
  locale = "nl",
}: { municipalityId?: string | null; now?: Date; locale?: string } = {}): Promise<Activity> {
  const [opgaven, rows] = await Promise.all([
    db.opgave.findMany({
      select: { id: true, name: true, nameEn: true, slug: true, color: true, archivedAt: true },
      orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    }),
    countActivity(municipalityId, now),
  ]);
  const headings = opgaven.map(({ archivedAt, nameEn, ...opgave }) => ({
    ...opgave,
    name: localisedName({ name: opgave.name, nameEn }, locale),
    archived: archivedAt !== null,
  }));
  const activity = shapeActivity(rows, monthOf(now), headings);
  if (!isQuiet(activity) || !activity.latestMonth || activity.latestMonth >= activity.months[0]!) return activity;
  // Mid-month of the newest update's month: that calendar month, whatever the time zone.
  const earlier = new Date(`${activity.latestMonth}-15T12:00:00Z`);
  return shapeActivity(await countActivity(municipalityId, earlier), monthOf(earlier), headings, false);
}
