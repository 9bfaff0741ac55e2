import { Prisma } from "@/lib/generated/prisma/client";
import { listedUpdateSql, listedUpdateWhere } from "./updates";

/**
 * The notifications someone sees (list, bell, count): their own, about
 * updates that are still listed or are their own. A withdrawn or hidden
 * update's notifications drop out for everyone else, staff included: staff
 * may open such an update, but it is no news. Moderation notices were
 * addressed to their recipient on purpose and always stay.
 */
export function visibleNotificationsWhere(userId: string): Prisma.NotificationWhereInput {
  return { userId, OR: [{ kind: "MODERATION" }, { update: { OR: [listedUpdateWhere, { authorId: userId }] } }] };
}

/** `visibleNotificationsWhere` for raw SQL over the "Notification" table under `alias`. */
export function visibleNotificationsSql(alias: string, userId: string): Prisma.Sql {
  const table = Prisma.raw(`"${alias.replace(/"/g, "")}"`);
  return Prisma.sql`(${table}."userId" = ${userId} AND (${table}.kind = 'MODERATION' OR EXISTS (
    SELECT 1 FROM "Update" nu WHERE nu.id = ${table}."updateId" AND (${listedUpdateSql("nu")} OR nu."authorId" = ${userId}))))`;
}
