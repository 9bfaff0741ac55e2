import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { SimpleTable } from "@/components/ui/simple-table";
import { listMunicipalityOptions, listOpenInvitations } from "@/lib/accounts/queries";
import { assignableRoles } from "@/lib/policy/permissions";
import { requirePermission } from "@/lib/session";
import { InvitationForm } from "./invitation-form";
import { RevokeInvitationButton } from "./revoke-invitation-button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.invitations"))("title") };
}

export default async function InvitationsPage() {
  const actor = await requirePermission("invitation:create", "/beheer/uitnodigingen");
  const [t, format, municipalities, invitations] = await Promise.all([
    getTranslations(),
    getFormatter(),
    listMunicipalityOptions(),
    listOpenInvitations(actor),
  ]);
  const roleOptions = assignableRoles(actor).map((role) => ({ value: role, label: t(`roles.${role}`) }));
  return (
    <div className="space-y-10">
      <section aria-labelledby="invite" className="max-w-xl space-y-4">
        <h1 id="invite">{t("admin.invitations.title")}</h1>
        <p>{t("admin.invitations.intro")}</p>
        <InvitationForm roles={roleOptions} municipalities={municipalities.map((m) => ({ value: m.id, label: m.name }))} />
      </section>

      <section aria-labelledby="open-invitations" className="space-y-4">
        <h2 id="open-invitations">{t("admin.invitations.open")}</h2>
        {invitations.length === 0 ? (
          <p>{t("admin.invitations.none")}</p>
        ) : (
          <SimpleTable
            caption={t("admin.invitations.open")}
            headers={[
              { label: t("admin.invitations.email") },
              { label: t("admin.invitations.role") },
              { label: t("admin.invitations.municipality") },
              { label: t("admin.invitations.invitedBy") },
              { label: t("admin.invitations.expires") },
              { label: t("admin.users.actions"), visuallyHidden: true },
            ]}
          >
            {invitations.map((invitation) => (
              <tr key={invitation.id} className="border-b border-slate-200">
                <td className="p-2">{invitation.email}</td>
                <td className="p-2">{t(`roles.${invitation.role}`)}</td>
                <td className="p-2">{invitation.municipality?.name ?? "—"}</td>
                <td className="p-2">{invitation.invitedBy.name}</td>
                <td className="p-2">{format.dateTime(invitation.expiresAt, { dateStyle: "medium" })}</td>
                <td className="p-2">
                  <RevokeInvitationButton
                    invitationId={invitation.id}
                    label={t("admin.invitations.revokeLabel", { email: invitation.email })}
                  />
                </td>
              </tr>
            ))}
          </SimpleTable>
        )}
      </section>
    </div>
  );
}
