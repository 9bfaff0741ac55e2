import "server-only";
import { eraseComment } from "@/lib/comments/erase";
import type { Tx } from "@/lib/mutation";
import { rateLimitRowsOfEmail } from "@/lib/rate-limit";
import { ANONYMOUS_NAME, anonymousEmail, mentionNeedle, withoutMentionsOf } from "./anonymous";

/**
 * Deleting an account (AVG, "right to be forgotten") as one set of writes in
 * the caller's transaction. The User row stays, because audit rows point at
 * it and the audit log cannot change; everything that identifies the person
 * goes, their updates stay as the programme's record under the anonymous
 * name, and what only served them (follows, notifications, preferences,
 * marks, visits, reports, sessions) is deleted.
 */

export type AnonymiseCounts = Record<
  | "comments"
  | "mentionsRewritten"
  | "follows"
  | "notifications"
  | "emailPreferences"
  | "appreciations"
  | "visits"
  | "reports"
  | "sessions"
  | "emails"
  | "updatesKept"
  | "avatars",
  number
>;

/** Where the person's profile photo is stored, read before anonymisePerson deletes its row: the file goes after the commit. */
export async function avatarStorageKeyOf(tx: Tx, userId: string): Promise<string | null> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { avatar: { select: { storageKey: true } } } });
  return user?.avatar?.storageKey ?? null;
}

/** The profile photo's row goes (its file is the caller's, after the commit); answers how many went. */
async function deleteAvatar(tx: Tx, userId: string): Promise<number> {
  const { count } = await tx.upload.deleteMany({ where: { avatarOfId: userId } });
  return count;
}

/** The author's own delete (lib/comments/erase.ts) for each of their comments: rows stay so threads keep their shape. */
async function removeComments(tx: Tx, userId: string): Promise<number> {
  const comments = await tx.comment.findMany({ where: { authorId: userId, deletedAt: null }, select: { id: true } });
  let removed = 0;
  for (const comment of comments) if (await eraseComment(tx, comment.id)) removed += 1;
  return removed;
}

/** Mention tokens of the person become plain text in every comment and earlier version that holds one. */
async function rewriteMentions(tx: Tx, userId: string): Promise<number> {
  const needle = mentionNeedle(userId);
  const comments = await tx.comment.findMany({
    where: { OR: [{ mentions: { some: { userId } } }, { body: { contains: needle } }] },
    select: { id: true, body: true },
  });
  const revisions = await tx.commentRevision.findMany({ where: { body: { contains: needle } }, select: { id: true, body: true } });
  let rewritten = 0;
  // Not an edit by the author: editedAt and the revisions stay as they were.
  for (const comment of comments) {
    const body = withoutMentionsOf(comment.body, userId);
    if (body === comment.body) continue;
    await tx.comment.update({ where: { id: comment.id }, data: { body } });
    rewritten += 1;
  }
  for (const revision of revisions) {
    const body = withoutMentionsOf(revision.body, userId);
    if (body !== revision.body) await tx.commentRevision.update({ where: { id: revision.id }, data: { body } });
  }
  await tx.mention.deleteMany({ where: { userId } });
  return rewritten;
}

/** Reports the person filed go; an open one no longer counts towards its item's review threshold. */
async function deleteReports(tx: Tx, userId: string): Promise<number> {
  // One report per person per item, so each item loses exactly one.
  const open = await tx.report.findMany({ where: { reporterId: userId, status: "OPEN" }, select: { itemId: true } });
  if (open.length)
    await tx.moderationItem.updateMany({
      where: { id: { in: open.map((report) => report.itemId) } },
      data: { openReports: { decrement: 1 } },
    });
  return (await tx.report.deleteMany({ where: { reporterId: userId } })).count;
}

/** Invitations to the person's address hold it too: open ones are revoked, all lose the address. */
async function scrubInvitations(tx: Tx, userId: string, email: string): Promise<void> {
  await tx.invitation.updateMany({ where: { email, acceptedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
  await tx.invitation.updateMany({ where: { OR: [{ email }, { acceptedUserId: userId }] }, data: { email: anonymousEmail(userId) } });
}

/** Sign-in and reset counters keyed by the address go with it. */
async function deleteRateLimitRows(tx: Tx, email: string): Promise<void> {
  await tx.rateLimit.deleteMany({ where: rateLimitRowsOfEmail(email) });
}

export async function anonymisePerson(
  tx: Tx,
  user: { id: string; email: string },
  options: { removeComments: boolean },
): Promise<AnonymiseCounts> {
  const userId = user.id;
  const where = { userId };
  const comments = options.removeComments
    ? await removeComments(tx, userId)
    : await tx.comment.count({ where: { authorId: userId, deletedAt: null } });
  const mentionsRewritten = await rewriteMentions(tx, userId);
  const follows = (await tx.follow.deleteMany({ where })).count;
  const notifications = (await tx.notification.deleteMany({ where })).count;
  const emailPreferences = (await tx.emailPreference.deleteMany({ where })).count;
  const appreciations = (await tx.appreciation.deleteMany({ where })).count;
  const visits = (await tx.updateVisit.deleteMany({ where })).count;
  const reports = await deleteReports(tx, userId);
  const sessions = (await tx.session.deleteMany({ where })).count;
  await tx.account.deleteMany({ where });
  await tx.passwordResetToken.deleteMany({ where });
  await tx.moderationItem.updateMany({ where: { claimedById: userId }, data: { claimedById: null, claimedUntil: null } });
  await scrubInvitations(tx, userId, user.email);
  const emails = (await tx.emailMessage.deleteMany({ where: { to: user.email } })).count;
  await deleteRateLimitRows(tx, user.email);
  const updatesKept = await tx.update.count({ where: { authorId: userId } });
  const avatars = await deleteAvatar(tx, userId);
  // Consent to the public inspiration book ends with the account: its examples leave the book at once.
  await tx.inspirationEntry.updateMany({
    where: { update: { authorId: userId }, consent: { not: "DECLINED" } },
    data: { consent: "DECLINED", respondedAt: new Date(), publishedAt: null },
  });
  // Nobody waits for an answer that can no longer come.
  await tx.feedbackRequestPeer.deleteMany({ where: { userId, answeredAt: null } });

  const now = new Date();
  await tx.user.update({
    where: { id: userId },
    data: {
      name: ANONYMOUS_NAME,
      email: anonymousEmail(userId),
      passwordHash: null,
      feedTokenHash: null,
      municipalityId: null,
      // A former admin must not count as one (the last-admin check, the people page).
      role: "MEMBER",
      emailVerified: null,
      image: null,
      bio: "",
      // Blocked without an end: refused at sign-in and on every request even if an address or password were ever set again.
      blockedAt: now,
      blockedUntil: null,
      blockReason: null,
      sessionVersion: { increment: 1 },
      anonymisedAt: now,
      ledExperiments: { set: [] },
    },
  });
  return {
    comments,
    mentionsRewritten,
    follows,
    notifications,
    emailPreferences,
    appreciations,
    visits,
    reports,
    sessions,
    emails,
    updatesKept,
    avatars,
  };
}
