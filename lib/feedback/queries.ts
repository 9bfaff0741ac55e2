import "server-only";
import { db } from "@/lib/db";
import { shownCommentWhere } from "@/lib/policy/comments";
import { can, type Actor } from "@/lib/policy/permissions";
import { listedUpdateWhere } from "@/lib/policy/updates";
import { FEEDBACK_SUGGESTIONS_MAX } from "./limits";
import { buildFeedbackSuggestionsSql, type FeedbackSuggestionRow } from "./suggestions-sql";

export type FeedbackPeerView = {
  userId: string;
  name: string;
  municipality: string | null;
  answeredAt: Date | null;
  /** Their first answer that is still shown, for a link to it. */
  answerId: string | null;
};

export type FeedbackRequestView = {
  id: string;
  question: string;
  createdAt: Date;
  requester: { id: string; name: string };
  peers: FeedbackPeerView[];
  /** How many of the asked peers answered. */
  answered: number;
  /** Open until every asked peer answered. */
  open: boolean;
  /** The reader is one of the asked peers and has not answered yet. */
  askedMe: boolean;
};

export type FeedbackRequestsOnUpdate = {
  requests: FeedbackRequestView[];
  /** A coordinator closed the discussion: nobody can answer now. */
  locked: boolean;
};

/**
 * The feedback requests on a listed update, newest first, with their asked
 * peers (by name) and who answered. Null when the update is not listed.
 * Three queries however many requests there are.
 */
export async function listFeedbackRequests(actor: Actor, updateId: string): Promise<FeedbackRequestsOnUpdate | null> {
  const update = await db.update.findFirst({ where: { id: updateId, ...listedUpdateWhere }, select: { commentsLockedAt: true } });
  if (!update || !can(actor, "portal:read")) return null;
  const rows = await db.feedbackRequest.findMany({
    where: { updateId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      question: true,
      createdAt: true,
      requester: { select: { id: true, name: true } },
      peers: {
        orderBy: { user: { name: "asc" } },
        select: { userId: true, answeredAt: true, user: { select: { name: true, municipality: { select: { name: true } } } } },
      },
    },
  });
  const answers = rows.length
    ? await db.comment.findMany({
        where: { updateId, feedbackRequestId: { in: rows.map((row) => row.id) }, ...shownCommentWhere },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, authorId: true, feedbackRequestId: true },
      })
    : [];
  const firstAnswer = new Map<string, string>();
  for (const answer of answers) {
    const key = `${answer.feedbackRequestId}:${answer.authorId}`;
    if (!firstAnswer.has(key)) firstAnswer.set(key, answer.id);
  }

  const requests = rows.map((row): FeedbackRequestView => {
    const peers = row.peers.map((peer) => ({
      userId: peer.userId,
      name: peer.user.name,
      municipality: peer.user.municipality?.name ?? null,
      answeredAt: peer.answeredAt,
      answerId: firstAnswer.get(`${row.id}:${peer.userId}`) ?? null,
    }));
    const answered = peers.filter((peer) => peer.answeredAt).length;
    return {
      id: row.id,
      question: row.question,
      createdAt: row.createdAt,
      requester: row.requester,
      peers,
      answered,
      open: answered < peers.length,
      askedMe: peers.some((peer) => peer.userId === actor.id && !peer.answeredAt),
    };
  });
  return { requests, locked: update.commentsLockedAt !== null };
}

export type FeedbackSuggestion = FeedbackSuggestionRow;

/** Peers to suggest on the request form of one's own update (see suggestions-sql.ts); empty for anyone else. */
export async function suggestFeedbackPeers(actor: Actor, updateId: string): Promise<FeedbackSuggestion[]> {
  if (!can(actor, "feedback:request")) return [];
  const own = await db.update.count({ where: { id: updateId, authorId: actor.id, ...listedUpdateWhere } });
  if (own === 0) return [];
  return db.$queryRaw<FeedbackSuggestionRow[]>(
    buildFeedbackSuggestionsSql({ updateId, askerId: actor.id, limit: FEEDBACK_SUGGESTIONS_MAX }),
  );
}
