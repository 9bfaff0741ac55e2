import type { Prisma } from "@/lib/generated/prisma/client";
import { listedUpdateWhere } from "./updates";

/**
 * The notifications someone sees (list, bell, count): their own, about
 * updates that are still listed or are their own. A withdrawn update's
 * notifications drop out for everyone else, staff included: staff may open
 * a withdrawn update, but it is no news.
 */
export function visibleNotificationsWhere(userId: string): Prisma.NotificationWhereInput {
  return { userId, update: { OR: [listedUpdateWhere, { authorId: userId }] } };
}
