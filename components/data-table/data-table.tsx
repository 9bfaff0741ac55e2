"use client";

import { flexRender } from "@tanstack/react-table";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { DataTableSortButton } from "./data-table-column-header";
import { DataTablePagination } from "./data-table-pagination";
import { DataTableSortSelect } from "./data-table-sort-select";
import type { DataTableView } from "./use-data-table";

type Props<TData> = {
  /** The results heading (an h2 that announces changes) and its id; the table then sits in a section it names. */
  heading?: { id: string; content: ReactNode };
  /** The answer of useDataTable. */
  view: DataTableView<TData>;
  /** Names the table (its caption, for screen readers) and its scroll region and card list. */
  caption: string;
  /** Rows over all pages: with none on this page but some in all, the page lies beyond the end. */
  total: number;
  /** Shown instead of the table when nothing matches. */
  empty: string;
  /** The page sizes to choose from; one size hides the choice. */
  pageSizes: readonly number[];
  /** A card per row below the md breakpoint; without it the table scrolls sideways in its own focusable region on every width. */
  card?: (row: TData) => ReactNode;
  /** The column whose cells name their row (<th scope="row">). */
  rowHeader?: string;
};

/**
 * The shell of a server-side table (see README.md in this folder): a table
 * with a caption and sortable headers, or cards on a phone, a "no rows" state,
 * and pagination. The rows, columns and cells are the caller's.
 */
export function DataTable<TData>({ heading, ...props }: Props<TData>) {
  if (!heading) return <DataTableBody {...props} />;
  return (
    <section aria-labelledby={heading.id} aria-busy={props.view.pending} className="space-y-4">
      <h2 id={heading.id} aria-live="polite">
        {heading.content}
      </h2>
      <DataTableBody {...props} />
    </section>
  );
}

function DataTableBody<TData>({ view, caption, total, empty, pageSizes, card, rowHeader }: Omit<Props<TData>, "heading">) {
  const t = useTranslations("dataTable");
  const { rows } = view;

  return (
    <>
      {rows.length === 0 ? (
        <p>{total > 0 ? t("pageBeyondEnd") : empty}</p>
      ) : (
        <>
          {/* Focusable, so a keyboard can scroll a table wider than the screen. */}
          <div
            role="region"
            aria-label={caption}
            tabIndex={0}
            className={`${card ? "hidden md:block" : ""} relative overflow-x-auto focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand`}
          >
            <table className="w-full border-collapse bg-white text-left text-sm">
              <caption className="sr-only">{caption}</caption>
              <thead>
                {view.headerGroups.map((group) => (
                  <tr key={group.id} className="border-b-2 border-slate-400">
                    {group.headers.map((header) => {
                      const sort = view.ariaSort(header.column.id);
                      const label = flexRender(header.column.columnDef.header, header.getContext());
                      return (
                        <th key={header.id} scope="col" aria-sort={sort} className="p-2 align-bottom">
                          {sort ? (
                            <DataTableSortButton label={label} sort={sort} onSort={() => view.toggleSort(header.column.id)} />
                          ) : (
                            label
                          )}
                        </th>
                      );
                    })}
                  </tr>
                ))}
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.id} className="border-b border-slate-200 align-top">
                    {row.getVisibleCells().map((cell) => {
                      const className = `p-2 ${cell.column.columnDef.meta?.className ?? ""}`.trim();
                      const content = flexRender(cell.column.columnDef.cell, cell.getContext());
                      return cell.column.id === rowHeader ? (
                        <th key={cell.id} scope="row" className={`${className} text-left font-semibold`}>
                          {content}
                        </th>
                      ) : (
                        <td key={cell.id} className={className}>
                          {content}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>

          {card && view.sortableIds.length ? <DataTableSortSelect view={view} /> : null}
          {card ? (
            <ul className="space-y-3 md:hidden" aria-label={caption}>
              {rows.map((row) => (
                <li key={row.id} className="space-y-2 rounded border border-slate-300 bg-white p-3">
                  {card(row.original)}
                </li>
              ))}
            </ul>
          ) : null}
        </>
      )}

      <DataTablePagination view={view} pageSizes={pageSizes} />
    </>
  );
}
