"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { DataTable } from "@/components/data-table/data-table";
import { useDataTable, type SortOption } from "@/components/data-table/use-data-table";
import type { AuditTableParams } from "@/lib/audit/table-params";
import { AUDIT_PAGE_SIZES, AUDIT_TABLE_DEFAULTS } from "@/lib/audit/table-state";

/** One audit row with every text already in the reader's language (the page resolves the labels). */
export type AuditTableRow = {
  id: string;
  at: { iso: string; text: string };
  actor: { name: string; email: string; href: string } | null;
  event: { type: string; label: string };
  target: { typeLabel: string; id: string | null; label: string | null; href: string | null; historyHref: string | null };
  reason: string | null;
  details: ({ label: string; value: string } | { label: string; before: string; after: string })[];
};

const column = createColumnHelper<AuditTableRow>();
const SORTABLE: Partial<Record<string, SortOption<AuditTableParams["sort"]>>> = { when: { sort: "when", first: "desc" } };

function Who({ row }: { row: AuditTableRow }) {
  const t = useTranslations("audit");
  if (!row.actor) return <>{t("system")}</>;
  return (
    <span className="block space-y-0.5">
      <Link href={row.actor.href} className="block break-words font-semibold">
        {row.actor.name}
        <span className="sr-only"> ({t("byActorLabel", { name: row.actor.name })})</span>
      </Link>
      <span className="block break-all text-xs text-slate-700">{row.actor.email}</span>
    </span>
  );
}

function What({ row }: { row: AuditTableRow }) {
  return (
    <span className="block">
      {row.event.label}
      <code className="block text-xs text-slate-600">{row.event.type}</code>
    </span>
  );
}

function Target({ row }: { row: AuditTableRow }) {
  const t = useTranslations("audit");
  const { target } = row;
  const name = target.label ?? target.id ?? "—";
  return (
    <span className="block space-y-0.5">
      <span className="block text-xs text-slate-700">{target.typeLabel}</span>
      {target.href ? (
        <Link href={target.href} className="block break-words">
          {name}
        </Link>
      ) : (
        <span className="block break-all">{name}</span>
      )}
      {target.historyHref ? (
        <Link href={target.historyHref} className="block text-xs">
          <span aria-hidden="true">{t("history")}</span>
          <span className="sr-only">{t("historyLabel", { target: `${target.typeLabel} ${name}` })}</span>
        </Link>
      ) : null}
    </span>
  );
}

/** The changed fields (before → after) or the event's values, as a small definition list. */
function Details({ row }: { row: AuditTableRow }) {
  const t = useTranslations("audit");
  if (row.details.length === 0) return <>—</>;
  return (
    <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-2 gap-y-1 text-xs">
      {row.details.map((detail, index) => (
        <div key={`${detail.label}-${index}`} className="contents">
          <dt className="font-semibold">{detail.label}</dt>
          <dd className="break-words">
            {"value" in detail ? (
              detail.value
            ) : (
              <>
                <span className="sr-only">{t("before")} </span>
                <del className="text-slate-700">{detail.before}</del>
                <span aria-hidden="true"> → </span>
                <span className="sr-only"> {t("after")} </span>
                <ins className="no-underline">{detail.after}</ins>
              </>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** The audit log on the shared data-table shell; filters, order and page live in the URL. Read-only. */
export function AuditTable({
  rows,
  total,
  pageCount,
  params,
}: {
  rows: AuditTableRow[];
  total: number;
  pageCount: number;
  params: AuditTableParams;
}) {
  const t = useTranslations("audit");
  const columns = [
    column.accessor((row) => row.at.iso, {
      id: "when",
      header: () => t("columns.when"),
      cell: (info) => <time dateTime={info.row.original.at.iso}>{info.row.original.at.text}</time>,
      meta: { className: "whitespace-nowrap" },
    }),
    column.display({ id: "who", header: () => t("columns.who"), cell: (info) => <Who row={info.row.original} /> }),
    column.display({ id: "what", header: () => t("columns.what"), cell: (info) => <What row={info.row.original} /> }),
    column.display({ id: "target", header: () => t("columns.target"), cell: (info) => <Target row={info.row.original} /> }),
    column.accessor("reason", {
      header: () => t("columns.reason"),
      cell: (info) => <span className="whitespace-pre-line break-words">{info.getValue() ?? "—"}</span>,
      meta: { className: "min-w-40" },
    }),
    column.display({
      id: "details",
      header: () => t("columns.details"),
      cell: (info) => <Details row={info.row.original} />,
      meta: { className: "min-w-48" },
    }),
  ];
  const view = useDataTable({
    data: rows,
    columns,
    pageCount,
    state: params,
    sortable: SORTABLE,
    defaults: AUDIT_TABLE_DEFAULTS,
    getRowId: (row) => row.id,
  });

  return (
    <DataTable
      heading={{ id: "audit-results", content: t("results", { total }) }}
      view={view}
      caption={t("caption")}
      total={total}
      empty={t("empty")}
      pageSizes={AUDIT_PAGE_SIZES}
      card={(row) => (
        <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-3 gap-y-2 text-sm">
          <dt className="font-semibold">{t("columns.when")}</dt>
          <dd>
            <time dateTime={row.at.iso}>{row.at.text}</time>
          </dd>
          <dt className="font-semibold">{t("columns.who")}</dt>
          <dd>
            <Who row={row} />
          </dd>
          <dt className="font-semibold">{t("columns.what")}</dt>
          <dd>
            <What row={row} />
          </dd>
          <dt className="font-semibold">{t("columns.target")}</dt>
          <dd>
            <Target row={row} />
          </dd>
          {row.reason ? (
            <>
              <dt className="font-semibold">{t("columns.reason")}</dt>
              <dd className="whitespace-pre-line break-words">{row.reason}</dd>
            </>
          ) : null}
          {row.details.length ? (
            <>
              <dt className="font-semibold">{t("columns.details")}</dt>
              <dd>
                <Details row={row} />
              </dd>
            </>
          ) : null}
        </dl>
      )}
    />
  );
}
