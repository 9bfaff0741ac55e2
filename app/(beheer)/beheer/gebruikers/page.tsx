import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { FilterForm, filterInputClass, FilterSelect } from "@/components/data-table/filter-form";
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

      <FilterForm
        action="/beheer/gebruikers"
        label={t("searchLabel")}
        state={params}
        defaults={USER_TABLE_DEFAULTS}
        submit={t("apply")}
        clear={filtered ? t("clear") : null}
        className="flex flex-wrap items-end gap-3 rounded border border-slate-300 bg-white p-4"
      >
        <div className="w-full space-y-1 sm:w-auto sm:min-w-64 sm:flex-1">
          <label htmlFor="q" className="block font-semibold">
            {t("search")}
          </label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={params.q}
            placeholder={t("searchPlaceholder")}
            className={`${filterInputClass} w-full`}
          />
        </div>
        <FilterSelect
          name="role"
          label={t("role")}
          value={params.role}
          all={t("allRoles")}
          options={roles.map((role) => ({ value: role, label: tRoles(role) }))}
        />
        <FilterSelect
          name="status"
          label={t("status")}
          value={params.status}
          all={t("allStatuses")}
          options={USER_STATUSES.map((status) => ({ value: status, label: t(status) }))}
        />
      </FilterForm>

      <UsersTable rows={rows} total={result.total} pageCount={result.pageCount} params={params} />
    </div>
  );
}
