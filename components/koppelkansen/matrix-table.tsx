import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { scaleStep, TOTAL_STEP, type ScaleStep } from "@/lib/analytics/color-scale";
import type { Matrix, MatrixAxisItem } from "@/lib/analytics/matrix";
import { matrixCellHref, matrixRowHref } from "@/lib/analytics/matrix-links";

/** Where a cell links to; null: no link. `column` null: the row's total (the theme view's last column). */
export type MatrixCellHref = (row: MatrixAxisItem, column: MatrixAxisItem | null) => string | null;

const defaultHref =
  (matrix: Matrix): MatrixCellHref =>
  (row, column) =>
    column ? matrixCellHref(matrix, row, column) : matrixRowHref(matrix, row);

/** A day (YYYY-MM-DD) as a date to format, at noon UTC so no time zone moves it to another day. */
const dayDate = (day: string) => new Date(`${day}T12:00:00Z`);

function Heading({ item, label }: { item: MatrixAxisItem; label: string }) {
  return (
    <span className="inline-flex items-start gap-1.5">
      <span aria-hidden="true" className="mt-1.5 inline-block size-2.5 shrink-0 rounded-full" style={{ backgroundColor: item.color }} />
      <span>{label}</span>
    </span>
  );
}

function Cell({ value, step, href, label, bold }: { value: number; step: ScaleStep; href: string | null; label: string; bold?: boolean }) {
  const inner = `block min-w-12 px-2 py-2 tabular-nums ${bold ? "font-bold" : ""}`;
  return (
    <td className="border border-slate-300 p-0 text-center" style={{ backgroundColor: step.background, color: step.text }}>
      {href && value > 0 ? (
        <Link href={href} prefetch={false} aria-label={label} className={`${inner} underline`} style={{ color: step.text }}>
          {value}
        </Link>
      ) : (
        <span className={inner}>{value}</span>
      )}
    </td>
  );
}

/**
 * The koppelkansen matrix as a real table: opgaven as row headers, opgaven or
 * themes as column headers, the number in each cell and its colour as a
 * second cue. Scrolls inside its own region on a narrow screen (focusable, so
 * keyboards scroll it too). `cellHref` null leaves out the links (print).
 */
export function MatrixTable({ matrix, cellHref }: { matrix: Matrix; cellHref?: MatrixCellHref | null }) {
  const t = useTranslations("koppelkansen.table");
  const format = useFormatter();
  const href = cellHref === undefined ? defaultHref(matrix) : cellHref;
  const { view, measure, from, to } = matrix.params;
  const name = (item: MatrixAxisItem) => (item.archived ? t("archived", { name: item.name }) : item.name);
  const count = (value: number) => t("count", { measure, count: value });
  const day = (value: string) => format.dateTime(dayDate(value), { dateStyle: "long", timeZone: "UTC" });
  const period =
    from && to
      ? t("captionPeriod", { from: day(from), to: day(to) })
      : from
        ? t("captionFrom", { from: day(from) })
        : to
          ? t("captionTo", { to: day(to) })
          : null;
  const theme = matrix.theme ? t("captionTheme", { theme: matrix.theme.name }) : null;
  const caption = [t("caption", { measure, view }), theme, period].filter(Boolean).join(" · ");
  const headerClass = "border border-slate-300 bg-slate-100 p-2 text-left align-bottom text-sm font-semibold";

  return (
    <div role="region" aria-label={t("region")} tabIndex={0} className="overflow-x-auto rounded border border-slate-300 bg-white">
      <table className="border-collapse text-sm">
        <caption className="p-3 text-left font-semibold">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className={`${headerClass} sticky left-0 z-10`}>
              {t("corner")}
            </th>
            {matrix.columns.map((column) => (
              <th key={column.id} scope="col" className={`${headerClass} min-w-24`}>
                <Heading item={column} label={name(column)} />
              </th>
            ))}
            {view === "themes" ? (
              <th scope="col" className={headerClass}>
                {t("total")}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {matrix.rows.map((row, r) => (
            <tr key={row.id}>
              <th scope="row" className="sticky left-0 z-10 min-w-40 border border-slate-300 bg-white p-2 text-left font-semibold">
                <Heading item={row} label={name(row)} />
              </th>
              {matrix.columns.map((column, c) => {
                const value = matrix.cells[r]![c]!;
                const diagonal = view === "opgaven" && row.id === column.id;
                return (
                  <Cell
                    key={column.id}
                    value={value}
                    step={diagonal ? TOTAL_STEP : scaleStep(value, matrix.maxCell)}
                    href={href ? href(row, column) : null}
                    label={
                      diagonal
                        ? t("totalLabel", { row: name(row), count: count(value) })
                        : t("cellLabel", { row: name(row), column: name(column), count: count(value) })
                    }
                    bold={diagonal}
                  />
                );
              })}
              {view === "themes" ? (
                <Cell
                  value={matrix.rowTotals[r]!}
                  step={TOTAL_STEP}
                  href={href ? href(row, null) : null}
                  label={t("totalLabel", { row: name(row), count: count(matrix.rowTotals[r]!) })}
                  bold
                />
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
