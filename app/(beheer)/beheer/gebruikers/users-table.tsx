"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { DataTable } from "@/components/data-table/data-table";
import { useDataTable, type SortOption } from "@/components/data-table/use-data-table";
import type { UsersTableParams } from "@/lib/accounts/table-params";
import { USER_PAGE_SIZES, USER_TABLE_DEFAULTS } from "@/lib/accounts/table-state";

/** One person as the list shows them; `blocked` is null when the account works now. */
export type UserRow = {
  id: string;
  name: string;
  email: string;
  role: string;
  municipality: string | null;
  blocked: { lastDay: string | null } | null;
  self: boolean;
};

const SORTABLE: Partial<Record<string, SortOption<UsersTableParams["sort"]>>> = {
  name: { sort: "name", first: "asc" },
  email: { sort: "email", first: "asc" },
};

const column = createColumnHelper<UserRow>();

function Name({ row }: { row: UserRow }) {
  const t = useTranslations("admin.users");
  return (
    <>
      <Link href={`/beheer/gebruikers/${row.id}`} className="break-words font-semibold">
        {row.name}
      </Link>
      {row.self ? <span className="font-normal"> ({t("you")})</span> : null}
    </>
  );
}

function Status({ row }: { row: UserRow }) {
  const t = useTranslations("admin.users");
  const format = useFormatter();
  if (!row.blocked) return <>{t("active")}</>;
  if (!row.blocked.lastDay) return <>{t("blocked")}</>;
  const date = format.dateTime(new Date(`${row.blocked.lastDay}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
  return <>{t("blockedThrough", { date })}</>;
}

/** The people list on the shared data-table shell: search, filters, sort and page all live in the URL. */
export function UsersTable({
  rows,
  total,
  pageCount,
  params,
}: {
  rows: UserRow[];
  total: number;
  pageCount: number;
  params: UsersTableParams;
}) {
  const t = useTranslations("admin.users");
  const roles = useTranslations("roles");
  const columns = [
    column.accessor("name", { header: () => t("name"), cell: (info) => <Name row={info.row.original} /> }),
    column.accessor("email", { header: () => t("email"), meta: { className: "break-all" } }),
    column.accessor("role", { header: () => t("role"), cell: (info) => roles(info.getValue()) }),
    column.accessor("municipality", { header: () => t("municipality"), cell: (info) => info.getValue() ?? "—" }),
    column.display({ id: "status", header: () => t("status"), cell: (info) => <Status row={info.row.original} /> }),
  ];
  const view = useDataTable({
    data: rows,
    columns,
    pageCount,
    state: params,
    sortable: SORTABLE,
    defaults: USER_TABLE_DEFAULTS,
    getRowId: (row) => row.id,
  });

  return (
    <DataTable
      heading={{ id: "users-results", content: t("results", { total }) }}
      view={view}
      caption={t("caption")}
      total={total}
      empty={t("empty")}
      pageSizes={USER_PAGE_SIZES}
      rowHeader="name"
      card={(row) => (
        <>
          <p>
            <Name row={row} />
          </p>
          <p className="break-all text-sm text-slate-700">{row.email}</p>
          <p className="text-sm text-slate-700">
            {roles(row.role)}
            {row.municipality ? ` · ${row.municipality}` : ""} · <Status row={row} />
          </p>
        </>
      )}
    />
  );
}
