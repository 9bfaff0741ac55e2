import { z } from "zod";
import { ExperimentPhase } from "@/lib/generated/prisma/enums";
import { PAGE_SIZES, SORT_COLUMNS, type SortColumn } from "./table-query";

// The constants and the URL writer live in a zod-free module the browser can load.
export { PAGE_SIZES, SORT_COLUMNS, updatesTableQuery, type SortColumn } from "./table-query";

/** Slugs and phases: a value with control characters (a NUL byte cannot reach PostgreSQL) or over 100 characters matches nothing, so it is dropped. */
const listValue = (value: string) => value.length <= 100 && !/[\u0000-\u001f\u007f]/.test(value);

const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
  .transform((values) =>
    [
      ...new Set(
        values
          .flatMap((value) => value.split(","))
          .map((value) => value.trim())
          .filter(Boolean)
          .filter(listValue),
      ),
    ].slice(0, 20),
  );

/** A parameter that falls back to its default instead of failing: a bad link still shows a page. */
function lenient<T extends z.ZodType>(schema: T, fallback: z.output<T>) {
  return z
    .unknown()
    .optional()
    .transform((value) => {
      const parsed = schema.safeParse(Array.isArray(value) ? value[0] : value);
      return parsed.success ? (parsed.data as z.output<T>) : fallback;
    });
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

const isoDate = z.string().refine(isCalendarDate);

/**
 * The state of the updates table, all of it in the URL so a view is a link to
 * share. Unknown or malformed values fall back to defaults (never an error page).
 */
export const updatesTableParamsSchema = z
  .object({
    page: lenient(z.coerce.number().int().min(1).max(100_000), 1),
    perPage: lenient(
      z.coerce.number().refine((size) => (PAGE_SIZES as readonly number[]).includes(size)),
      25,
    ),
    sort: lenient(z.enum(SORT_COLUMNS).nullable(), null),
    dir: lenient(z.enum(["asc", "desc"]), "desc"),
    // Control characters (a NUL byte above all) cannot reach PostgreSQL as text.
    q: lenient(
      z
        .string()
        .max(500)
        .transform((value) =>
          value
            .replace(/[\u0000-\u001f\u007f]/g, " ")
            .trim()
            .slice(0, 200),
        ),
      "",
    ),
    opgave: list,
    opgaveMode: lenient(z.enum(["any", "all"]), "any"),
    theme: list,
    municipality: list,
    experiment: list,
    phase: list.transform((values) => values.filter((value): value is ExperimentPhase => value in ExperimentPhase)),
    from: lenient(isoDate.nullable(), null),
    to: lenient(isoDate.nullable(), null),
  })
  .transform((params) => ({
    ...params,
    // With a search the best matches come first; without one, the newest.
    sort: (params.sort === "relevance" && !params.q ? "date" : (params.sort ?? (params.q ? "relevance" : "date"))) as SortColumn,
  }));

export type UpdatesTableParams = z.output<typeof updatesTableParamsSchema>;

export function parseUpdatesTableParams(searchParams: Record<string, string | string[] | undefined>): UpdatesTableParams {
  return updatesTableParamsSchema.parse(searchParams);
}
