"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import type { DataTableView } from "./use-data-table";

const button = "rounded border border-slate-500 px-3 py-1 disabled:opacity-50";

/** Previous/next, "page 2 of 7", a link back when the page lies beyond the end, and the page size. */
export function DataTablePagination<TData>({ view, pageSizes }: { view: DataTableView<TData>; pageSizes: readonly number[] }) {
  const t = useTranslations("dataTable");
  const { table, state, pageCount } = view;
  return (
    <nav aria-label={t("pagination")} className="flex flex-wrap items-center gap-4">
      <button type="button" onClick={() => table.previousPage()} disabled={!view.canPreviousPage} className={button}>
        {t("previous")}
      </button>
      <span>{t("pageOf", { page: state.page, pageCount })}</span>
      <button type="button" onClick={() => table.nextPage()} disabled={!view.canNextPage} className={button}>
        {t("next")}
      </button>
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
