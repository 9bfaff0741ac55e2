import "server-only";
import { db } from "@/lib/db";
import { listLessonsWithEvidence, type ReportLesson } from "@/lib/lessons/queries";
import { localisedName } from "@/lib/taxonomy/localise";
import { getMatrix, type Matrix } from "./matrix-queries";
import { DEFAULT_MATRIX_PARAMS } from "./matrix-sql";
import { reportBounds, type ReportPeriod } from "./report-period";
import { buildProgrammeReportSql, type ProgrammeReportRow, type ProgrammeReportSqlRow } from "./report-sql";

export type { ReportLesson } from "@/lib/lessons/queries";

/** Everything the report page and its CSV bundle show for one period. */
export type ProgrammeReport = ProgrammeReportRow & {
  period: ReportPeriod;
  matrix: Matrix;
  lessons: ReportLesson[];
  generatedAt: Date;
};

/** The first and the last instant of the period's days (both inclusive, as listLessonsWithEvidence takes them). */
export function periodInstants(period: ReportPeriod): { from: Date; to: Date } {
  const { start, end } = reportBounds(period);
  return { from: start, to: new Date(end.getTime() - 1) };
}

/** The figures of the report for `period` (see buildProgrammeReportSql), the opgaven named in `locale`. */
export async function getProgrammeFigures(period: ReportPeriod, locale = "nl"): Promise<ProgrammeReportRow> {
  const [row] = await db.$queryRaw<ProgrammeReportSqlRow[]>(buildProgrammeReportSql(period));
  if (!row) return { totals: { updates: 0, comments: 0, people: 0 }, municipalities: [], opgaven: [], mostDiscussed: [] };
  const opgaven = row.opgaven.map(({ nameEn, ...opgave }) => ({ ...opgave, name: localisedName({ name: opgave.name, nameEn }, locale) }));
  return { ...row, opgaven };
}

/**
 * The whole programme report for `period`: the figures, the koppelkansen
 * matrix of the updates published in it, and the lessons with the evidence
 * cited in it. Only listed updates and shown comments count anywhere.
 * Opgaven are named in `locale`; the CSV bundle is Dutch throughout, so its
 * route keeps the default.
 */
export async function getProgrammeReport(period: ReportPeriod, now: Date = new Date(), locale = "nl"): Promise<ProgrammeReport> {
  const [figures, matrix, lessons] = await Promise.all([
    getProgrammeFigures(period, locale),
    getMatrix({ ...DEFAULT_MATRIX_PARAMS, from: period.from, to: period.to }, locale),
    listLessonsWithEvidence(periodInstants(period)),
  ]);
  return { ...figures, period, matrix, lessons, generatedAt: now };
}
