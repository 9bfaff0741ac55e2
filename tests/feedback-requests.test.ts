import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getCommentsForUpdate } from "@/lib/comments/queries";
import { postComment } from "@/lib/comments/service";
import { db } from "@/lib/db";
import { FEEDBACK_QUESTION_MAX } from "@/lib/feedback/limits";
import { listFeedbackRequests, suggestFeedbackPeers } from "@/lib/feedback/queries";
import { requestFeedback } from "@/lib/feedback/service";
import { buildFeedbackSuggestionsSql, type FeedbackSuggestionRow } from "@/lib/feedback/suggestions-sql";
import type { UpdateStatus } from "@/lib/generated/prisma/enums";
import { runDigest } from "@/lib/notifications/digest";
import { listNotifications, unreadNotificationCount } from "@/lib/notifications/queries";
import type { Actor } from "@/lib/policy/permissions";
import { collectPersonalData } from "@/lib/privacy/export-data";
import { actorOf, createActor, createMunicipality, createUser, emailsTo, unique } from "./support/factories";
import { createExperiment, setPreference, useOutboxForNotifications } from "./support/notification-fixtures";

useOutboxForNotifications();

/** A project leader with an experiment in a municipality of their own. */
async function createLeader(name?: string) {
  const municipality = await createMunicipality();
  const user = await createUser({ role: "PROJECT_LEADER", municipalityId: municipality.id, name });
  const experiment = await createExperiment(municipality.id);
  await db.experiment.update({ where: { id: experiment.id }, data: { leaders: { connect: { id: user.id } } } });
  return { user, actor: actorOf(user), municipality, experiment };
}

async function createUpdate(input: {
  authorId: string;
  experimentId: string;
  opgaveIds?: string[];
  status?: UpdateStatus;
  hidden?: boolean;
}) {
  const status = input.status ?? "PUBLISHED";
  return db.update.create({
    data: {
      experimentId: input.experimentId,
      authorId: input.authorId,
      title: `Update ${unique()}`,
      body: "Tekst (test)",
      phase: "UITVOERING",
      status,
      publishedAt: status === "DRAFT" ? null : new Date(),
      withdrawnAt: status === "WITHDRAWN" ? new Date() : null,
      hiddenAt: input.hidden ? new Date() : null,
      opgaven: { create: (input.opgaveIds ?? []).map((opgaveId) => ({ opgaveId })) },
    },
    select: { id: true, title: true },
  });
}

function ask(actor: Actor | null, input: Record<string, unknown>) {
  return requestFeedback({ actor, input: { question: "Hoe kregen jullie de bewoners mee?", ...input } });
}

function answer(actor: Actor, input: { updateId: string; feedbackRequestId?: string; body?: string }) {
  return postComment({
    actor,
    input: { body: input.body ?? "Via de school: kinderen namen hun ouders mee.", clientKey: randomUUID(), ...input },
  });
}

const requestsOn = (updateId: string) => db.feedbackRequest.count({ where: { updateId } });
const auditOn = (updateId: string) => db.auditLog.count({ where: { targetId: updateId, action: "feedback.request" } });

let author: Awaited<ReturnType<typeof createLeader>>;
let update: { id: string; title: string };
let peer: Actor;
let member: Actor;

beforeAll(async () => {
  author = await createLeader("Fatima (test)");
  update = await createUpdate({ authorId: author.user.id, experimentId: author.experiment.id });
  peer = (await createLeader("Pieter (test)")).actor;
  member = await createActor("MEMBER", { name: "Mila (test)" });
});

describe("asking for feedback", () => {
  it("a project leader asks peers on their own listed update: a request, a notice for each, one audit row", async () => {
    const own = await createUpdate({ authorId: author.user.id, experimentId: author.experiment.id });
    await setPreference(peer.id, "FEEDBACK_REQUEST", "IMMEDIATE");
    const result = await ask(author.actor, { updateId: own.id, peerIds: [peer.id, member.id, peer.id] });
    expect(result).toMatchObject({ ok: true, data: { updateId: own.id, peers: 2 } });
    if (!result.ok) return;

    const request = await db.feedbackRequest.findUniqueOrThrow({ where: { id: result.data.id }, include: { peers: true } });
    expect(request).toMatchObject({ updateId: own.id, requesterId: author.user.id, question: "Hoe kregen jullie de bewoners mee?" });
    expect(request.peers.map((row) => row.userId).sort()).toEqual([peer.id, member.id].sort());
    expect(request.peers.every((row) => row.answeredAt === null)).toBe(true);

    const notices = await db.notification.findMany({ where: { feedbackRequestId: request.id } });
    expect(notices.map((row) => row.userId).sort()).toEqual([peer.id, member.id].sort());
    expect(notices.every((row) => row.kind === "FEEDBACK_REQUEST" && row.actorId === author.user.id && row.updateId === own.id)).toBe(true);
    expect(await unreadNotificationCount(member.id)).toBeGreaterThanOrEqual(1);
    const listed = await listNotifications(member.id);
    expect(listed.items.find((item) => item.kind === "FEEDBACK_REQUEST")?.href).toBe(`/updates/${own.id}#feedbackverzoek-${request.id}`);

    // "Direct": the email quotes the question and links to the request.
    const [email] = await emailsTo((await db.user.findUniqueOrThrow({ where: { id: peer.id } })).email);
    expect(email?.subject).toContain("Fatima (test) vraagt je om feedback op");
    expect(email?.text).toContain("Vraag: “Hoe kregen jullie de bewoners mee?”");
    expect(email?.text).toContain(`/updates/${own.id}#feedbackverzoek-${request.id}`);

    const audit = await db.auditLog.findMany({ where: { targetId: own.id, action: "feedback.request" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: author.user.id, targetType: "Update", data: { requestId: request.id, peers: 2 } });
  });

  it("the daily digest quotes the question and links to the request", async () => {
    const own = await createUpdate({ authorId: author.user.id, experimentId: author.experiment.id });
    const reader = await createUser({ name: "Dirk (test)" });
    await setPreference(reader.id, "FEEDBACK_REQUEST", "DAILY");
    const result = await ask(author.actor, { updateId: own.id, peerIds: [reader.id], question: "Wat deden jullie met de huurders?" });
    if (!result.ok) throw new Error(JSON.stringify(result));
    await runDigest({ now: new Date(Date.now() + 60_000), frequency: "DAILY" });
    const [digest] = await emailsTo(reader.email);
    expect(digest?.text).toContain(`Feedbackverzoek bij ‘${own.title}’`);
    expect(digest?.text).toContain("Fatima (test) vraagt je om feedback: “Wat deden jullie met de huurders?”");
    expect(digest?.text).toContain(`#feedbackverzoek-${result.data.id}`);
  });

  it("is refused for a member, a coordinator and an admin (no feedback:request), and for a leader who is not the author", async () => {
    const otherLeader = (await createLeader()).actor;
    for (const [actor, error] of [
      [member, "permission.denied"],
      [await createActor("COORDINATOR"), "permission.denied"],
      [await createActor("ADMIN"), "permission.denied"],
      [otherLeader, "feedback.notAuthor"],
      [null, "permission.denied"],
    ] as const) {
      expect(await ask(actor, { updateId: update.id, peerIds: [peer.id] })).toMatchObject({ ok: false, error });
    }
    expect(await requestsOn(update.id)).toBe(0);
    expect(await auditOn(update.id)).toBe(0);
    expect(await db.notification.count({ where: { updateId: update.id, kind: "FEEDBACK_REQUEST" } })).toBe(0);
  });

  it("is refused for an update that is not listed: a draft, a withdrawn or a hidden one, or an unknown id", async () => {
    for (const state of [{ status: "DRAFT" }, { status: "WITHDRAWN" }, { hidden: true }] as const) {
      const unlisted = await createUpdate({ authorId: author.user.id, experimentId: author.experiment.id, ...state });
      expect(await ask(author.actor, { updateId: unlisted.id, peerIds: [peer.id] })).toMatchObject({
        ok: false,
        error: "feedback.updateNotFound",
      });
      expect(await requestsOn(unlisted.id)).toBe(0);
      expect(await auditOn(unlisted.id)).toBe(0);
    }
    expect(await ask(author.actor, { updateId: "bestaat-niet", peerIds: [peer.id] })).toMatchObject({ error: "feedback.updateNotFound" });
  });

  it("refuses oneself, blocked, anonymised and unknown people, each with its own message on the people field", async () => {
    const blocked = await createUser({ blocked: true });
    const blockEnded = await createUser();
    await db.user.update({
      where: { id: blockEnded.id },
      data: { blockedAt: new Date(Date.now() - 86_400_000), blockedUntil: new Date() },
    });
    const gone = await createUser();
    await db.user.update({ where: { id: gone.id }, data: { anonymisedAt: new Date(), name: "Voormalig deelnemer" } });
    const cases = [
      [[author.user.id], "feedback.peerSelf"],
      [[peer.id, blocked.id], "feedback.peerBlocked"],
      [[gone.id], "feedback.peerGone"],
      [[peer.id, "onbekend-id"], "feedback.peerUnknown"],
    ] as const;
    for (const [peerIds, error] of cases) {
      expect(await ask(author.actor, { updateId: update.id, peerIds })).toEqual({ ok: false, error, fieldErrors: { peerIds: [error] } });
    }
    expect(await requestsOn(update.id)).toBe(0);
    expect(await auditOn(update.id)).toBe(0);

    // A block that has ended is no block.
    const own = await createUpdate({ authorId: author.user.id, experimentId: author.experiment.id });
    expect(await ask(author.actor, { updateId: own.id, peerIds: [blockEnded.id] })).toMatchObject({ ok: true });
  });

  it("checks the question and the number of people, keeping them as field errors", async () => {
    const six = await Promise.all(Array.from({ length: 6 }, () => createUser()));
    const cases = [
      [{ peerIds: [] }, "peerIds", "feedback.peersRequired"],
      [{ peerIds: six.map((user) => user.id) }, "peerIds", "feedback.tooManyPeers"],
      [{ peerIds: [peer.id], question: "  \r\n " }, "question", "feedback.questionRequired"],
      [{ peerIds: [peer.id], question: "x".repeat(FEEDBACK_QUESTION_MAX + 1) }, "question", "feedback.questionTooLong"],
    ] as const;
    for (const [input, field, error] of cases) {
      const result = await ask(author.actor, { updateId: update.id, ...input });
      expect(result).toMatchObject({ ok: false, error: "form.invalid", fieldErrors: { [field]: [error] } });
    }
    // CRLF counts as one character, like in the text field.
    const own = await createUpdate({ authorId: author.user.id, experimentId: author.experiment.id });
    const exact = `${"x".repeat(FEEDBACK_QUESTION_MAX - 2)}\r\ny`;
    expect(await ask(author.actor, { updateId: own.id, peerIds: [peer.id], question: exact })).toMatchObject({ ok: true });
    expect(await requestsOn(update.id)).toBe(0);
    expect(await auditOn(update.id)).toBe(0);
  });

  it("does not ask someone again on the same update while their earlier answer is still open", async () => {
    const own = await createUpdate({ authorId: author.user.id, experimentId: author.experiment.id });
    expect(await ask(author.actor, { updateId: own.id, peerIds: [peer.id] })).toMatchObject({ ok: true });
    expect(await ask(author.actor, { updateId: own.id, peerIds: [member.id, peer.id] })).toMatchObject({
      ok: false,
      error: "feedback.peerAlreadyAsked",
    });
    expect(await requestsOn(own.id)).toBe(1);
    expect(await auditOn(own.id)).toBe(1);
  });
});

describe("answering a feedback request", () => {
  it("an asked peer's comment is marked as the answer, sets answeredAt once and reads their notice", async () => {
    const own = await createUpdate({ authorId: author.user.id, experimentId: author.experiment.id });
    const asked = await ask(author.actor, { updateId: own.id, peerIds: [peer.id, member.id] });
    if (!asked.ok) throw new Error(JSON.stringify(asked));
    const requestId = asked.data.id;

    const first = await answer(peer, { updateId: own.id, feedbackRequestId: requestId });
    expect(first).toMatchObject({ ok: true });
    if (!first.ok) return;
    expect(await db.comment.findUniqueOrThrow({ where: { id: first.data.id } })).toMatchObject({ feedbackRequestId: requestId });
    const answeredAt = (await db.feedbackRequestPeer.findUniqueOrThrow({ where: { requestId_userId: { requestId, userId: peer.id } } }))
      .answeredAt;
    expect(answeredAt).toBeInstanceOf(Date);
    const notice = await db.notification.findFirstOrThrow({ where: { feedbackRequestId: requestId, userId: peer.id } });
    expect(notice.readAt).toBeInstanceOf(Date);
    // The author hears about the answer as about any comment on their update.
    expect(await db.notification.count({ where: { commentId: first.data.id, userId: author.user.id } })).toBe(1);

    let shown = (await listFeedbackRequests(author.actor, own.id))!.requests[0]!;
    expect(shown).toMatchObject({ id: requestId, answered: 1, open: true });
    expect(shown.peers.find((row) => row.userId === peer.id)).toMatchObject({ answerId: first.data.id });
    expect((await listFeedbackRequests(member, own.id))!.requests[0]!.askedMe).toBe(true);
    expect((await listFeedbackRequests(peer, own.id))!.requests[0]!.askedMe).toBe(false);
    const page = await getCommentsForUpdate(author.actor, own.id);
    expect(page?.threads.find((thread) => thread.id === first.data.id)?.feedbackRequestId).toBe(requestId);

    // A second answer by the same peer keeps the first moment.
    expect(await answer(peer, { updateId: own.id, feedbackRequestId: requestId, body: "En nog iets." })).toMatchObject({ ok: true });
    const again = await db.feedbackRequestPeer.findUniqueOrThrow({ where: { requestId_userId: { requestId, userId: peer.id } } });
    expect(again.answeredAt?.getTime()).toBe(answeredAt?.getTime());

    expect(await answer(member, { updateId: own.id, feedbackRequestId: requestId })).toMatchObject({ ok: true });
    shown = (await listFeedbackRequests(author.actor, own.id))!.requests[0]!;
    expect(shown).toMatchObject({ answered: 2, open: false });
  });

  it("someone the request did not ask cannot mark a comment as its answer, nor on another update", async () => {
    const own = await createUpdate({ authorId: author.user.id, experimentId: author.experiment.id });
    const other = await createUpdate({ authorId: author.user.id, experimentId: author.experiment.id });
    const asked = await ask(author.actor, { updateId: own.id, peerIds: [peer.id] });
    if (!asked.ok) throw new Error(JSON.stringify(asked));
    const stranger = await createActor("MEMBER");
    const before = await db.comment.count();

    expect(await answer(stranger, { updateId: own.id, feedbackRequestId: asked.data.id })).toEqual({
      ok: false,
      error: "feedback.notAsked",
    });
    expect(await answer(author.actor, { updateId: own.id, feedbackRequestId: asked.data.id })).toMatchObject({
      error: "feedback.notAsked",
    });
    expect(await answer(peer, { updateId: other.id, feedbackRequestId: asked.data.id })).toMatchObject({ error: "feedback.notAsked" });
    expect(await answer(peer, { updateId: own.id, feedbackRequestId: "x".repeat(101) })).toMatchObject({ error: "feedback.notAsked" });
    expect(await db.comment.count()).toBe(before);
    expect(await db.feedbackRequestPeer.count({ where: { requestId: asked.data.id, answeredAt: { not: null } } })).toBe(0);
  });
});

describe("suggested peers", () => {
  it("ranks people elsewhere by shared opgaven, then by their updates, then by name; listed updates only; never the asker", async () => {
    const opgaven = await Promise.all(
      [1, 2, 3].map((sortOrder) =>
        db.opgave.create({ data: { name: `Opgave ${sortOrder} ${unique()}`, slug: `opgave-${unique()}`, sortOrder } }),
      ),
    );
    const [o1, o2, o3] = opgaven.map((opgave) => opgave.id) as [string, string, string];
    const asker = await createLeader("Anna (test)");
    const target = await createUpdate({ authorId: asker.user.id, experimentId: asker.experiment.id, opgaveIds: [o1, o2, o3] });

    const twoShared = await createLeader("Bram (test)");
    await createUpdate({ authorId: twoShared.user.id, experimentId: twoShared.experiment.id, opgaveIds: [o2, o1] });
    const oneSharedTwice = await createLeader("Cas (test)");
    await createUpdate({ authorId: oneSharedTwice.user.id, experimentId: oneSharedTwice.experiment.id, opgaveIds: [o1] });
    await createUpdate({ authorId: oneSharedTwice.user.id, experimentId: oneSharedTwice.experiment.id, opgaveIds: [o1] });
    // A co-leader of Cas's experiment: suggested for the same work, ranked by name.
    const coLeader = await createUser({ role: "PROJECT_LEADER", municipalityId: oneSharedTwice.municipality.id, name: "Carla (test)" });
    await db.experiment.update({
      where: { id: oneSharedTwice.experiment.id },
      data: { leaders: { connect: [{ id: coLeader.id }, { id: asker.user.id }] } },
    });

    // Not suggested: same municipality, only unlisted updates, blocked, anonymised.
    const colleague = await createUser({ role: "PROJECT_LEADER", municipalityId: asker.municipality.id, name: "Collega (test)" });
    await createUpdate({ authorId: colleague.id, experimentId: asker.experiment.id, opgaveIds: [o1, o2, o3] });
    const unlisted = await createLeader("Daan (test)");
    await createUpdate({ authorId: unlisted.user.id, experimentId: unlisted.experiment.id, opgaveIds: [o1, o2, o3], hidden: true });
    await createUpdate({ authorId: unlisted.user.id, experimentId: unlisted.experiment.id, opgaveIds: [o1, o2, o3], status: "WITHDRAWN" });
    await createUpdate({ authorId: unlisted.user.id, experimentId: unlisted.experiment.id, opgaveIds: [o1, o2, o3], status: "DRAFT" });
    const blocked = await createLeader("Eva (test)");
    await db.user.update({ where: { id: blocked.user.id }, data: { blockedAt: new Date() } });
    await createUpdate({ authorId: blocked.user.id, experimentId: blocked.experiment.id, opgaveIds: [o1, o2, o3] });
    const gone = await createLeader("Voormalig (test)");
    await db.user.update({ where: { id: gone.user.id }, data: { anonymisedAt: new Date() } });
    await createUpdate({ authorId: gone.user.id, experimentId: gone.experiment.id, opgaveIds: [o1, o2, o3] });
    // Elsewhere, but no shared opgave.
    const unrelated = await createLeader("Floor (test)");
    await createUpdate({ authorId: unrelated.user.id, experimentId: unrelated.experiment.id });

    const names = (rows: FeedbackSuggestionRow[]) => rows.map((row) => row.name);
    const suggestions = await suggestFeedbackPeers(asker.actor, target.id);
    expect(names(suggestions)).toEqual(["Bram (test)", "Carla (test)", "Cas (test)"]);
    expect(suggestions[0]).toMatchObject({
      id: twoShared.user.id,
      municipality: twoShared.municipality.name,
      shared: 2,
      updates: 1,
      opgaven: [opgaven[0]!.name, opgaven[1]!.name],
    });
    expect(suggestions[2]).toMatchObject({ shared: 1, updates: 2, opgaven: [opgaven[0]!.name] });

    // The builder's limit, and nobody but the author gets suggestions.
    const top = await db.$queryRaw<FeedbackSuggestionRow[]>(
      buildFeedbackSuggestionsSql({ updateId: target.id, askerId: asker.user.id, limit: 1 }),
    );
    expect(names(top)).toEqual(["Bram (test)"]);
    expect(await suggestFeedbackPeers(twoShared.actor, target.id)).toEqual([]);
    expect(await suggestFeedbackPeers(await createActor("COORDINATOR"), target.id)).toEqual([]);
  });
});

describe("privacy", () => {
  it("the data export holds one's sent requests (with counts) and the requests one was asked in, without others' names", async () => {
    const own = await createUpdate({ authorId: author.user.id, experimentId: author.experiment.id });
    const reader = await createUser();
    const asked = await ask(author.actor, { updateId: own.id, peerIds: [reader.id], question: "Vraag voor de export" });
    if (!asked.ok) throw new Error(JSON.stringify(asked));
    await answer(actorOf(reader), { updateId: own.id, feedbackRequestId: asked.data.id });

    const sent = (await collectPersonalData(author.user.id)).feedbackRequests.sent.find((row) => row.id === asked.data.id);
    expect(sent).toMatchObject({ question: "Vraag voor de export", asked: 1, answered: 1, update: { id: own.id } });
    const mine = await collectPersonalData(reader.id);
    expect(mine.feedbackRequests.askedOfYou).toMatchObject([{ id: asked.data.id, update: { id: own.id } }]);
    expect(mine.feedbackRequests.askedOfYou[0]?.answeredAt).toBeInstanceOf(Date);
    expect(mine.comments[0]).toMatchObject({ feedbackRequestId: asked.data.id });
    expect(JSON.stringify(mine.feedbackRequests)).not.toContain("Fatima");
  });
});
