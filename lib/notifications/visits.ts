import "server-only";
import { db } from "@/lib/db";

export { isNewComment } from "./new-since";

/**
 * Remembers that someone opened an update now. Called from the browser after
 * the page rendered (VisitRecorder → recordVisitAction), so prefetches do not
 * count. An unknown update id does nothing; the time only moves forward.
 */
export async function recordVisit(userId: string, updateId: string, at: Date = new Date()): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "UpdateVisit" ("userId", "updateId", "lastVisitedAt")
    SELECT ${userId}, u.id, ${at} FROM "Update" u WHERE u.id = ${updateId}
    ON CONFLICT ("userId", "updateId")
    DO UPDATE SET "lastVisitedAt" = GREATEST("UpdateVisit"."lastVisitedAt", EXCLUDED."lastVisitedAt")`;
}

/** When someone last opened the update (before this page view records a new visit), or null. */
export async function getLastVisit(userId: string, updateId: string): Promise<Date | null> {
  const visit = await db.updateVisit.findUnique({
    where: { userId_updateId: { userId, updateId } },
    select: { lastVisitedAt: true },
  });
  return visit?.lastVisitedAt ?? null;
}

/**
 * For the updates table and the update page: per update, how many comments
 * came in since the user's last visit — by others, not deleted or hidden.
 * One query. Updates the user never opened, or with nothing new, are left
 * out (so `counts[id] ?? 0`).
 */
export async function newCommentCounts(userId: string, updateIds: readonly string[]): Promise<Record<string, number>> {
  if (updateIds.length === 0) return {};
  const rows = await db.$queryRaw<{ updateId: string; count: number }[]>`
    SELECT c."updateId", count(*)::int AS count
      FROM "UpdateVisit" v
      JOIN "Comment" c ON c."updateId" = v."updateId" AND c."createdAt" > v."lastVisitedAt"
     WHERE v."userId" = ${userId}
       AND v."updateId" = ANY(${[...updateIds]}::text[])
       AND c."authorId" <> ${userId}
       AND c."deletedAt" IS NULL
       AND c."hiddenAt" IS NULL
     GROUP BY c."updateId"`;
  return Object.fromEntries(rows.map((row) => [row.updateId, row.count]));
}
