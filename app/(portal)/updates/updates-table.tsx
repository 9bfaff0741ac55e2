"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { DataTable } from "@/components/data-table/data-table";
import { pageRange } from "@/components/data-table/url-state";
import { useDataTable, type SortOption } from "@/components/data-table/use-data-table";
import { Avatar } from "@/components/people/avatar";
import { HighlightedText } from "@/components/updates/highlighted-text";
import { profilePath } from "@/lib/comments/mentions";
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
/** Column id → the URL's sort; text starts ascending, numbers and dates descending. Relevance has no column. */
const SORTABLE: Partial<Record<string, SortOption<SortColumn>>> = {
  title: { sort: "title", first: "asc" },
  municipality: { sort: "municipality", first: "asc" },
  publishedAt: { sort: "date", first: "desc" },
  commentCount: { sort: "comments", first: "desc" },
};

function Tags({ items, kind }: { items: { slug: string; name: string }[]; kind: "opgaven" | "themas" }) {
  return (
    <ul className="flex flex-wrap gap-1">
      {items.map((item) => (
        <li key={item.slug}>
          <Link
            href={`/${kind}/${item.slug}`}
            className="inline-block rounded bg-slate-100 px-2 py-0.5 text-sm text-slate-900 no-underline hover:bg-slate-200"
          >
            {item.name}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/**
 * The updates table on the shared data-table shell: the server has already
 * filtered, sorted and paged the rows; every change here becomes a new URL
 * (written by updatesTableQuery, which knows this table's defaults).
 */
export function UpdatesTable({
  rows,
  total,
  pageCount,
  params,
}: {
  rows: Row[];
  total: number;
  pageCount: number;
  params: UpdatesTableParams;
}) {
  const t = useTranslations("updatesTable");
  const format = useFormatter();

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
    column.accessor((row) => row.author.name, {
      id: "author",
      header: () => t("columns.author"),
      cell: (info) => (
        <span className="inline-flex items-center gap-2">
          <Avatar name={info.getValue()} avatarId={info.row.original.author.avatarId} />
          <Link href={profilePath(info.row.original.author.id)}>{info.getValue()}</Link>
        </span>
      ),
    }),
    column.accessor("publishedAt", {
      header: () => t("columns.publishedAt"),
      cell: (info) => <time dateTime={info.getValue()}>{format.dateTime(new Date(info.getValue()), { dateStyle: "medium" })}</time>,
    }),
    column.accessor("commentCount", { header: () => t("columns.comments"), cell: (info) => <CommentCount row={info.row.original} /> }),
  ];

  const view = useDataTable({
    data: rows,
    columns,
    pageCount,
    state: params,
    sortable: SORTABLE,
    // Clearing the sort falls back to the table's own order: best match with a search, else newest.
    unsorted: { sort: params.q ? "relevance" : "date", dir: "desc" },
    href: (state) => `/updates${updatesTableQuery(state)}`,
    getRowId: (row) => row.id,
  });
  const { from, to } = pageRange(params, total);

  return (
    <DataTable
      heading={{
        id: "results-heading",
        content: (
          <>
            {t("results", { total })}
            {rows.length ? <span className="ml-2 text-base font-normal text-slate-700">{t("showing", { from, to })}</span> : null}
          </>
        ),
      }}
      view={view}
      caption={t("caption")}
      total={total}
      empty={t("empty")}
      pageSizes={PAGE_SIZES}
      card={(row) => (
        <>
          <Link href={`/updates/${row.id}`} className="font-semibold">
            {row.title}
          </Link>
          {row.snippet ? (
            <p className="text-sm text-slate-700">
              <HighlightedText text={row.snippet} />
            </p>
          ) : null}
          <p className="text-sm text-slate-700">
            {row.experiment.municipality.name} · {row.experiment.title} ·{" "}
            <Avatar name={row.author.name} avatarId={row.author.avatarId} className="mr-1" />
            {row.author.name} ·{" "}
            <time dateTime={row.publishedAt}>{format.dateTime(new Date(row.publishedAt), { dateStyle: "medium" })}</time> ·{" "}
            {t("commentCount", { count: row.commentCount })} <CommentCount row={row} showCount={false} />
          </p>
          <Tags items={[...row.opgaven]} kind="opgaven" />
          <Tags items={[...row.themes]} kind="themas" />
        </>
      )}
    />
  );
}
