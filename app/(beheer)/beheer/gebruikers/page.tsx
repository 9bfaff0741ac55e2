import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { DataTableHiddenState } from "@/components/data-table/data-table-hidden-state";
import { dataTableQuery } from "@/components/data-table/url-state";
import { blockOf, listUsers } from "@/lib/accounts/queries";
import { parseUsersTableParams, USER_STATUSES, USER_TABLE_DEFAULTS } from "@/lib/accounts/table-params";
import { roles } from "@/lib/policy/permissions";
import { requirePermission } from "@/lib/session";
import { UsersTable, type UserRow } from "./users-table";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.users"))("title") };
}

const input = "rounded border border-slate-500 bg-white px-3 py-2";

export default async function UsersPage({ searchParams }: Props) {
  const params = parseUsersTableParams(await searchParams);
  const actor = await requirePermission("user:list", `/beheer/gebruikers${dataTableQuery(params, USER_TABLE_DEFAULTS)}`);
  const now = new Date();
  const [t, tRoles, result] = await Promise.all([getTranslations("admin.users"), getTranslations("roles"), listUsers(actor, params, now)]);
  const rows: UserRow[] = result.rows.map((user) => {
    const block = blockOf(user, now);
    return {
      id: user.id,
      name: user.name,
      email: user.email,
      role: user.role,
      municipality: user.municipality?.name ?? null,
      blocked: block ? { lastDay: block.lastDay } : null,
      self: user.id === actor.id,
    };
  });
  const filtered = Boolean(params.q || params.role || params.status);

  return (
    <div className="space-y-6">
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>

      <form
        method="get"
        action="/beheer/gebruikers"
        role="search"
        aria-label={t("searchLabel")}
        className="flex flex-wrap items-end gap-3 rounded border border-slate-300 bg-white p-4"
      >
        <div className="w-full space-y-1 sm:w-auto sm:min-w-64 sm:flex-1">
          <label htmlFor="q" className="block font-semibold">
            {t("search")}
          </label>
          <input id="q" name="q" type="search" defaultValue={params.q} placeholder={t("searchPlaceholder")} className={`${input} w-full`} />
        </div>
        <div className="space-y-1">
          <label htmlFor="role" className="block font-semibold">
            {t("role")}
          </label>
          <select id="role" name="role" defaultValue={params.role ?? ""} className={input}>
            <option value="">{t("allRoles")}</option>
            {roles.map((role) => (
              <option key={role} value={role}>
                {tRoles(role)}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="status" className="block font-semibold">
            {t("status")}
          </label>
          <select id="status" name="status" defaultValue={params.status ?? ""} className={input}>
            <option value="">{t("allStatuses")}</option>
            {USER_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(status)}
              </option>
            ))}
          </select>
        </div>
        <DataTableHiddenState state={params} defaults={USER_TABLE_DEFAULTS} />
        <button type="submit" className="rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark">
          {t("apply")}
        </button>
        {filtered ? <Link href="/beheer/gebruikers">{t("clear")}</Link> : null}
      </form>

      <UsersTable rows={rows} total={result.total} pageCount={result.pageCount} params={params} />
    </div>
  );
}
