/**
 * The zod-free half of the people list's URL state: the allowed values and
 * the defaults the URL leaves out. The table (a client component) imports
 * this; the parser stays in table-params.ts, away from the browser.
 */

export const USER_PAGE_SIZES = [25, 50, 100] as const;
export const USER_SORTS = ["name", "email"] as const;
export const USER_STATUSES = ["active", "blocked"] as const;

export const USER_TABLE_DEFAULTS = { page: 1, perPage: 25, sort: "name", dir: "asc" } as const;
