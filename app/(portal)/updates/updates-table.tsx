"use client";

import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  useReactTable,
  type PaginationState,
  type SortingState,
  type Updater,
} from "@tanstack/react-table";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useTransition } from "react";
import { HighlightedText } from "@/components/updates/highlighted-text";
import type { UpdatesTableRow } from "@/lib/updates/queries";
import type { UpdatesTableParams } from "@/lib/updates/table-params";
import { PAGE_SIZES, updatesTableQuery, type SortColumn } from "@/lib/updates/table-query";

type Row = Omit<UpdatesTableRow, "publishedAt"> & { publishedAt: string; newComments: number };

/** The comment count, and how many arrived since the reader's last visit. */
function CommentCount({ row, showCount = true }: { row: Row; showCount?: boolean }) {
  const t = useTranslations("notifications");
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      {showCount ? <span className="tabular-nums">{row.commentCount}</span> : null}
      {row.newComments > 0 ? (
        <span className="rounded bg-amber-100 px-1.5 text-xs font-semibold text-amber-900">
          <span aria-hidden="true">{t("newCount", { count: row.newComments })}</span>
          <span className="sr-only">{t("newCountLabel", { count: row.newComments })}</span>
        </span>
      ) : null}
    </span>
  );
}

const column = createColumnHelper<Row>();
const SORTABLE: Partial<Record<string, SortColumn>> = { title: "title", municipality: "municipality", publishedAt: "date", commentCount: "comments" };
const COLUMN_FOR_SORT: Record<SortColumn, string> = { title: "title", municipality: "municipality", date: "publishedAt", comments: "commentCount", relevance: "" };

function Tags({ items, kind }: { items: { slug: string; name: string }[]; kind: "opgaven" | "themas" }) {
  return (
    <ul className="flex flex-wrap gap-1">
      {items.map((item) => (
        <li key={item.slug}>
          <Link href={`/${kind}/${item.slug}`} className="inline-block rounded bg-slate-100 px-2 py-0.5 text-sm text-slate-900 no-underline hover:bg-slate-200">
            {item.name}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/**
 * The updates table: TanStack Table in manual mode. The server has already
 * filtered, sorted and paged the rows; every change here becomes a new URL.
 */
export function UpdatesTable({ rows, total, pageCount, params }: { rows: Row[]; total: number; pageCount: number; params: UpdatesTableParams }) {
  const t = useTranslations("updatesTable");
  const format = useFormatter();
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function go(next: Partial<UpdatesTableParams>) {
    startTransition(() => router.push(`/updates${updatesTableQuery({ ...params, ...next })}`));
  }

  const sorting: SortingState = COLUMN_FOR_SORT[params.sort] ? [{ id: COLUMN_FOR_SORT[params.sort], desc: params.dir === "desc" }] : [];
  const pagination: PaginationState = { pageIndex: params.page - 1, pageSize: params.perPage };

  const columns = [
    column.accessor("title", {
      header: () => t("columns.title"),
      cell: (info) => (
        <div className="space-y-1">
          <Link href={`/updates/${info.row.original.id}`} className="font-semibold">
            {info.getValue()}
          </Link>
          {info.row.original.snippet ? (
            <p className="text-sm text-slate-700">
              <HighlightedText text={info.row.original.snippet} />
            </p>
          ) : null}
        </div>
      ),
    }),
    column.accessor((row) => row.experiment.title, {
      id: "experiment",
      header: () => t("columns.experiment"),
      cell: (info) => <Link href={`/experimenten/${info.row.original.experiment.slug}`}>{info.getValue()}</Link>,
    }),
    column.accessor((row) => row.experiment.municipality.name, {
      id: "municipality",
      header: () => t("columns.municipality"),
      cell: (info) => <Link href={`/gemeenten/${info.row.original.experiment.municipality.slug}`}>{info.getValue()}</Link>,
    }),
    column.accessor("opgaven", { header: () => t("columns.opgaven"), cell: (info) => <Tags items={info.getValue()} kind="opgaven" /> }),
    column.accessor("themes", { header: () => t("columns.themes"), cell: (info) => <Tags items={info.getValue()} kind="themas" /> }),
    column.accessor((row) => row.author.name, { id: "author", header: () => t("columns.author") }),
    column.accessor("publishedAt", {
      header: () => t("columns.publishedAt"),
      cell: (info) => <time dateTime={info.getValue()}>{format.dateTime(new Date(info.getValue()), { dateStyle: "medium" })}</time>,
    }),
    column.accessor("commentCount", { header: () => t("columns.comments"), cell: (info) => <CommentCount row={info.row.original} /> }),
  ];

  const table = useReactTable({
    data: rows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    manualPagination: true,
    manualSorting: true,
    manualFiltering: true,
    pageCount,
    state: { sorting, pagination },
    onSortingChange: (updater: Updater<SortingState>) => {
      const next = typeof updater === "function" ? updater(sorting) : updater;
      const first = next[0];
      const sort = first ? SORTABLE[first.id] : undefined;
      go(sort ? { sort, dir: first?.desc ? "desc" : "asc", page: 1 } : { sort: params.q ? "relevance" : "date", dir: "desc", page: 1 });
    },
    onPaginationChange: (updater: Updater<PaginationState>) => {
      const next = typeof updater === "function" ? updater(pagination) : updater;
      go({ page: next.pageIndex + 1, perPage: next.pageSize as UpdatesTableParams["perPage"] });
    },
  });

  /** Clicking a header: text columns start ascending, numbers and dates descending. */
  function toggleSort(id: string) {
    const sort = SORTABLE[id];
    if (!sort) return;
    const current = sorting[0];
    if (current?.id === id) go({ sort, dir: current.desc ? "asc" : "desc", page: 1 });
    else go({ sort, dir: sort === "title" || sort === "municipality" ? "asc" : "desc", page: 1 });
  }

  const from = total === 0 ? 0 : (params.page - 1) * params.perPage + 1;
  const to = Math.min(total, params.page * params.perPage);

  return (
    <section aria-labelledby="results-heading" aria-busy={pending} className="space-y-4">
      <h2 id="results-heading" aria-live="polite">
        {t("results", { total })}
        {rows.length ? <span className="ml-2 text-base font-normal text-slate-700">{t("showing", { from, to })}</span> : null}
      </h2>

      {rows.length === 0 ? (
        <p>{total > 0 ? t("pageBeyondEnd") : t("empty")}</p>
      ) : (
        <>
          <div className="hidden overflow-x-auto md:block">
            <table className="w-full border-collapse bg-white text-left text-sm">
              <caption className="sr-only">{t("caption")}</caption>
              <thead>
                {table.getHeaderGroups().map((group) => (
                  <tr key={group.id} className="border-b-2 border-slate-400">
                    {group.headers.map((header) => {
                      const sortable = Boolean(SORTABLE[header.column.id]);
                      const state = sorting[0]?.id === header.column.id ? (sorting[0]?.desc ? "descending" : "ascending") : undefined;
                      const label = flexRender(header.column.columnDef.header, header.getContext());
                      return (
                        <th key={header.id} scope="col" aria-sort={sortable ? (state ?? "none") : undefined} className="p-2 align-bottom">
                          {sortable ? (
                            <button type="button" onClick={() => toggleSort(header.column.id)} className="inline-flex items-center gap-1 font-semibold underline-offset-2 hover:underline">
                              {label}
                              <span aria-hidden="true">{state === "ascending" ? "▲" : state === "descending" ? "▼" : "↕"}</span>
                              <span className="sr-only">{t("sortBy")}</span>
                            </button>
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
                {table.getRowModel().rows.map((row) => (
                  <tr key={row.id} className="border-b border-slate-200 align-top">
                    {row.getVisibleCells().map((cell) => (
                      <td key={cell.id} className="p-2">
                        {flexRender(cell.column.columnDef.cell, cell.getContext())}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>

          <ul className="space-y-3 md:hidden" aria-label={t("caption")}>
            {rows.map((row) => (
              <li key={row.id} className="space-y-2 rounded border border-slate-300 bg-white p-3">
                <Link href={`/updates/${row.id}`} className="font-semibold">
                  {row.title}
                </Link>
                {row.snippet ? (
                  <p className="text-sm text-slate-700">
                    <HighlightedText text={row.snippet} />
                  </p>
                ) : null}
                <p className="text-sm text-slate-700">
                  {row.experiment.municipality.name} · {row.experiment.title} · {row.author.name} ·{" "}
                  <time dateTime={row.publishedAt}>{format.dateTime(new Date(row.publishedAt), { dateStyle: "medium" })}</time> ·{" "}
                  {t("commentCount", { count: row.commentCount })} <CommentCount row={row} showCount={false} />
                </p>
                <Tags items={[...row.opgaven]} kind="opgaven" />
                <Tags items={[...row.themes]} kind="themas" />
              </li>
            ))}
          </ul>
        </>
      )}

      <nav aria-label={t("pagination")} className="flex flex-wrap items-center gap-4">
        <button type="button" onClick={() => table.previousPage()} disabled={!table.getCanPreviousPage()} className="rounded border border-slate-500 px-3 py-1 disabled:opacity-50">
          {t("previous")}
        </button>
        <span>{t("pageOf", { page: params.page, pageCount })}</span>
        <button type="button" onClick={() => table.nextPage()} disabled={!table.getCanNextPage()} className="rounded border border-slate-500 px-3 py-1 disabled:opacity-50">
          {t("next")}
        </button>
        {params.page > pageCount ? (
          <Link href={`/updates${updatesTableQuery({ ...params, page: pageCount })}`}>{t("lastPage")}</Link>
        ) : null}
        <label className="flex items-center gap-2">
          {t("perPage")}
          <select value={params.perPage} onChange={(event) => table.setPageSize(Number(event.target.value))} className="rounded border border-slate-500 px-2 py-1">
            {PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </label>
      </nav>
    </section>
  );
}
