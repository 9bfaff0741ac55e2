/**
 * "Nuttig" on an update tells its author, grouped: while the author has not
 * read it, one APPRECIATION notification per update carries every new mark.
 * A new mark moves that row's actor and time to the newest mark (so it rises
 * to the top of the list); once read, the next mark starts a new row. The
 * Notification table has no count column, so the count is derived when read:
 * a row stands for the marks on its update after the author's previous
 * APPRECIATION row and up to its own time (see summariseAppreciationGroups).
 * A withdrawn mark drops out of that count by itself, and an unread row left
 * without marks is removed. Email follows the author's choice for the kind
 * (no row means weekly, the default of every kind: a mark is good news, not
 * urgent); a group is emailed at most once, when its row is new ("Direct")
 * or by the next digest.
 *
 * No `server-only` import: the digest (`npm run digest`) reads the groups outside Next.js.
 */
import { queueEmail, requestDelivery } from "@/lib/email/queue";
import type { Prisma } from "@/lib/generated/prisma/client";
import { immediateNotificationEmail } from "@/lib/notifications/email";
import { activeUserWhere } from "@/lib/policy/users";

type Tx = Prisma.TransactionClient;
type Reader = Pick<Tx, "$queryRaw">;

/**
 * The unread grouping row of an author for one update, if any. Two marks at
 * the same moment queue on a per-update lock first, so they share one row.
 */
async function findOpenGroup(tx: Tx, authorId: string, updateId: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`koppelkans:appreciation:${updateId}`}, 0))`;
  return tx.notification.findFirst({
    where: { userId: authorId, updateId, kind: "APPRECIATION", readAt: null },
    orderBy: { createdAt: "desc" },
    select: { id: true, createdAt: true },
  });
}

/** A new mark on an update (never the author's own: the service refuses that before). */
export async function onUpdateAppreciated(tx: Tx, event: { updateId: string; appreciatorId: string; appreciatedAt: Date }) {
  const update = await tx.update.findUnique({
    where: { id: event.updateId },
    select: { id: true, title: true, authorId: true, author: { select: { id: true, email: true, name: true, locale: true } } },
  });
  if (!update || update.authorId === event.appreciatorId) return;
  const open = await findOpenGroup(tx, update.authorId, update.id);
  if (open) {
    // Only ever forward: a mark whose transaction waited on the lock may be older than the one that moved the row last.
    if (event.appreciatedAt > open.createdAt)
      await tx.notification.update({ where: { id: open.id }, data: { actorId: event.appreciatorId, createdAt: event.appreciatedAt } });
    return;
  }
  const active = await tx.user.count({ where: { id: update.authorId, ...activeUserWhere(event.appreciatedAt) } });
  if (!active) return;
  const created = await tx.notification.create({
    data: {
      userId: update.authorId,
      kind: "APPRECIATION",
      actorId: event.appreciatorId,
      updateId: update.id,
      createdAt: event.appreciatedAt,
    },
    select: { id: true },
  });
  const preference = await tx.emailPreference.findUnique({
    where: { userId_kind: { userId: update.authorId, kind: "APPRECIATION" } },
    select: { frequency: true },
  });
  const frequency = preference?.frequency ?? "WEEKLY";
  if (frequency === "NEVER") {
    await tx.notification.update({ where: { id: created.id }, data: { emailedAt: event.appreciatedAt } });
  } else if (frequency === "IMMEDIATE") {
    const appreciator = await tx.user.findUnique({ where: { id: event.appreciatorId }, select: { name: true } });
    const message = immediateNotificationEmail({
      recipient: update.author,
      item: {
        kind: "APPRECIATION",
        actorName: appreciator?.name ?? null,
        appreciationCount: 1,
        updateId: update.id,
        commentId: null,
        excerpt: null,
        createdAt: event.appreciatedAt,
      },
      updateTitle: update.title,
      ownUpdate: true,
      now: event.appreciatedAt,
    });
    const emailId = await queueEmail(tx, message);
    await tx.notification.update({ where: { id: created.id }, data: { emailedAt: event.appreciatedAt, emailId } });
    requestDelivery();
  }
}

/** A withdrawn mark: the unread group names the newest remaining mark, or goes when none is left. */
export async function onUpdateAppreciationWithdrawn(tx: Tx, event: { updateId: string }) {
  const update = await tx.update.findUnique({ where: { id: event.updateId }, select: { authorId: true } });
  if (!update) return;
  const open = await findOpenGroup(tx, update.authorId, event.updateId);
  if (!open) return;
  const summary = (await summariseAppreciationGroups(tx, [open.id])).get(open.id);
  if (!summary || summary.count === 0) {
    await tx.notification.deleteMany({ where: { id: open.id, readAt: null } });
    return;
  }
  await tx.notification.update({ where: { id: open.id }, data: { actorId: summary.latestUserId } });
}

export type AppreciationGroup = { count: number; latestName: string | null; latestUserId: string | null };

/**
 * For APPRECIATION notifications: how many marks each one stands for and who
 * made the newest, in one query. Other ids are simply absent from the answer.
 */
export async function summariseAppreciationGroups(client: Reader, notificationIds: string[]): Promise<Map<string, AppreciationGroup>> {
  if (notificationIds.length === 0) return new Map();
  const rows = await client.$queryRaw<{ id: string; count: number; latestName: string | null; latestUserId: string | null }[]>`
    SELECT n.id, g.count, g."latestName", g."latestUserId"
      FROM "Notification" n
      CROSS JOIN LATERAL (
        SELECT max(p."createdAt") AS since FROM "Notification" p
         WHERE p."userId" = n."userId" AND p."updateId" = n."updateId" AND p.kind = 'APPRECIATION' AND p."createdAt" < n."createdAt"
      ) prev
      CROSS JOIN LATERAL (
        SELECT count(*)::int AS count,
               (array_agg(u.name ORDER BY a."createdAt" DESC, a.id DESC))[1] AS "latestName",
               (array_agg(u.id ORDER BY a."createdAt" DESC, a.id DESC))[1] AS "latestUserId"
          FROM "Appreciation" a JOIN "User" u ON u.id = a."userId"
         WHERE a."updateId" = n."updateId" AND a."userId" <> n."userId" AND a."createdAt" <= n."createdAt"
           AND (prev.since IS NULL OR a."createdAt" > prev.since)
      ) g
     WHERE n.id = ANY(${notificationIds}::text[]) AND n.kind = 'APPRECIATION'`;
  return new Map(rows.map((row) => [row.id, { count: row.count, latestName: row.latestName, latestUserId: row.latestUserId }]));
}
