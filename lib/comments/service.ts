import "server-only";
import type { z } from "zod";
import { fail, invalid, ok, type ActionResult } from "@/lib/action-result";
import { db } from "@/lib/db";
import { mayAnswerFeedback, recordFeedbackAnswer } from "@/lib/feedback/answers";
import { Prisma } from "@/lib/generated/prisma/client";
import { mutation, type Tx } from "@/lib/mutation";
import { onCommentMentionsChanged, onCommentPosted } from "@/lib/notifications/events";
import { ownCommentsWhere } from "@/lib/policy/comments";
import { listedUpdateWhere } from "@/lib/policy/updates";
import { activeUserWhere } from "@/lib/policy/users";
import { consumeComment } from "@/lib/rate-limit";
import { eraseComment } from "./erase";
import { parseMentions } from "./mentions";
import { deleteCommentSchema, editCommentSchema, postCommentSchema } from "./schema";

/** Most people one comment may mention (each one gets a notification). */
export const MENTIONS_MAX = 20;

export type PostedComment = {
  id: string;
  updateId: string;
  /** The thread's first comment (the comment itself when it starts a thread). */
  threadId: string;
  /** True when this clientKey was posted before: nothing new was written. */
  repeated: boolean;
};

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * Zod's answer as an action result. A broken form key is not something to fix
 * in a field: it gets its own message. Missing ids mean the comment or update is gone.
 */
function refused(error: z.ZodError): ActionResult<never> {
  const fields = new Set(error.issues.map((issue) => String(issue.path[0] ?? "")));
  if (fields.has("clientKey")) return fail("comment.formExpired");
  if (fields.has("updateId") || fields.has("commentId") || fields.has("parentId")) return fail("comment.notFound");
  if (fields.has("feedbackRequestId")) return fail("feedback.notAsked");
  return invalid(error);
}

/** Checks every mentioned id is an active (not blocked) member; null when all are fine. */
async function checkMentions(tx: Tx, userIds: string[]): Promise<ActionResult<never> | null> {
  if (userIds.length === 0) return null;
  if (userIds.length > MENTIONS_MAX) return fail("comment.tooManyMentions", { body: ["comment.tooManyMentions"] });
  const found = await tx.user.count({ where: { id: { in: userIds }, ...activeUserWhere() } });
  return found === userIds.length ? null : fail("comment.mentionUnknown", { body: ["comment.mentionUnknown"] });
}

function findByClientKey(client: Tx, authorId: string, clientKey: string) {
  return client.comment.findUnique({
    where: { authorId_clientKey: { authorId, clientKey } },
    select: { id: true, updateId: true, parentId: true },
  });
}

function repeatOf(earlier: { id: string; updateId: string; parentId: string | null }, updateId: string): ActionResult<PostedComment> {
  // The same key on another update is a form bug, not a double click.
  if (earlier.updateId !== updateId) return fail("comment.formExpired");
  return ok({ id: earlier.id, updateId: earlier.updateId, threadId: earlier.parentId ?? earlier.id, repeated: true });
}

/**
 * Posts a comment, or a reply, on a published update. Every signed-in role
 * may comment. A reply to a reply joins the same thread (parentId is the
 * thread's first comment) and remembers whom it answers (replyToId).
 * A peer asked in a feedback request may mark their comment as its answer
 * (feedbackRequestId); their first answer sets the request's answeredAt.
 *
 * Idempotent per (author, clientKey): a second post with the same key — a
 * double click, a retry after a lost answer — returns the first comment.
 * When two arrive at once, the database's unique index refuses the second
 * insert and the first comment is returned.
 */
export const postComment = mutation("comment:create", {
  schema: postCommentSchema,
  refuse: refused,
  run: async ({ tx, actor, data }): Promise<ActionResult<PostedComment>> => {
    const earlier = await findByClientKey(tx, actor.id, data.clientKey);
    if (earlier) return repeatOf(earlier, data.updateId);

    const update = await tx.update.findFirst({
      where: { id: data.updateId, ...listedUpdateWhere },
      select: { id: true, commentsLockedAt: true },
    });
    if (!update) return fail("comment.updateClosed");
    if (update.commentsLockedAt) return fail("comment.threadLocked");

    let thread: { parentId: string; replyToId: string; replyToAuthorId: string } | null = null;
    if (data.parentId) {
      const target = await tx.comment.findFirst({
        where: { id: data.parentId, updateId: update.id },
        select: { id: true, authorId: true, parentId: true, deletedAt: true, hiddenAt: true, parent: { select: { hiddenAt: true } } },
      });
      // A deleted or hidden comment cannot be answered; neither can anything in a hidden thread.
      if (!target || target.deletedAt || target.hiddenAt || target.parent?.hiddenAt) {
        return fail("comment.replyTargetGone", { parentId: ["comment.replyTargetGone"] });
      }
      thread = { parentId: target.parentId ?? target.id, replyToId: target.id, replyToAuthorId: target.authorId };
    }

    // An answer to a feedback request: only from a peer that request asked, on its own update.
    const feedbackRequestId = data.feedbackRequestId ?? null;
    if (feedbackRequestId && !(await mayAnswerFeedback(tx, actor, { requestId: feedbackRequestId, updateId: update.id }))) {
      return fail("feedback.notAsked");
    }

    const mentionedUserIds = parseMentions(data.body);
    const mentionProblem = await checkMentions(tx, mentionedUserIds);
    if (mentionProblem) return mentionProblem;

    // Counted only for a comment that is about to be written (not for a repeat or a refusal above).
    if (!(await consumeComment(actor.id))) return fail("comment.tooMany");

    const comment = await tx.comment.create({
      data: {
        updateId: update.id,
        authorId: actor.id,
        parentId: thread?.parentId ?? null,
        replyToId: thread?.replyToId ?? null,
        body: data.body,
        clientKey: data.clientKey,
        feedbackRequestId,
        mentions: { create: mentionedUserIds.map((userId) => ({ userId })) },
      },
      select: { id: true },
    });
    if (feedbackRequestId) await recordFeedbackAnswer(tx, { requestId: feedbackRequestId, userId: actor.id });
    await tx.update.update({ where: { id: update.id }, data: { commentCount: { increment: 1 } } });
    await onCommentPosted(tx, {
      commentId: comment.id,
      updateId: update.id,
      authorId: actor.id,
      parentId: thread?.parentId ?? null,
      replyToAuthorId: thread?.replyToAuthorId ?? null,
      mentionedUserIds,
    });
    return ok({ id: comment.id, updateId: update.id, threadId: thread?.parentId ?? comment.id, repeated: false });
  },
  // Two posts with one key at once: the unique index refused the second, so answer with the first.
  recover: async (error, { actor, data }) => {
    if (!isUniqueViolation(error)) return null;
    const first = await findByClientKey(db, actor.id, data.clientKey);
    return first ? repeatOf(first, data.updateId) : null;
  },
});

/** What an edited or deleted comment belongs to, for refreshing its page. */
export type ChangedComment = { id: string; updateId: string };

/**
 * The author edits their own comment (nobody else may, also not a
 * coordinator: moderation hides, it does not rewrite). The earlier text is
 * kept as a revision and the comment is marked as edited.
 */
export const editComment = mutation("comment:edit-own", {
  schema: editCommentSchema,
  refuse: refused,
  run: async ({ tx, actor, data: { commentId, body } }): Promise<ActionResult<ChangedComment>> => {
    const own = { id: commentId, ...ownCommentsWhere(actor) };
    const existing = await tx.comment.findFirst({ where: own, select: { id: true, body: true, updateId: true } });
    if (!existing) return fail("comment.notFound");
    if (existing.body === body) return ok({ id: existing.id, updateId: existing.updateId });

    const mentionedUserIds = parseMentions(body);
    const mentionProblem = await checkMentions(tx, mentionedUserIds);
    if (mentionProblem) return mentionProblem;

    // Written only if nobody changed it in between (same old text): otherwise nothing is written.
    const { count } = await tx.comment.updateMany({ where: { ...own, body: existing.body }, data: { body, editedAt: new Date() } });
    if (count === 0) return fail("comment.notFound");
    await tx.commentRevision.create({ data: { commentId: existing.id, body: existing.body } });
    await tx.mention.deleteMany({ where: { commentId: existing.id, userId: { notIn: mentionedUserIds } } });
    if (mentionedUserIds.length) {
      await tx.mention.createMany({ data: mentionedUserIds.map((userId) => ({ commentId: existing.id, userId })), skipDuplicates: true });
    }
    // Someone newly mentioned by the edit is told, once.
    await onCommentMentionsChanged(tx, { commentId: existing.id, updateId: existing.updateId, authorId: actor.id, mentionedUserIds });
    return ok({ id: existing.id, updateId: existing.updateId });
  },
});

/**
 * The author deletes their own comment. The row stays, so replies keep their
 * thread ("verwijderd" shows where it had replies); the text, its earlier
 * versions, its mentions and its appreciations go.
 */
export const deleteComment = mutation("comment:delete-own", {
  schema: deleteCommentSchema,
  refuse: refused,
  run: async ({ tx, actor, data: { commentId } }): Promise<ActionResult<ChangedComment>> => {
    const erased = await eraseComment(tx, commentId, { authorId: actor.id });
    return erased ? ok(erased) : fail("comment.notFound");
  },
});
