import { beforeAll, describe, expect, it } from "vitest";
import { commentsToShow } from "@/components/comments/comment-section";
import { COMMENTS_MAX, getCommentsForUpdate, locateComment, threadsWithin, wholePages } from "@/lib/comments/queries";
import { COMMENTS_PER_PAGE } from "@/lib/comments/schema";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/policy/permissions";
import { createActor, createExperiment, createMunicipality, unique } from "./support/factories";

let author: Actor;
let member: Actor;
let otherMember: Actor;
let coordinator: Actor;
let experimentId: string;

beforeAll(async () => {
  const municipality = await createMunicipality();
  experimentId = (await createExperiment(municipality.id)).id;
  [author, member, otherMember, coordinator] = await Promise.all([
    createActor("PROJECT_LEADER", { municipalityId: municipality.id }),
    createActor("MEMBER"),
    createActor("MEMBER"),
    createActor("COORDINATOR"),
  ]);
});

type Reply = { hidden?: boolean; deleted?: boolean };

/**
 * An update whose threads have these replies (a number: that many visible
 * ones; or a list, some hidden by moderation or deleted), one minute apart, by
 * the other member. commentCount counts the visible ones, as the service keeps it.
 */
async function createDiscussion(threads: (number | Reply[])[]) {
  const update = await db.update.create({
    data: {
      experimentId,
      authorId: author.id,
      title: `Update ${unique()}`,
      body: "Tekst",
      phase: "UITVOERING",
      status: "PUBLISHED",
      publishedAt: new Date(),
    },
  });
  let minute = 0;
  const at = () => new Date(Date.UTC(2026, 0, 1) + (minute += 1) * 60_000);
  const roots: { id: string; replies: string[] }[] = [];
  for (const [index, spec] of threads.entries()) {
    const replies: Reply[] = typeof spec === "number" ? Array.from({ length: spec }, () => ({})) : spec;
    const root = await db.comment.create({
      data: { updateId: update.id, authorId: otherMember.id, body: `Draad ${index}`, createdAt: at() },
    });
    const made = await db.comment.createManyAndReturn({
      data: replies.map((reply, position) => ({
        updateId: update.id,
        authorId: otherMember.id,
        parentId: root.id,
        replyToId: root.id,
        body: reply.deleted ? "" : `Antwoord ${position}`,
        hiddenAt: reply.hidden ? new Date() : null,
        deletedAt: reply.deleted ? new Date() : null,
        createdAt: at(),
      })),
      select: { id: true },
    });
    roots.push({ id: root.id, replies: made.map((reply) => reply.id) });
  }
  const commentCount = await db.comment.count({ where: { updateId: update.id, deletedAt: null, hiddenAt: null } });
  await db.update.update({ where: { id: update.id }, data: { commentCount } });
  return { id: update.id, roots, commentCount };
}

const shownIds = (page: Awaited<ReturnType<typeof getCommentsForUpdate>>) => page?.threads.map((thread) => thread.id) ?? [];
const shownComments = (page: Awaited<ReturnType<typeof getCommentsForUpdate>>) =>
  (page?.threads ?? []).reduce((sum, thread) => sum + 1 + thread.replies.length, 0);

describe("which threads fit a page", () => {
  it("takes whole threads while they fit, always the first, and never skips one", () => {
    expect(threadsWithin([], 50)).toBe(0);
    expect(threadsWithin([30, 20, 1], 50)).toBe(2);
    expect(threadsWithin([10, 45, 1], 50)).toBe(1);
    expect(threadsWithin([80, 1], 50)).toBe(1);
    expect(threadsWithin([30, 20, 60, 1], 100)).toBe(2);
    expect(threadsWithin([30, 20, 60, 1], 150)).toBe(4);
  });

  it("reads ?reacties= as whole pages of comments, at least one, at most the maximum", () => {
    expect(COMMENTS_PER_PAGE).toBe(50);
    expect(commentsToShow(undefined)).toBe(50);
    expect(commentsToShow("abc")).toBe(50);
    expect(commentsToShow("-3")).toBe(50);
    expect(commentsToShow("2")).toBe(50);
    expect(commentsToShow("51")).toBe(100);
    expect(commentsToShow(["150", "400"])).toBe(150);
    expect(commentsToShow("1e9")).toBe(COMMENTS_MAX);
    expect(wholePages(0)).toBe(50);
    expect(wholePages(101)).toBe(150);
  });
});

describe("an update's comments, paged by count", () => {
  it("a page holds whole threads up to 50 comments, replies included; a big thread comes whole on a later page", async () => {
    // Sizes (first comment + replies): 30, 20, 60, 1, 10.
    const discussion = await createDiscussion([29, 19, 59, 0, 9]);
    const ids = discussion.roots.map((root) => root.id);

    const first = await getCommentsForUpdate(member, discussion.id);
    expect(shownIds(first)).toEqual(ids.slice(0, 2));
    expect(shownComments(first)).toBe(50);
    expect(first?.threads[0]?.replies.map((reply) => reply.id)).toEqual(discussion.roots[0]!.replies);
    // The count in the heading is the update's, not the page's.
    expect(first?.total).toBe(discussion.commentCount);
    expect(first?.total).toBe(121);
    // "Meer reacties laden" asks for enough to show the 60-comment thread whole.
    expect(first?.nextComments).toBe(150);

    const still = await getCommentsForUpdate(member, discussion.id, { comments: 100 });
    expect(shownIds(still)).toEqual(ids.slice(0, 2));
    expect(still?.nextComments).toBe(150);

    const all = await getCommentsForUpdate(member, discussion.id, { comments: first!.nextComments! });
    expect(shownIds(all)).toEqual(ids);
    expect(shownComments(all)).toBe(121);
    expect(all?.threads[2]?.replies).toHaveLength(59);
    expect(all?.nextComments).toBeNull();
  });

  it("a first thread bigger than a page is shown whole, alone", async () => {
    const discussion = await createDiscussion([70, 3]);
    const first = await getCommentsForUpdate(member, discussion.id);
    expect(shownIds(first)).toEqual([discussion.roots[0]!.id]);
    expect(first?.threads[0]?.replies).toHaveLength(70);
    expect(first?.nextComments).toBe(100);
    expect(await locateComment(member, discussion.id, discussion.roots[0]!.replies[69]!)).toMatchObject({ comments: 50 });
    expect(await locateComment(member, discussion.id, discussion.roots[1]!.id)).toMatchObject({ comments: 100 });
  });

  it("locates a comment's page: the same sizes as the page, for first comments and replies", async () => {
    const discussion = await createDiscussion([29, 19, 59, 0, 9]);
    const [t0, t1, t2, t3, t4] = discussion.roots;
    expect(await locateComment(member, discussion.id, t0!.id)).toEqual({ threadId: t0!.id, comments: 50 });
    expect(await locateComment(member, discussion.id, t1!.replies[18]!)).toEqual({ threadId: t1!.id, comments: 50 });
    expect(await locateComment(member, discussion.id, t2!.replies[0]!)).toEqual({ threadId: t2!.id, comments: 150 });
    expect(await locateComment(member, discussion.id, t3!.id)).toEqual({ threadId: t3!.id, comments: 150 });
    expect(await locateComment(member, discussion.id, t4!.replies[8]!)).toEqual({ threadId: t4!.id, comments: 150 });
    // Every located comment is on the page that many comments show.
    for (const [root, comment] of [
      [t2!, t2!.replies[0]!],
      [t4!, t4!.replies[8]!],
    ] as const) {
      const located = await locateComment(member, discussion.id, comment);
      const page = await getCommentsForUpdate(member, discussion.id, { comments: located!.comments });
      expect(page?.threads.find((thread) => thread.id === root.id)?.replies.map((reply) => reply.id)).toContain(comment);
    }
  });

  it("hidden and deleted replies take no place for readers who cannot see them; staff see (and count) the hidden ones", async () => {
    // Thread 1: 19 visible replies, 5 hidden by moderation, 3 deleted that nobody answered.
    const crowded: Reply[] = [
      ...Array.from({ length: 19 }, () => ({})),
      ...Array.from({ length: 5 }, () => ({ hidden: true })),
      ...Array.from({ length: 3 }, () => ({ deleted: true })),
    ];
    const discussion = await createDiscussion([29, crowded, 5]);
    const [t0, t1, t2] = discussion.roots;
    expect(discussion.commentCount).toBe(30 + 20 + 6);

    const forMember = await getCommentsForUpdate(member, discussion.id);
    expect(shownIds(forMember)).toEqual([t0!.id, t1!.id]);
    expect(forMember?.threads[1]?.replies).toHaveLength(19);
    expect(forMember?.nextComments).toBe(100);
    expect(await locateComment(member, discussion.id, t2!.id)).toMatchObject({ comments: 100 });

    // The coordinator reads the hidden replies (with a banner): thread 1 has 25 comments for them.
    const forStaff = await getCommentsForUpdate(coordinator, discussion.id);
    expect(shownIds(forStaff)).toEqual([t0!.id]);
    expect(forStaff?.nextComments).toBe(100);
    expect(await locateComment(coordinator, discussion.id, t1!.replies[20]!)).toEqual({ threadId: t1!.id, comments: 100 });
    const staffAll = await getCommentsForUpdate(coordinator, discussion.id, { comments: 100 });
    expect(staffAll?.threads[1]?.replies).toHaveLength(24);
  });

  it("a thread whose first comment is gone and has no readable replies is neither shown nor counted", async () => {
    const discussion = await createDiscussion([40, [{ hidden: true }], 9]);
    const [t0, t1, t2] = discussion.roots;
    await db.comment.update({ where: { id: t1!.id }, data: { deletedAt: new Date(), body: "" } });
    const page = await getCommentsForUpdate(member, discussion.id);
    // 41 + 10 > 50: thread 2 goes to the next page; thread 1 takes no place at all.
    expect(shownIds(page)).toEqual([t0!.id]);
    expect(await locateComment(member, discussion.id, t1!.id)).toBeNull();
    expect(await locateComment(member, discussion.id, t2!.id)).toEqual({ threadId: t2!.id, comments: 100 });
    const next = await getCommentsForUpdate(member, discussion.id, { comments: 100 });
    expect(shownIds(next)).toEqual([t0!.id, t2!.id]);
  });
});
