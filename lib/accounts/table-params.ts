import { z } from "zod";
import { roles } from "@/lib/policy/permissions";
import { choiceParam, dirParam, pageParam, perPageParam, textParam } from "@/lib/table-params";
import { USER_PAGE_SIZES, USER_SORTS, USER_STATUSES, USER_TABLE_DEFAULTS } from "./table-state";

export { USER_PAGE_SIZES, USER_SORTS, USER_STATUSES, USER_TABLE_DEFAULTS } from "./table-state";

/** The people list's URL state: search, role and status filters, sort and page. Bad values fall back to defaults. */

export const usersTableParamsSchema = z.object({
  page: pageParam,
  perPage: perPageParam(USER_PAGE_SIZES, USER_TABLE_DEFAULTS.perPage),
  sort: choiceParam(USER_SORTS, USER_TABLE_DEFAULTS.sort),
  dir: dirParam(USER_TABLE_DEFAULTS.dir),
  q: textParam(100),
  role: choiceParam(roles, null),
  status: choiceParam(USER_STATUSES, null),
});

export type UsersTableParams = z.output<typeof usersTableParamsSchema>;

export function parseUsersTableParams(searchParams: Record<string, string | string[] | undefined>): UsersTableParams {
  return usersTableParamsSchema.parse(searchParams);
}
