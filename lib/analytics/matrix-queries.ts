import "server-only";
import { db } from "@/lib/db";
import { localisedName } from "@/lib/taxonomy/localise";
import { knownTheme, shapeMatrix, type Matrix } from "./matrix";
import { buildMatrixSql, type MatrixAxisRow, type MatrixCellRow, type MatrixParams } from "./matrix-sql";

export type { Matrix, MatrixAxisItem } from "./matrix";
export type { MatrixParams } from "./matrix-sql";

/**
 * The koppelkansen matrix for `params`: which opgaven listed updates carry
 * together (or an opgave and a theme), counted as updates, experiments or
 * municipalities. A theme slug that names no theme counts as no filter.
 * Headings are named in `locale` (the English name when there is one).
 */
export async function getMatrix(params: MatrixParams, locale = "nl"): Promise<Matrix> {
  const rows = await db.$queryRaw<MatrixAxisRow[]>(buildMatrixSql(params).axes);
  const axes = rows.map(({ nameEn, ...axis }) => ({ ...axis, name: localisedName({ name: axis.name, nameEn }, locale) }));
  const effective = { ...params, theme: knownTheme(axes, params.theme)?.slug ?? null };
  const counts = await db.$queryRaw<MatrixCellRow[]>(buildMatrixSql(effective).cells);
  return shapeMatrix(effective, axes, counts);
}

/** The themes to filter on, in the coordinators' order (archived ones too: they stay on old updates), named in `locale`. */
export async function listMatrixThemes(locale = "nl") {
  const themes = await db.theme.findMany({
    select: { id: true, name: true, nameEn: true, slug: true, archivedAt: true },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
  });
  return themes.map(({ archivedAt, nameEn, ...theme }) => ({
    ...theme,
    name: localisedName({ name: theme.name, nameEn }, locale),
    archived: archivedAt !== null,
  }));
}
