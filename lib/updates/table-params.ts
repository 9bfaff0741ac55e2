import { z } from "zod";
import { ExperimentPhase } from "@/lib/generated/prisma/enums";

export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const SORT_COLUMNS = ["date", "title", "municipality", "comments", "relevance"] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];

const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
  .transform((values) => [...new Set(values.flatMap((value) => value.split(",")).map((value) => value.trim()).filter(Boolean))].slice(0, 20));

/** A parameter that falls back to its default instead of failing: a bad link still shows a page. */
function lenient<T extends z.ZodType>(schema: T, fallback: z.output<T>) {
  return z.unknown().optional().transform((value) => {
    const parsed = schema.safeParse(Array.isArray(value) ? value[0] : value);
    return parsed.success ? (parsed.data as z.output<T>) : fallback;
  });
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)));

/**
 * The state of the updates table, all of it in the URL so a view is a link to
 * share. Unknown or malformed values fall back to defaults (never an error page).
 */
export const updatesTableParamsSchema = z
  .object({
    page: lenient(z.coerce.number().int().min(1).max(100_000), 1),
    perPage: lenient(z.coerce.number().refine((size) => (PAGE_SIZES as readonly number[]).includes(size)), 25),
    sort: lenient(z.enum(SORT_COLUMNS).nullable(), null),
    dir: lenient(z.enum(["asc", "desc"]), "desc"),
    // Control characters (a NUL byte above all) cannot reach PostgreSQL as text.
    q: lenient(z.string().max(500).transform((value) => value.replace(/[\u0000-\u001f\u007f]/g, " ").trim().slice(0, 200)), ""),
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

/** The URL query for a table state, leaving out defaults so links stay short. */
export function updatesTableQuery(params: Partial<UpdatesTableParams>): string {
  const query = new URLSearchParams();
  const set = (key: string, value: string | number | null | undefined, fallback?: string | number) => {
    if (value !== undefined && value !== null && value !== "" && value !== fallback) query.set(key, String(value));
  };
  set("q", params.q);
  for (const key of ["opgave", "theme", "municipality", "experiment", "phase"] as const) {
    for (const value of params[key] ?? []) query.append(key, value);
  }
  if ((params.opgave?.length ?? 0) > 1) set("opgaveMode", params.opgaveMode, "any");
  set("from", params.from);
  set("to", params.to);
  set("sort", params.sort, params.q ? "relevance" : "date");
  set("dir", params.dir, "desc");
  set("perPage", params.perPage, 25);
  set("page", params.page, 1);
  const text = query.toString();
  return text ? `?${text}` : "";
}
