/**
 * Where a matrix cell leads: the updates table filtered on both opgaven
 * (all of them), or on the opgave and the theme, with the matrix's own theme
 * and period carried along, so the table lists exactly the updates counted.
 */
import { updatesTableQuery } from "@/lib/updates/table-query";
import type { Matrix, MatrixAxisItem } from "./matrix";

export function matrixCellHref(matrix: Pick<Matrix, "params">, row: MatrixAxisItem, column: MatrixAxisItem): string {
  const { view, theme, from, to } = matrix.params;
  const opgave = view === "opgaven" && row.id !== column.id ? [row.slug, column.slug] : [row.slug];
  const themes = view === "themes" ? [column.slug] : theme ? [theme] : [];
  return `/updates${updatesTableQuery({ opgave, opgaveMode: "all", theme: themes, from, to })}`;
}

/** The updates behind a row's total: its opgave, within the matrix's theme and period. */
export function matrixRowHref(matrix: Pick<Matrix, "params">, row: MatrixAxisItem): string {
  const { theme, from, to } = matrix.params;
  return `/updates${updatesTableQuery({ opgave: [row.slug], theme: theme ? [theme] : [], from, to })}`;
}

/** The matrix page's own address for `params`, defaults left out so links stay short. */
export function matrixPageHref(params: Matrix["params"]): string {
  const query = new URLSearchParams();
  if (params.view !== "opgaven") query.set("view", params.view);
  if (params.measure !== "updates") query.set("measure", params.measure);
  if (params.theme) query.set("theme", params.theme);
  if (params.from) query.set("from", params.from);
  if (params.to) query.set("to", params.to);
  const text = query.toString();
  return text ? `/koppelkansen?${text}` : "/koppelkansen";
}
