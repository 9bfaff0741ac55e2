/**
 * The zod-free half of the audit log table's URL state: the allowed values
 * and the defaults the URL leaves out (the client table imports this).
 */

export const AUDIT_PAGE_SIZES = [25, 50, 100] as const;
export const AUDIT_SORTS = ["when"] as const;

export const AUDIT_TABLE_DEFAULTS = { page: 1, perPage: 25, sort: "when", dir: "desc" } as const;
