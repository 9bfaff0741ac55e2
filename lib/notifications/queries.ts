import "server-only";
import { summariseAppreciationGroups } from "@/lib/appreciation/notify";
import { db } from "@/lib/db";
import { markdownExcerpt } from "@/lib/markdown-excerpt";
import { isShownComment } from "@/lib/policy/comments";
import { visibleNotificationsWhere } from "@/lib/policy/notifications";
import { notificationPath } from "./email";
import { countUnreadNotifications } from "./unread-count-sql";

export const NOTIFICATIONS_PER_PAGE = 20;

/** For the bell in the header. */
export async function unreadNotificationCount(userId: string): Promise<number> {
  return countUnreadNotifications(userId);
}

/** One page of notifications, newest first. `page` starts at 1 and is clamped to the last page. */
export async function listNotifications(userId: string, options: { page?: number; perPage?: number } = {}) {
  const perPage = options.perPage ?? NOTIFICATIONS_PER_PAGE;
  const where = visibleNotificationsWhere(userId);
  const [total, unread] = await Promise.all([
    db.notification.count({ where }),
    db.notification.count({ where: { ...where, readAt: null } }),
  ]);
  const pages = Math.max(1, Math.ceil(total / perPage));
  const page = Math.min(Math.max(1, Math.floor(options.page ?? 1)), pages);
  const rows = await db.notification.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * perPage,
    take: perPage,
    select: {
      id: true,
      kind: true,
      readAt: true,
      createdAt: true,
      updateId: true,
      commentId: true,
      feedbackRequestId: true,
      event: true,
      reason: true,
      actor: { select: { name: true } },
      update: { select: { title: true, authorId: true } },
      comment: { select: { body: true, deletedAt: true, hiddenAt: true } },
    },
  });
  const appreciations = await summariseAppreciationGroups(
    db,
    rows.flatMap((row) => (row.kind === "APPRECIATION" ? [row.id] : [])),
  );
  const items = rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    read: row.readAt !== null,
    createdAt: row.createdAt,
    actorName: appreciations.get(row.id)?.latestName ?? row.actor?.name ?? null,
    /** For APPRECIATION: how many people the grouped notification stands for. */
    appreciationCount: appreciations.get(row.id)?.count ?? 0,
    /** What the comment says, only while it is shown (a hidden or deleted comment's text is gone for everyone). */
    commentExcerpt: row.kind !== "MODERATION" && row.comment && isShownComment(row.comment) ? markdownExcerpt(row.comment.body) : null,
    updateTitle: row.update.title,
    ownUpdate: row.update.authorId === userId,
    /** For MODERATION: what happened and the coordinator's reason. */
    event: row.event,
    reason: row.reason,
    /** The exact comment (or the update); the list opens it with a POST (openNotificationAction), which marks it read first. */
    href: notificationPath(row),
  }));
  return { items, total, unread, page, pages, perPage };
}

export type NotificationListItem = Awaited<ReturnType<typeof listNotifications>>["items"][number];
