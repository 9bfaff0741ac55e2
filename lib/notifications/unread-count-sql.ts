/**
 * The bell's unread count, on every signed-in page, as one statement on the
 * pool (scripts/bench/prisma-overhead.ts: Prisma's count cost more CPU than
 * the query). The visibility rule is the policy's SQL twin.
 */
import { queryRow } from "@/lib/db-sql";
import { Prisma } from "@/lib/generated/prisma/client";
import { visibleNotificationsSql } from "@/lib/policy/notifications";

export function unreadNotificationCountSql(userId: string): Prisma.Sql {
  return Prisma.sql`SELECT count(*)::int AS count FROM "Notification" n WHERE ${visibleNotificationsSql("n", userId)} AND n."readAt" IS NULL`;
}

/** How many notifications `userId` sees and has not read. */
export async function countUnreadNotifications(userId: string): Promise<number> {
  return (await queryRow<{ count: number }>(unreadNotificationCountSql(userId)))?.count ?? 0;
}
