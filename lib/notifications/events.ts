import "server-only";
import { queueEmail, requestDelivery } from "@/lib/email/queue";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { FollowTarget, NotificationKind } from "@/lib/generated/prisma/enums";
import { activeUserWhere } from "@/lib/policy/users";
import { excerpt, immediateNotificationEmail } from "./email";

type Tx = Prisma.TransactionClient;

/**
 * Domain events that create notifications and follows. Callers run them inside
 * the transaction of the write that caused them, so a notification exists
 * exactly when its comment or update does. Email for people who chose
 * "Direct" is put in the outbox in that same transaction (and the
 * notification marked emailed), and delivered after the commit: callers should
 * `await deliverQueued()` (lib/email/queue.ts) once their transaction is done;
 * inside the server a delayed delivery is also requested here, and the
 * scheduler / `npm run digest` pick up anything left.
 *
 * Who hears what (at most one notification per person per comment, never the
 * person who acted, never a blocked account):
 * - a comment: MENTION for the people it names; REPLY for the author of the
 *   comment it answers and the author of the thread's first comment;
 *   COMMENT_ON_UPDATE for the update's author and everyone who follows the
 *   update (the thread). When one person qualifies twice the strongest kind
 *   wins: MENTION > REPLY > COMMENT_ON_UPDATE. The commenter follows the
 *   thread from then on.
 * - a published update: FOLLOWED_UPDATE for everyone who follows its
 *   experiment, its municipality, one of its opgaven or themes (once each,
 *   also when it is published again after a withdrawal). The author follows
 *   the update.
 * - a feedback request: FEEDBACK_REQUEST for each asked peer (once per request).
 */
export type CommentPostedEvent = {
  commentId: string;
  updateId: string;
  authorId: string;
  /** The thread's first comment when this is a reply. */
  parentId: string | null;
  /** The author of the comment this one answers, when it is a reply. */
  replyToAuthorId: string | null;
  mentionedUserIds: string[];
};

export type UpdatePublishedEvent = { updateId: string; authorId: string };

const RANK: Record<NotificationKind, number> = {
  // Never competes with the others: lib/appreciation/notify.ts makes it on its own.
  APPRECIATION: -1,
  FOLLOWED_UPDATE: 0,
  COMMENT_ON_UPDATE: 1,
  REPLY: 2,
  MENTION: 3,
  MODERATION: 4,
  FEEDBACK_REQUEST: 5,
};

async function followTarget(tx: Tx, userId: string, targetType: FollowTarget, targetId: string) {
  await tx.follow.upsert({
    where: { userId_targetType_targetId: { userId, targetType, targetId } },
    create: { userId, targetType, targetId },
    update: {},
  });
}

/** Keeps the strongest kind per recipient; the actor is never a recipient. */
class Recipients {
  readonly kinds = new Map<string, NotificationKind>();
  constructor(private readonly actorId: string) {}
  offer(userId: string | null | undefined, kind: NotificationKind) {
    if (!userId || userId === this.actorId) return;
    const current = this.kinds.get(userId);
    if (!current || RANK[kind] > RANK[current]) this.kinds.set(userId, kind);
  }
}

async function notify(
  tx: Tx,
  input: {
    recipients: Recipients;
    actorId: string;
    update: { id: string; title: string; authorId: string };
    commentId: string | null;
    /** The text an email quotes: the comment, or a feedback request's question. */
    commentBody: string | null;
    feedbackRequestId?: string | null;
  },
): Promise<void> {
  const wanted = input.recipients.kinds;
  if (wanted.size === 0) return;
  const now = new Date();
  const ids = [...wanted.keys()];
  // One after the other: a transaction is one connection (pg does not queue parallel queries on it).
  const people = await tx.user.findMany({
    where: { id: { in: ids }, ...activeUserWhere(now) },
    select: { id: true, email: true, name: true, locale: true },
  });
  // Calling an event twice (a retry) must not notify twice.
  const already = await tx.notification.findMany({
    where: input.commentId
      ? { commentId: input.commentId, userId: { in: ids } }
      : input.feedbackRequestId
        ? { feedbackRequestId: input.feedbackRequestId, userId: { in: ids } }
        : { updateId: input.update.id, commentId: null, kind: "FOLLOWED_UPDATE", userId: { in: ids } },
    select: { userId: true },
  });
  const preferences = await tx.emailPreference.findMany({
    where: { userId: { in: ids } },
    select: { userId: true, kind: true, frequency: true },
  });
  const actor = await tx.user.findUnique({ where: { id: input.actorId }, select: { name: true } });
  const skip = new Set(already.map((row) => row.userId));
  const recipients = people.filter((person) => !skip.has(person.id));
  if (recipients.length === 0) return;

  const created = await tx.notification.createManyAndReturn({
    data: recipients.map((person) => ({
      userId: person.id,
      kind: wanted.get(person.id)!,
      actorId: input.actorId,
      updateId: input.update.id,
      commentId: input.commentId,
      feedbackRequestId: input.feedbackRequestId ?? null,
      createdAt: now,
    })),
    select: { id: true, userId: true, kind: true },
  });

  const frequency = new Map(preferences.map((row) => [`${row.userId}:${row.kind}`, row.frequency]));
  const byId = new Map(recipients.map((person) => [person.id, person]));
  const emailed: { id: string; emailId: string }[] = [];
  const never: string[] = [];
  const text = excerpt(input.commentBody);
  for (const notification of created) {
    const choice = frequency.get(`${notification.userId}:${notification.kind}`) ?? "WEEKLY";
    if (choice === "NEVER") never.push(notification.id);
    if (choice !== "IMMEDIATE") continue;
    const recipient = byId.get(notification.userId)!;
    const message = immediateNotificationEmail({
      recipient,
      item: {
        kind: notification.kind,
        actorName: actor?.name ?? null,
        updateId: input.update.id,
        commentId: input.commentId,
        feedbackRequestId: input.feedbackRequestId ?? null,
        excerpt: text,
        createdAt: now,
      },
      updateTitle: input.update.title,
      ownUpdate: input.update.authorId === recipient.id,
      now,
    });
    emailed.push({ id: notification.id, emailId: await queueEmail(tx, message) });
  }
  if (emailed.length) {
    await tx.$executeRaw`
      UPDATE "Notification" AS n SET "emailedAt" = ${now}, "emailId" = v.email_id
        FROM unnest(${emailed.map((row) => row.id)}::text[], ${emailed.map((row) => row.emailId)}::text[]) AS v(id, email_id)
       WHERE n.id = v.id`;
    requestDelivery();
  }
  // "Nooit": settled at once, so the digest has nothing to do for them.
  if (never.length) await tx.notification.updateMany({ where: { id: { in: never } }, data: { emailedAt: now } });
}

export async function onCommentPosted(tx: Tx, event: CommentPostedEvent): Promise<void> {
  // The commenter follows the thread from now on.
  await followTarget(tx, event.authorId, "UPDATE", event.updateId);

  const update = await tx.update.findUnique({ where: { id: event.updateId }, select: { id: true, title: true, authorId: true } });
  const comment = await tx.comment.findUnique({ where: { id: event.commentId }, select: { body: true } });
  const threadRoot = event.parentId ? await tx.comment.findUnique({ where: { id: event.parentId }, select: { authorId: true } }) : null;
  const followers = await tx.follow.findMany({ where: { targetType: "UPDATE", targetId: event.updateId }, select: { userId: true } });
  if (!update) return;

  const recipients = new Recipients(event.authorId);
  recipients.offer(update.authorId, "COMMENT_ON_UPDATE");
  for (const follower of followers) recipients.offer(follower.userId, "COMMENT_ON_UPDATE");
  if (event.parentId) {
    recipients.offer(threadRoot?.authorId, "REPLY");
    recipients.offer(event.replyToAuthorId, "REPLY");
  }
  for (const userId of event.mentionedUserIds) recipients.offer(userId, "MENTION");

  await notify(tx, { recipients, actorId: event.authorId, update, commentId: event.commentId, commentBody: comment?.body ?? null });
}

/** People mentioned in an edited comment who have not been notified about that comment yet get a MENTION. */
export async function onCommentMentionsChanged(
  tx: Tx,
  event: { commentId: string; updateId: string; authorId: string; mentionedUserIds: string[] },
): Promise<void> {
  if (event.mentionedUserIds.length === 0) return;
  const update = await tx.update.findUnique({ where: { id: event.updateId }, select: { id: true, title: true, authorId: true } });
  const comment = await tx.comment.findUnique({ where: { id: event.commentId }, select: { body: true } });
  if (!update) return;
  const recipients = new Recipients(event.authorId);
  for (const userId of event.mentionedUserIds) recipients.offer(userId, "MENTION");
  // notify() skips whoever already has a notification about this comment.
  await notify(tx, { recipients, actorId: event.authorId, update, commentId: event.commentId, commentBody: comment?.body ?? null });
}

export async function onUpdatePublished(tx: Tx, event: UpdatePublishedEvent): Promise<void> {
  // Authors follow their own updates.
  await followTarget(tx, event.authorId, "UPDATE", event.updateId);

  const update = await tx.update.findUnique({
    where: { id: event.updateId },
    select: {
      id: true,
      title: true,
      authorId: true,
      experimentId: true,
      experiment: { select: { municipalityId: true } },
      opgaven: { select: { opgaveId: true } },
      themes: { select: { themeId: true } },
    },
  });
  if (!update) return;
  const followers = await tx.follow.findMany({
    where: {
      OR: [
        { targetType: "EXPERIMENT", targetId: update.experimentId },
        { targetType: "MUNICIPALITY", targetId: update.experiment.municipalityId },
        ...(update.opgaven.length ? [{ targetType: "OPGAVE" as const, targetId: { in: update.opgaven.map((row) => row.opgaveId) } }] : []),
        ...(update.themes.length ? [{ targetType: "THEME" as const, targetId: { in: update.themes.map((row) => row.themeId) } }] : []),
      ],
    },
    select: { userId: true },
    distinct: ["userId"],
  });

  const recipients = new Recipients(event.authorId);
  for (const follower of followers) recipients.offer(follower.userId, "FOLLOWED_UPDATE");
  await notify(tx, { recipients, actorId: event.authorId, update, commentId: null, commentBody: null });
}

/** The asked peers of a new feedback request each get a FEEDBACK_REQUEST (the email quotes the question). */
export async function onFeedbackRequested(
  tx: Tx,
  event: { requestId: string; updateId: string; requesterId: string; peerIds: string[]; question: string },
): Promise<void> {
  const update = await tx.update.findUnique({ where: { id: event.updateId }, select: { id: true, title: true, authorId: true } });
  if (!update) return;
  const recipients = new Recipients(event.requesterId);
  for (const userId of event.peerIds) recipients.offer(userId, "FEEDBACK_REQUEST");
  await notify(tx, {
    recipients,
    actorId: event.requesterId,
    update,
    commentId: null,
    commentBody: event.question,
    feedbackRequestId: event.requestId,
  });
}
