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
    actorId: string | null;
    updateId: string;
    commentId: string | null;
    /** Who hears what: e.g. the author with the reason, the reporters that their report was handled. */
    notices: { userIds: string[]; event: ModerationEvent; reason: string | null }[];
  },
): Promise<void> {
  const everyone = [...new Set(input.notices.flatMap((notice) => notice.userIds))].filter((id) => id !== input.actorId);
  if (everyone.length === 0) return;
  const now = new Date();
  // One read each for all the notices of a step.
  const people = await tx.user.findMany({
    where: { id: { in: everyone }, ...activeUserWhere(now) },
    select: { id: true, email: true, name: true, locale: true },
  });
  if (people.length === 0) return;
  const update = await tx.update.findUniqueOrThrow({ where: { id: input.updateId }, select: { title: true, authorId: true } });
  const preferences = await tx.emailPreference.findMany({
    where: { userId: { in: people.map((person) => person.id) }, kind: "MODERATION" },
    select: { userId: true, frequency: true },
  });
  const frequency = new Map(preferences.map((row) => [row.userId, row.frequency]));
  const person = new Map(people.map((row) => [row.id, row]));
  let emailed = false;
  for (const notice of input.notices) {
    for (const userId of new Set(notice.userIds)) {
      const recipient = person.get(userId);
      if (!recipient || userId === input.actorId) continue;
      const choice = frequency.get(userId) ?? "WEEKLY";
      const item = {
        kind: "MODERATION" as const,
        actorName: null,
        updateId: input.updateId,
        commentId: input.commentId,
        excerpt: notice.reason,
        createdAt: now,
        event: notice.event,
      };
      const emailId =
        choice === "IMMEDIATE"
          ? await queueEmail(
              tx,
              immediateNotificationEmail({ recipient, item, updateTitle: update.title, ownUpdate: update.authorId === userId, now }),
            )
          : null;
      emailed ||= emailId !== null;
      await tx.notification.create({
        data: {
          userId,
          kind: "MODERATION",
          actorId: input.actorId,
          updateId: input.updateId,
          commentId: input.commentId,
          event: notice.event,
          reason: notice.reason,
          createdAt: now,
          // Settled at once when emailed now or never wanted, so the digest skips it.
          emailedAt: emailId || choice === "NEVER" ? now : null,
          emailId,
        },
      });
    }
  }
  if (emailed) requestDelivery();
}
