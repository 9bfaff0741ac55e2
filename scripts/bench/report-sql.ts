/**
 * The programme report's SQL as `pg` runs it: the same builders the page uses
 * (lib/analytics/report-sql.ts for the figures, matrix-sql.ts for its matrix),
 * for the bench. The lessons come through Prisma and are left out here.
 */
import { buildMatrixSql, DEFAULT_MATRIX_PARAMS } from "../../lib/analytics/matrix-sql";
import type { ReportPeriod } from "../../lib/analytics/report-period";
import { buildProgrammeReportSql } from "../../lib/analytics/report-sql";
import type { PgQuery } from "./table-sql";

const toPg = (sql: { text: string; values: unknown[] }): PgQuery => ({ text: sql.text, values: sql.values });

/** What getProgrammeReport sends to PostgreSQL itself: the figures, then the matrix's axes and counts for the period. */
export function reportQueries(period: ReportPeriod): PgQuery[] {
  const matrix = buildMatrixSql({ ...DEFAULT_MATRIX_PARAMS, from: period.from, to: period.to });
  return [toPg(buildProgrammeReportSql(period)), toPg(matrix.axes), toPg(matrix.cells)];
}
