import { z } from "zod";
import { isCalendarDate } from "@/lib/calendar-day";
import { ExperimentPhase } from "@/lib/generated/prisma/enums";
import { PAGE_SIZES, SORT_COLUMNS, type SortColumn } from "./table-query";

// The constants and the URL writer live in a zod-free module the browser can load.
export { PAGE_SIZES, SORT_COLUMNS, updatesTableQuery, type SortColumn } from "./table-query";
export { isCalendarDate };

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
