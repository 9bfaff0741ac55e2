import "server-only";
import type { Tx } from "@/lib/mutation";
import { can, type Actor } from "@/lib/policy/permissions";

/**
 * Answers to feedback requests, for the comment service (lib/comments/service.ts):
 * a comment marked as an answer is an ordinary comment with feedbackRequestId set,
 * allowed only for a person the request asked, on the request's own update.
 */

/** May the actor mark a comment on `updateId` as their answer to `requestId`? */
export async function mayAnswerFeedback(tx: Tx, actor: Actor, input: { requestId: string; updateId: string }): Promise<boolean> {
  if (!can(actor, "feedback:answer")) return false;
  const asked = await tx.feedbackRequestPeer.findFirst({
    where: { requestId: input.requestId, userId: actor.id, request: { updateId: input.updateId } },
    select: { requestId: true },
  });
  return asked !== null;
}

/**
 * Records an answer in the comment's transaction: the peer's first answer
 * sets answeredAt (later ones leave it), and their notice about the request
 * counts as read, since they acted on it.
 */
export async function recordFeedbackAnswer(tx: Tx, input: { requestId: string; userId: string; now?: Date }): Promise<void> {
  const now = input.now ?? new Date();
  await tx.feedbackRequestPeer.updateMany({
    where: { requestId: input.requestId, userId: input.userId, answeredAt: null },
    data: { answeredAt: now },
  });
  await tx.notification.updateMany({
    where: { feedbackRequestId: input.requestId, userId: input.userId, kind: "FEEDBACK_REQUEST", readAt: null },
    data: { readAt: now },
  });
}
