/**
 * The analytics SQL as `pg` runs it: the same builders the pages use
 * (lib/analytics/*-sql.ts), for the bench and the query-plan test.
 */
import { buildActivitySql, type ActivityParams } from "../../lib/analytics/activity-sql";
import { buildMatrixSql, DEFAULT_MATRIX_PARAMS, type MatrixParams } from "../../lib/analytics/matrix-sql";
import type { PgQuery } from "./table-sql";

const toPg = (sql: { text: string; values: unknown[] }): PgQuery => ({ text: sql.text, values: sql.values });

/** What getMatrix sends: the axes, then the counts. */
export function matrixQueries(params: Partial<MatrixParams> = {}): { axes: PgQuery; cells: PgQuery } {
  const sql = buildMatrixSql({ ...DEFAULT_MATRIX_PARAMS, ...params });
  return { axes: toPg(sql.axes), cells: toPg(sql.cells) };
}

/** What getActivity sends for its counts (the opgaven's names come from a plain lookup beside it). */
export function activityQuery(params: Partial<ActivityParams> = {}): PgQuery {
  return toPg(buildActivitySql({ municipalityId: null, months: 12, now: new Date(), ...params }));
}
