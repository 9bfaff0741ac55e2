import "server-only";
import { db } from "@/lib/db";
import { assignableRoles, can, type Actor } from "@/lib/policy/permissions";

/** People, for staff; others get an empty list (the page itself is refused earlier). */
export async function listUsers(actor: Actor) {
  if (!can(actor, "user:list")) return [];
  return db.user.findMany({
    orderBy: [{ blockedAt: { sort: "desc", nulls: "last" } }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      blockedAt: true,
      createdAt: true,
      municipality: { select: { id: true, name: true } },
    },
  });
}

export async function listOpenInvitations(actor: Actor) {
  if (!can(actor, "invitation:create")) return [];
  return db.invitation.findMany({
    where: { acceptedAt: null, revokedAt: null, role: { in: assignableRoles(actor) } },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      email: true,
      role: true,
      expiresAt: true,
      createdAt: true,
      municipality: { select: { name: true } },
      invitedBy: { select: { name: true } },
    },
  });
}

export function listMunicipalityOptions() {
  return db.municipality.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
}

/** The outbox (emails recorded by lib/email), newest first, for admins. */
export async function listRecentEmails(actor: Actor, take = 50) {
  if (!can(actor, "email:outbox")) return [];
  return db.emailMessage.findMany({
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, to: true, subject: true, text: true, transport: true, sentAt: true, error: true, createdAt: true },
  });
}
