import "server-only";
import { pageCountOf } from "@/components/data-table/url-state";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assignableRoles, can, type Actor } from "@/lib/policy/permissions";
import { activeUserWhere, blockedUserWhere, isBlockedNow, lastBlockedDay } from "@/lib/policy/users";
import type { UsersTableParams } from "./table-params";

const userSelect = {
  id: true,
  name: true,
  email: true,
  role: true,
  blockedAt: true,
  blockedUntil: true,
  blockReason: true,
  createdAt: true,
  municipality: { select: { id: true, name: true } },
} as const satisfies Prisma.UserSelect;

/** The people list's filters as one Prisma condition (a pure builder, shared by the page and the tests). */
export function usersTableWhere(params: Pick<UsersTableParams, "q" | "role" | "status">, now: Date): Prisma.UserWhereInput {
  const conditions: Prisma.UserWhereInput[] = [];
  if (params.q) {
    conditions.push({
      OR: [{ name: { contains: params.q, mode: "insensitive" } }, { email: { contains: params.q, mode: "insensitive" } }],
    });
  }
  if (params.role) conditions.push({ role: params.role });
  if (params.status === "active") conditions.push(activeUserWhere(now));
  if (params.status === "blocked") conditions.push(blockedUserWhere(now));
  return { AND: conditions };
}

/** The block as the pages show it: null when there is none now (also when it ran out); `lastDay` is the last blocked day. */
export function blockOf(user: { blockedAt: Date | null; blockedUntil: Date | null; blockReason: string | null }, now: Date) {
  if (!isBlockedNow(user, now)) return null;
  return {
    since: user.blockedAt!,
    reason: user.blockReason,
    lastDay: lastBlockedDay(user.blockedUntil),
  };
}

/** One page of people, for staff; others get nothing (the page itself is refused earlier). */
export async function listUsers(actor: Actor, params: UsersTableParams, now: Date = new Date()) {
  if (!can(actor, "user:list")) return { rows: [], total: 0, pageCount: 1 };
  const where = usersTableWhere(params, now);
  const orderBy: Prisma.UserOrderByWithRelationInput[] = [
    params.sort === "email" ? { email: params.dir } : { name: params.dir },
    { id: params.dir },
  ];
  const [rows, total] = await Promise.all([
    db.user.findMany({ where, orderBy, skip: (params.page - 1) * params.perPage, take: params.perPage, select: userSelect }),
    db.user.count({ where }),
  ]);
  return { rows, total, pageCount: pageCountOf(total, params.perPage) };
}

/** One person, for staff; null for others and for an unknown id. */
export async function getUserForStaff(actor: Actor, userId: string) {
  if (!can(actor, "user:list")) return null;
  return db.user.findUnique({ where: { id: userId }, select: userSelect });
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
