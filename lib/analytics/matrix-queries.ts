import "server-only";
import { db } from "@/lib/db";
import { knownTheme, shapeMatrix, type Matrix } from "./matrix";
import { buildMatrixSql, type MatrixAxisRow, type MatrixCellRow, type MatrixParams } from "./matrix-sql";

export type { Matrix, MatrixAxisItem } from "./matrix";
export type { MatrixParams } from "./matrix-sql";

/**
 * The koppelkansen matrix for `params`: which opgaven listed updates carry
 * together (or an opgave and a theme), counted as updates, experiments or
 * municipalities. A theme slug that names no theme counts as no filter.
 */
export async function getMatrix(params: MatrixParams): Promise<Matrix> {
  const axes = await db.$queryRaw<MatrixAxisRow[]>(buildMatrixSql(params).axes);
  const effective = { ...params, theme: knownTheme(axes, params.theme)?.slug ?? null };
  const counts = await db.$queryRaw<MatrixCellRow[]>(buildMatrixSql(effective).cells);
  return shapeMatrix(effective, axes, counts);
}

/** The themes to filter on, in the coordinators' order (archived ones too: they stay on old updates). */
export async function listMatrixThemes() {
  const themes = await db.theme.findMany({
    select: { id: true, name: true, slug: true, archivedAt: true },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
  });
  return themes.map(({ archivedAt, ...theme }) => ({ ...theme, archived: archivedAt !== null }));
}
