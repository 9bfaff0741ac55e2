import "server-only";
import type { z } from "zod";
import { fail, invalid, ok, type ActionResult } from "@/lib/action-result";
import { mutation } from "@/lib/mutation";
import { onFeedbackRequested } from "@/lib/notifications/events";
import { listedUpdateWhere } from "@/lib/policy/updates";
import { isBlockedNow } from "@/lib/policy/users";
import { requestFeedbackSchema } from "./schema";

export type RequestedFeedback = { id: string; updateId: string; peers: number };

/** Zod's answer as an action result; a broken update id means the update is gone. */
function refused(error: z.ZodError): ActionResult<never> {
  if (error.issues.some((issue) => issue.path[0] === "updateId")) return fail("feedback.updateNotFound");
  return invalid(error);
}

/** One refusal for the people field: the form shows it there and keeps what was typed. */
const peerProblem = (key: string) => fail(key, { peerIds: [key] });

/**
 * A project leader asks 1–5 named peers for feedback on their own listed
 * update, with a question. Refused for anyone else's update, for oneself, and
 * for people who cannot answer (unknown, blocked or anonymised accounts), or
 * who were asked on this update before and have not answered yet. Each asked
 * peer gets a FEEDBACK_REQUEST notification (and email, as they chose) in
 * the same transaction.
 */
export const requestFeedback = mutation("feedback:request", {
  schema: requestFeedbackSchema,
  refuse: refused,
  run: async ({ tx, actor, data }): Promise<ActionResult<RequestedFeedback>> => {
    const update = await tx.update.findFirst({ where: { id: data.updateId, ...listedUpdateWhere }, select: { id: true, authorId: true } });
    if (!update) return fail("feedback.updateNotFound");
    if (update.authorId !== actor.id) return fail("feedback.notAuthor");
    if (data.peerIds.includes(actor.id)) return peerProblem("feedback.peerSelf");

    const now = new Date();
    const people = await tx.user.findMany({
      where: { id: { in: data.peerIds } },
      select: { id: true, blockedAt: true, blockedUntil: true, anonymisedAt: true },
    });
    if (people.length < data.peerIds.length) return peerProblem("feedback.peerUnknown");
    if (people.some((person) => person.anonymisedAt)) return peerProblem("feedback.peerGone");
    if (people.some((person) => isBlockedNow(person, now))) return peerProblem("feedback.peerBlocked");
    const stillOpen = await tx.feedbackRequestPeer.count({
      where: { userId: { in: data.peerIds }, answeredAt: null, request: { updateId: update.id } },
    });
    if (stillOpen > 0) return peerProblem("feedback.peerAlreadyAsked");

    const request = await tx.feedbackRequest.create({
      data: {
        updateId: update.id,
        requesterId: actor.id,
        question: data.question,
        createdAt: now,
        peers: { create: data.peerIds.map((userId) => ({ userId })) },
      },
      select: { id: true },
    });
    await onFeedbackRequested(tx, {
      requestId: request.id,
      updateId: update.id,
      requesterId: actor.id,
      peerIds: data.peerIds,
      question: data.question,
    });
    return ok({ id: request.id, updateId: update.id, peers: data.peerIds.length });
  },
  audit: ({ result }) => ({
    type: "feedback.request",
    targetId: result.updateId,
    data: { requestId: result.id, peers: result.peers },
  }),
});
