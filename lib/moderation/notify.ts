import "server-only";
import { queueEmail, requestDelivery } from "@/lib/email/queue";
import type { Tx } from "@/lib/mutation";
import { immediateNotificationEmail } from "@/lib/notifications/email";
import { activeUserWhere } from "@/lib/policy/users";
import type { ModerationEvent } from "./events";

/**
 * Tells people about a moderation step, inside the step's transaction: a
 * MODERATION notification with the event and the coordinator's reason, and an
 * email at once for who chose "Direct" (others get it in their digest).
 * Blocked people and the one who acted are left out.
 */
export async function notifyModeration(
  tx: Tx,
  input: {
    userIds: string[];
    actorId: string | null;
    event: ModerationEvent;
    reason: string | null;
    updateId: string;
    commentId: string | null;
  },
): Promise<void> {
  const ids = [...new Set(input.userIds)].filter((id) => id !== input.actorId);
  if (ids.length === 0) return;
  const now = new Date();
  const people = await tx.user.findMany({
    where: { id: { in: ids }, ...activeUserWhere(now) },
    select: { id: true, email: true, name: true, locale: true },
  });
  if (people.length === 0) return;
  const update = await tx.update.findUniqueOrThrow({ where: { id: input.updateId }, select: { title: true, authorId: true } });
  const preferences = await tx.emailPreference.findMany({
    where: { userId: { in: people.map((person) => person.id) }, kind: "MODERATION" },
    select: { userId: true, frequency: true },
  });
  const frequency = new Map(preferences.map((row) => [row.userId, row.frequency]));
  for (const person of people) {
    const choice = frequency.get(person.id) ?? "WEEKLY";
    const item = {
      kind: "MODERATION" as const,
      actorName: null,
      updateId: input.updateId,
      commentId: input.commentId,
      excerpt: input.reason,
      createdAt: now,
      event: input.event,
    };
    const emailId =
      choice === "IMMEDIATE"
        ? await queueEmail(
            tx,
            immediateNotificationEmail({
              recipient: person,
              item,
              updateTitle: update.title,
              ownUpdate: update.authorId === person.id,
              now,
            }),
          )
        : null;
    await tx.notification.create({
      data: {
        userId: person.id,
        kind: "MODERATION",
        actorId: input.actorId,
        updateId: input.updateId,
        commentId: input.commentId,
        event: input.event,
        reason: input.reason,
        createdAt: now,
        // Settled at once when emailed now or never wanted, so the digest skips it.
        emailedAt: emailId || choice === "NEVER" ? now : null,
        emailId,
      },
    });
    if (emailId) requestDelivery();
  }
}
