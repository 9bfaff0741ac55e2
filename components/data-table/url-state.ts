/**
 * The URL half of a server-side table: its state as query parameters, with
 * defaults left out so links stay short. No React and no zod, so pages (for
 * links such as "clear filters"), the client hook and tests share it; each
 * table parses its own parameters on the server (a zod schema that falls
 * back to defaults, see lib/updates/table-params.ts).
 */

export type SortDirection = "asc" | "desc";

/** What every server-side table keeps in its URL; a table adds its filters. */
export type DataTableState = {
  /** 1-based. */
  page: number;
  perPage: number;
  /** The URL's name for the sorted column (not necessarily the column id), or null for the table's own order. */
  sort: string | null;
  dir: SortDirection;
};

type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[];

/**
 * The query string (with its "?", or "" when empty) for a table state: every
 * key becomes a parameter of the same name, lists repeat it, and a value that
 * is empty or equals its default is left out.
 */
export function dataTableQuery<T extends Record<string, QueryValue>>(state: T, defaults: Partial<T> = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(state)) {
    if (value === undefined || value === null || value === "" || value === false) continue;
    if (Array.isArray(value)) {
      for (const item of value) query.append(key, String(item));
      continue;
    }
    if (value === defaults[key]) continue;
    query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `?${text}` : "";
}

/** The first and last row a page shows (1-based; both 0 when there are none), for "21–40 of 95". */
export function pageRange({ page, perPage }: Pick<DataTableState, "page" | "perPage">, total: number): { from: number; to: number } {
  return { from: total === 0 ? 0 : (page - 1) * perPage + 1, to: Math.min(total, page * perPage) };
}

/** How many pages `total` rows make (at least one, so "page 1 of 1" reads right for an empty table). */
export function pageCountOf(total: number, perPage: number): number {
  return Math.max(1, Math.ceil(total / perPage));
}
