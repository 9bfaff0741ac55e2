"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { listPageNumbers } from "./page-list";
import type { DataTableView } from "./use-data-table";

const button = "rounded border border-slate-500 px-3 py-1 disabled:opacity-50";
const pageLink = "inline-block min-w-9 rounded border px-2 py-1 text-center no-underline";

/** Previous/next, page numbers (first, last, current ±1), "page 2 of 7", a link back when the page lies beyond the end, and the page size. */
export function DataTablePagination<TData>({ view, pageSizes }: { view: DataTableView<TData>; pageSizes: readonly number[] }) {
  const t = useTranslations("dataTable");
  const { table, state, pageCount } = view;
  return (
    <nav aria-label={t("pagination")} className="flex flex-wrap items-center gap-4">
      <button type="button" onClick={() => table.previousPage()} disabled={!view.canPreviousPage} className={button}>
        {t("previous")}
      </button>
      {pageCount > 1 ? (
        <ol aria-label={t("pageNumbers")} className="flex flex-wrap items-center gap-1">
          {listPageNumbers(state.page, pageCount).map((item, index) =>
            item === "gap" ? (
              <li key={`gap-${index}`} aria-hidden="true" className="px-1">
                …
              </li>
            ) : (
              <li key={item}>
                <Link
                  href={view.pageHref(item)}
                  aria-label={t("pageNumber", { page: item })}
                  aria-current={item === state.page ? "page" : undefined}
                  className={
                    item === state.page
                      ? `${pageLink} border-brand bg-brand font-semibold text-white`
                      : `${pageLink} border-slate-500 text-brand hover:bg-brand-light`
                  }
                >
                  {item}
                </Link>
              </li>
            ),
          )}
        </ol>
      ) : null}
      <button type="button" onClick={() => table.nextPage()} disabled={!view.canNextPage} className={button}>
        {t("next")}
      </button>
      <span>{t("pageOf", { page: state.page, pageCount })}</span>
      {state.page > pageCount ? <Link href={view.pageHref(pageCount)}>{t("lastPage")}</Link> : null}
      {pageSizes.length > 1 ? (
        <label className="flex items-center gap-2">
          {t("perPage")}
          <select
            value={state.perPage}
            onChange={(event) => table.setPageSize(Number(event.target.value))}
            className="rounded border border-slate-500 px-2 py-1"
          >
            {pageSizes.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </label>
      ) : null}
    </nav>
  );
}
