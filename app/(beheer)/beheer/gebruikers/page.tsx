import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { listMunicipalityOptions, listUsers } from "@/lib/accounts/queries";
import { assignableRoles, can } from "@/lib/policy/permissions";
import { requirePermission } from "@/lib/session";
import { BlockUserButton, ChangeRoleForm } from "./user-controls";
import { SimpleTable } from "@/components/ui/simple-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.users"))("title") };
}

export default async function UsersPage() {
  const actor = await requirePermission("user:list", "/beheer/gebruikers");
  const [t, users, municipalities] = await Promise.all([getTranslations(), listUsers(actor), listMunicipalityOptions()]);
  const manageable = new Set(assignableRoles(actor));
  const mayChangeRoles = can(actor, "user:change-role");
  const roleOptions = assignableRoles(actor).map((role) => ({ value: role, label: t(`roles.${role}`) }));
  const municipalityOptions = municipalities.map((m) => ({ value: m.id, label: m.name }));
  return (
    <div className="space-y-6">
      <h1>{t("admin.users.title")}</h1>
      <SimpleTable
        caption={t("admin.users.title")}
        headers={[
          { label: t("admin.users.name") },
          { label: t("admin.users.email") },
          { label: t("admin.users.role") },
          { label: t("admin.users.municipality") },
          { label: t("admin.users.status") },
          { label: t("admin.users.actions") },
        ]}
      >
        {users.map((user) => {
          const self = user.id === actor.id;
          return (
            <tr key={user.id} className="border-b border-slate-200 align-top">
              <th scope="row" className="p-2 font-semibold">
                {user.name}
                {self ? <span className="font-normal"> ({t("admin.users.you")})</span> : null}
              </th>
              <td className="p-2">{user.email}</td>
              <td className="p-2">{t(`roles.${user.role}`)}</td>
              <td className="p-2">{user.municipality?.name ?? "—"}</td>
              <td className="p-2">{user.blockedAt ? t("admin.users.blocked") : t("admin.users.active")}</td>
              <td className="space-y-3 p-2">
                {!self && manageable.has(user.role) ? (
                  <BlockUserButton
                    userId={user.id}
                    blocked={user.blockedAt !== null}
                    label={t(user.blockedAt ? "admin.users.unblockLabel" : "admin.users.blockLabel", { name: user.name })}
                  />
                ) : null}
                {!self && mayChangeRoles ? (
                  <ChangeRoleForm
                    userId={user.id}
                    userName={user.name}
                    role={user.role}
                    municipalityId={user.municipality?.id ?? ""}
                    roles={roleOptions}
                    municipalities={municipalityOptions}
                  />
                ) : null}
              </td>
            </tr>
          );
        })}
      </SimpleTable>
    </div>
  );
}
