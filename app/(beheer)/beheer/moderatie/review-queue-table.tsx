"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { DataTable } from "@/components/data-table/data-table";
import { useDataTable, type SortOption } from "@/components/data-table/use-data-table";
import { QUEUE_PAGE_SIZES, QUEUE_TABLE_DEFAULTS } from "@/lib/moderation/limits";
import type { QueueRow } from "@/lib/moderation/queue";
import type { QueueParams } from "@/lib/moderation/queue-params";
import { QueueActions } from "./queue-actions";

/** A queue row as it crosses to the browser: dates as ISO strings. */
export type QueueTableRow = Omit<QueueRow, "oldestReportAt" | "reports" | "claimed"> & {
  oldestReportAt: string | null;
  reports: (Omit<QueueRow["reports"][number], "at"> & { at: string })[];
  claimed: { name: string; mine: boolean; until: string } | null;
};

const column = createColumnHelper<QueueTableRow>();
const SORTABLE: Partial<Record<string, SortOption<QueueParams["sort"]>>> = {
  openReports: { sort: "reports", first: "desc" },
  oldestReportAt: { sort: "age", first: "asc" },
};

/** The review queue on the shared data-table shell: one row per reported item, its steps in the last column. */
export function ReviewQueueTable({
  rows,
  total,
  pageCount,
  params,
}: {
  rows: QueueTableRow[];
  total: number;
  pageCount: number;
  params: QueueParams;
}) {
  const t = useTranslations("moderationQueue");
  const tReasons = useTranslations("moderation.report.reasons");
  const format = useFormatter();
  const when = (iso: string | null) => (iso ? <time dateTime={iso}>{format.relativeTime(new Date(iso))}</time> : "—");

  const item = (row: QueueTableRow) => (
    <div className="space-y-1">
      <p className="text-xs font-semibold uppercase tracking-wide text-slate-700">{t(`types.${row.targetType}`)}</p>
      <Link href={row.href} className="font-semibold">
        {row.excerpt || t("noText")}
        <span className="sr-only"> ({t("openInContext")})</span>
      </Link>
      {row.targetType === "COMMENT" ? <p className="text-sm text-slate-700">{t("onUpdate", { title: row.updateTitle })}</p> : null}
    </div>
  );
  const reasons = (row: QueueTableRow) => (
    <ul className="space-y-1">
      {row.reports.map((report, index) => (
        <li key={index}>
          <span className="font-semibold">{tReasons(report.reason)}</span> — {report.reporter}
          {report.text ? <q className="block text-slate-700">{report.text}</q> : null}
        </li>
      ))}
    </ul>
  );
  const state = (row: QueueTableRow) => (
    <span>
      {t(`itemStates.${row.state}`)}
      {row.locked ? `, ${t("itemStates.locked")}` : ""}
      {row.claimed ? (
        <span className="block text-sm text-slate-700">
          {row.claimed.mine ? t("claimedByMe") : t("claimedBy", { name: row.claimed.name })}
        </span>
      ) : null}
    </span>
  );

  const columns = [
    column.accessor("excerpt", { header: () => t("columns.item"), cell: (info) => item(info.row.original) }),
    column.accessor("author", { header: () => t("columns.author") }),
    column.accessor("reports", { header: () => t("columns.reasons"), cell: (info) => reasons(info.row.original) }),
    column.accessor("openReports", {
      header: () => t("columns.count"),
      cell: (info) => <span className="tabular-nums">{info.getValue()}</span>,
      meta: { className: "text-right" },
    }),
    column.accessor("oldestReportAt", { header: () => t("columns.age"), cell: (info) => when(info.getValue()) }),
    column.accessor("state", { header: () => t("columns.state"), cell: (info) => state(info.row.original) }),
    column.display({ id: "actions", header: () => t("columns.actions"), cell: (info) => <QueueActions row={info.row.original} /> }),
  ];

  const view = useDataTable({
    data: rows,
    columns,
    pageCount,
    state: params,
    sortable: SORTABLE,
    defaults: { ...QUEUE_TABLE_DEFAULTS, page: 1, state: "open", type: "any" },
    getRowId: (row) => row.id,
  });

  return (
    <DataTable
      heading={{ id: "wachtrij-titel", content: t("results", { total }) }}
      view={view}
      caption={t("caption")}
      total={total}
      empty={t("empty")}
      pageSizes={QUEUE_PAGE_SIZES}
      rowHeader="excerpt"
      card={(row) => (
        <div className="space-y-2">
          {item(row)}
          <p className="text-sm">
            {row.author} · {t("reportCount", { count: row.openReports })} · {when(row.oldestReportAt)} · {state(row)}
          </p>
          {reasons(row)}
          <QueueActions row={row} />
        </div>
      )}
    />
  );
}
