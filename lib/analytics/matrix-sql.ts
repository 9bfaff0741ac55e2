/**
 * The SQL behind the koppelkansen matrix (which opgaven listed updates carry
 * together), built from its parameters without touching the database:
 * getMatrix (matrix-queries.ts) runs it through Prisma, and the benchmark and
 * the query-plan test run the very same text through `pg`.
 *
 * A module of its own, not part of matrix-queries.ts, because that one is
 * `server-only` (it throws when a plain Node script imports it).
 */
import { Prisma } from "@/lib/generated/prisma/client";
import { listedUpdateSql } from "@/lib/policy/updates";

/** Rows are always opgaven; the columns opgaven too, or the themes. */
export const MATRIX_VIEWS = ["opgaven", "themes"] as const;
export type MatrixView = (typeof MATRIX_VIEWS)[number];

/** What a cell counts: updates, or the distinct experiments or municipalities behind them. */
export const MATRIX_MEASURES = ["updates", "experiments", "municipalities"] as const;
export type MatrixMeasure = (typeof MATRIX_MEASURES)[number];

export type MatrixParams = {
  view: MatrixView;
  measure: MatrixMeasure;
  /** Only updates carrying the theme with this slug; null: all. In the theme view it narrows the columns to that theme. */
  theme: string | null;
  /** First day of the period (YYYY-MM-DD, inclusive, on publishedAt like the updates table's `from`), or null. */
  from: string | null;
  /** Last day of the period (inclusive, like the updates table's `to`), or null. */
  to: string | null;
};

export const DEFAULT_MATRIX_PARAMS: MatrixParams = { view: "opgaven", measure: "updates", theme: null, from: null, to: null };

/**
 * One row of the cells query. `column` null: the row's total (the theme view;
 * in the opgave view that is the diagonal); `row` and `column` null: the grand total.
 */
export type MatrixCellRow = { row: string | null; column: string | null; count: number };

/** One opgave or theme as the axes query returns it; getMatrix shows `nameEn` (when set) to English readers. */
export type MatrixAxisRow = {
  kind: "opgave" | "theme";
  id: string;
  name: string;
  nameEn?: string | null;
  slug: string;
  color: string;
  archived: boolean;
};

export type MatrixSql = {
  /** Every opgave and theme in the coordinators' order (MatrixAxisRow). */
  axes: Prisma.Sql;
  /** The counts (MatrixCellRow): each pair once (row ≤ column in the opgave view), each row's total in the theme view, and the grand total. */
  cells: Prisma.Sql;
};

/** The listed updates the parameters select, with what the measure counts as `unit`. */
function selectedUpdates(params: MatrixParams): Prisma.Sql {
  const conditions: Prisma.Sql[] = [listedUpdateSql("u")];
  if (params.theme)
    conditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "UpdateTheme" ft JOIN "Theme" th ON th.id = ft."themeId" WHERE ft."updateId" = u.id AND th.slug = ${params.theme})`,
    );
  if (params.from) conditions.push(Prisma.sql`u."publishedAt" >= ${params.from}::date`);
  if (params.to) conditions.push(Prisma.sql`u."publishedAt" < (${params.to}::date + 1)`);
  const where = Prisma.join(conditions, " AND ");
  switch (params.measure) {
    case "municipalities":
      return Prisma.sql`SELECT u.id, e."municipalityId" AS unit FROM "Update" u JOIN "Experiment" e ON e.id = u."experimentId" WHERE ${where}`;
    case "experiments":
      return Prisma.sql`SELECT u.id, u."experimentId" AS unit FROM "Update" u WHERE ${where}`;
    default:
      return Prisma.sql`SELECT u.id, u.id AS unit FROM "Update" u WHERE ${where}`;
  }
}

/**
 * The matrix's SQL for `params`. Pure: builds SQL, runs nothing. Update ×
 * tag pairs never repeat (the join tables' primary keys), so counting updates
 * needs no DISTINCT; experiments and municipalities take the distinct
 * (unit, row, column) triples first, which PostgreSQL hashes instead of sorting.
 */
export function buildMatrixSql(params: MatrixParams): MatrixSql {
  const count = (row: Prisma.Sql, column: Prisma.Sql, from: Prisma.Sql) =>
    params.measure === "updates"
      ? Prisma.sql`SELECT ${row} AS "row", ${column} AS "column", count(*)::int AS count FROM ${from} GROUP BY 1, 2`
      : Prisma.sql`SELECT d."row", d."column", count(*)::int AS count
             FROM (SELECT DISTINCT s.unit, ${row} AS "row", ${column} AS "column" FROM ${from}) d GROUP BY 1, 2`;
  const tagged = Prisma.sql`selected s JOIN "UpdateOpgave" a ON a."updateId" = s.id`;
  const opgave = Prisma.sql`a."opgaveId"`;
  const parts =
    params.view === "opgaven"
      ? // Symmetric: each pair once; the diagonal (a = b) is the opgave's total.
        [
          count(
            opgave,
            Prisma.sql`b."opgaveId"`,
            Prisma.sql`${tagged} JOIN "UpdateOpgave" b ON b."updateId" = s.id AND b."opgaveId" >= a."opgaveId"`,
          ),
        ]
      : [
          count(
            opgave,
            Prisma.sql`b."themeId"`,
            Prisma.sql`${tagged} JOIN "UpdateTheme" b ON b."updateId" = s.id
              ${params.theme ? Prisma.sql`JOIN "Theme" bt ON bt.id = b."themeId" AND bt.slug = ${params.theme}` : Prisma.empty}`,
          ),
          count(opgave, Prisma.sql`NULL::text`, tagged),
        ];
  const withOpgave = Prisma.sql`selected s WHERE EXISTS (SELECT 1 FROM "UpdateOpgave" a WHERE a."updateId" = s.id)`;
  const total =
    params.measure === "updates"
      ? Prisma.sql`SELECT NULL, NULL, count(*)::int FROM ${withOpgave}`
      : Prisma.sql`SELECT NULL, NULL, count(*)::int FROM (SELECT DISTINCT s.unit FROM ${withOpgave}) d`;
  const cells = Prisma.sql`
      WITH selected AS MATERIALIZED (${selectedUpdates(params)})
      ${Prisma.join([...parts, total], " UNION ALL ")}`;
  const axes = Prisma.sql`
      SELECT 'opgave' AS kind, id, name, "nameEn", slug, color, "archivedAt" IS NOT NULL AS archived, "sortOrder" FROM "Opgave"
      UNION ALL
      SELECT 'theme', id, name, "nameEn", slug, color, "archivedAt" IS NOT NULL, "sortOrder" FROM "Theme"
      ORDER BY kind, "sortOrder", name, id`;
  return { axes, cells };
}
