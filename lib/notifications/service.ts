import "server-only";
import { z } from "zod";
import { fail, ok } from "@/lib/action-result";
import { db } from "@/lib/db";
import { mutation } from "@/lib/mutation";
import type { Actor } from "@/lib/policy/permissions";
import { isId } from "@/lib/route-params";
import { notificationPath } from "./email";

// Everything here acts on the actor's own notifications only: the owner is
// part of the `where` of every write, so someone else's id finds nothing.

const notificationIdSchema = z.object({ notificationId: z.string().trim().min(1).max(100) });

export const markNotificationRead = mutation("portal:read", {
  schema: notificationIdSchema,
  run: async ({ tx, actor, data: { notificationId } }) => {
    const found = await tx.notification.findFirst({ where: { id: notificationId, userId: actor.id }, select: { id: true } });
    if (!found) return fail("notifications.notFound");
    await tx.notification.updateMany({ where: { id: found.id, userId: actor.id, readAt: null }, data: { readAt: new Date() } });
    return ok(null);
  },
});

export const markAllNotificationsRead = mutation("portal:read", {
  schema: z.object({}),
  run: async ({ tx, actor }) => {
    const { count } = await tx.notification.updateMany({ where: { userId: actor.id, readAt: null }, data: { readAt: new Date() } });
    return ok({ count });
  },
});

/**
 * Where a notification leads (the exact comment), changing nothing: for
 * GET /meldingen/<id>, which link checkers and prefetchers may open too.
 * Null for an id that is not the actor's.
 */
export async function notificationTarget({
  actor,
  notificationId,
}: {
  actor: Actor | null;
  notificationId: string;
}): Promise<string | null> {
  if (!actor || !isId(notificationId)) return null;
  const notification = await db.notification.findFirst({
    where: { id: notificationId, userId: actor.id },
    select: { updateId: true, commentId: true, feedbackRequestId: true },
  });
  return notification ? notificationPath(notification) : null;
}

/**
 * Opening a notification from the list (a POST): marks it read and answers
 * where it leads (the exact comment). Null for an id that is not the actor's.
 */
export async function openNotification({ actor, notificationId }: { actor: Actor | null; notificationId: string }): Promise<string | null> {
  if (!actor || !isId(notificationId)) return null;
  const notification = await db.notification.findFirst({
    where: { id: notificationId, userId: actor.id },
    select: { id: true, updateId: true, commentId: true, feedbackRequestId: true, readAt: true },
  });
  if (!notification) return null;
  if (!notification.readAt) {
    await db.notification.updateMany({ where: { id: notification.id, userId: actor.id, readAt: null }, data: { readAt: new Date() } });
  }
  return notificationPath(notification);
}
