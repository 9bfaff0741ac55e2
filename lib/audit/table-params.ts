import { z } from "zod";
import { choiceParam, dateParam, dirParam, lenient, pageParam, perPageParam, textParam } from "@/lib/table-params";
import { AUDIT_PAGE_SIZES, AUDIT_SORTS, AUDIT_TABLE_DEFAULTS } from "./table-state";

export { AUDIT_PAGE_SIZES, AUDIT_TABLE_DEFAULTS } from "./table-state";

/**
 * The audit log's URL state. `type` is any well-formed event name, not only
 * today's registry: older rows keep the names they were written with.
 */
export const auditTableParamsSchema = z.object({
  page: pageParam,
  perPage: perPageParam(AUDIT_PAGE_SIZES, AUDIT_TABLE_DEFAULTS.perPage),
  sort: choiceParam(AUDIT_SORTS, AUDIT_TABLE_DEFAULTS.sort),
  dir: dirParam(AUDIT_TABLE_DEFAULTS.dir),
  /** A name or email (part of one) of who did it. */
  actor: textParam(100),
  type: lenient(
    z
      .string()
      .regex(/^[a-z][A-Za-z0-9.-]{0,60}$/)
      .nullable(),
    null,
  ),
  targetType: lenient(
    z
      .string()
      .regex(/^[A-Z][A-Za-z]{0,40}$/)
      .nullable(),
    null,
  ),
  targetId: lenient(z.string().regex(/^[A-Za-z0-9_-]{1,100}$/), ""),
  from: dateParam,
  to: dateParam,
});

export type AuditTableParams = z.output<typeof auditTableParamsSchema>;

export function parseAuditTableParams(searchParams: Record<string, string | string[] | undefined>): AuditTableParams {
  return auditTableParamsSchema.parse(searchParams);
}
