import "server-only";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/policy/permissions";
import { activeUserWhere } from "@/lib/policy/users";

/** Whether the person is the only admin who can still sign in (their account cannot be deleted then). */
export async function isOnlyActiveAdmin(userId: string): Promise<boolean> {
  const admins = await db.user.findMany({ where: { role: "ADMIN", ...activeUserWhere() }, select: { id: true }, take: 2 });
  return admins.length === 1 && admins[0]?.id === userId;
}

/** The person an admin handles a request for: who they are and how much the portal holds about them. */
export async function getPrivacySubject(actor: Actor, userId: string) {
  // Only for whoever handles AVG requests; the page refuses others earlier too.
  if (!can(actor, "privacy:handle-requests")) return null;
  return db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      anonymisedAt: true,
      municipality: { select: { name: true } },
      _count: {
        select: {
          updates: true,
          comments: { where: { deletedAt: null } },
          follows: true,
          notifications: true,
          uploads: true,
          reports: true,
        },
      },
    },
  });
}

export type PrivacySubject = NonNullable<Awaited<ReturnType<typeof getPrivacySubject>>>;
