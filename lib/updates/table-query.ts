/**
 * The zod-free half of the updates table's URL state: the allowed values and
 * the URL writer. The table (a client component) imports this; the parser
 * with its zod schemas stays in table-params.ts, because zod in the browser
 * probes `new Function` and so breaks the page's CSP.
 */
import type { UpdatesTableParams } from "./table-params";

export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const SORT_COLUMNS = ["date", "title", "municipality", "comments", "relevance"] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];

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
