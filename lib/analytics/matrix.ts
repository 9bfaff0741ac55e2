/**
 * The koppelkansen matrix as pages show it, shaped from the rows of its SQL
 * (matrix-sql.ts). Pure, so the report, the page and tests share it.
 */
import type { MatrixAxisRow, MatrixCellRow, MatrixParams } from "./matrix-sql";

export type { MatrixMeasure, MatrixParams, MatrixView } from "./matrix-sql";

/** One row or column heading: an opgave or a theme. */
export type MatrixAxisItem = { id: string; name: string; slug: string; color: string; archived: boolean };

export type Matrix = {
  /** The parameters the counts are for (an unknown theme slug is dropped). */
  params: MatrixParams;
  /** The theme filtered on, or null. */
  theme: MatrixAxisItem | null;
  /** The opgaven, in the coordinators' order. */
  rows: MatrixAxisItem[];
  /** The opgaven again (the opgave view) or the themes. */
  columns: MatrixAxisItem[];
  /** cells[row][column]; in the opgave view the diagonal is the opgave's total. */
  cells: number[][];
  /** Per row, the updates (experiments, municipalities) carrying its opgave. */
  rowTotals: number[];
  /** The updates (experiments, municipalities) counted at all; 0: nothing in this selection. */
  total: number;
  /** The largest cell off the diagonal: the top of the colour scale. */
  maxCell: number;
};

const toItem = ({ id, name, slug, color, archived }: MatrixAxisRow): MatrixAxisItem => ({ id, name, slug, color, archived });

/** The theme slug as the counts may use it: null unless it names a theme. */
export function knownTheme(axes: MatrixAxisRow[], slug: string | null): MatrixAxisRow | null {
  return slug ? (axes.find((axis) => axis.kind === "theme" && axis.slug === slug) ?? null) : null;
}

/**
 * The matrix from its axes and counts. Archived opgaven and themes stay out
 * unless something in this selection carries them (they stay on old updates,
 * so leaving them out would hide counted work); current ones always show, a
 * row of zeros being an answer too.
 */
export function shapeMatrix(params: MatrixParams, axes: MatrixAxisRow[], counts: MatrixCellRow[]): Matrix {
  const pair = new Map<string, number>();
  const rowTotal = new Map<string, number>();
  const used = new Set<string>();
  let total = 0;
  for (const { row, column, count } of counts) {
    if (row === null) total = count;
    else if (column === null) rowTotal.set(row, count);
    else {
      pair.set(`${row} ${column}`, count);
      if (params.view === "opgaven") pair.set(`${column} ${row}`, count);
      if (params.view === "opgaven" && row === column) rowTotal.set(row, count);
      if (count > 0) used.add(row).add(column);
    }
  }
  const keep = (axis: MatrixAxisRow) => !axis.archived || used.has(axis.id) || (rowTotal.get(axis.id) ?? 0) > 0;
  const rows = axes.filter((axis) => axis.kind === "opgave" && keep(axis)).map(toItem);
  const theme = knownTheme(axes, params.theme);
  const columns =
    params.view === "opgaven"
      ? rows
      : axes.filter((axis) => axis.kind === "theme" && (theme ? axis.id === theme.id : keep(axis))).map(toItem);
  let maxCell = 0;
  const cells = rows.map((row) =>
    columns.map((column) => {
      const value = pair.get(`${row.id} ${column.id}`) ?? 0;
      if (params.view === "themes" || row.id !== column.id) maxCell = Math.max(maxCell, value);
      return value;
    }),
  );
  return {
    params: { ...params, theme: theme?.slug ?? null },
    theme: theme ? toItem(theme) : null,
    rows,
    columns,
    cells,
    rowTotals: rows.map((row) => rowTotal.get(row.id) ?? 0),
    total,
    maxCell,
  };
}
