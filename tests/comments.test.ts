import { randomUUID } from "node:crypto";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { Markdown } from "@/components/markdown/markdown";
import { searchMembers } from "@/lib/comments/members";
import { mentionToken, parseMentions, renderMentions } from "@/lib/comments/mentions";
import { COMMENTS_MAX, getCommentsForUpdate, locateComment } from "@/lib/comments/queries";
import { COMMENTS_PER_PAGE } from "@/lib/comments/schema";
import { deleteComment, editComment, postComment } from "@/lib/comments/service";
import { db } from "@/lib/db";
import type { UpdateStatus } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/policy/permissions";
import { actorOf, createActor, createExperiment, createMunicipality, createUser, unique } from "./support/factories";

let author: Actor;
let member: Actor;
let otherMember: Actor;
let otherLeader: Actor;
let coordinator: Actor;
let admin: Actor;
let published: { id: string };
let draft: { id: string };
let withdrawn: { id: string };
let experimentId: string;

async function createUpdate(authorId: string, status: UpdateStatus) {
  return db.update.create({
    data: {
      experimentId,
      authorId,
      title: `Update ${unique()}`,
      body: "Tekst",
      phase: "UITVOERING",
      status,
      publishedAt: status === "DRAFT" ? null : new Date(),
      withdrawnAt: status === "WITHDRAWN" ? new Date() : null,
    },
    select: { id: true },
  });
}

function post(actor: Actor | null, input: Record<string, unknown> = {}) {
  return postComment({
    actor,
    input: { updateId: published.id, body: "Goed idee, dit gaan wij ook proberen.", clientKey: randomUUID(), ...input },
  });
}

async function postOk(actor: Actor, input: Record<string, unknown> = {}) {
  const result = await post(actor, input);
  if (!result.ok) throw new Error(`post failed: ${JSON.stringify(result)}`);
  return result.data;
}

async function countOf(updateId: string) {
  const [update, shown] = await Promise.all([
    db.update.findUniqueOrThrow({ where: { id: updateId }, select: { commentCount: true } }),
    db.comment.count({ where: { updateId, deletedAt: null, hiddenAt: null } }),
  ]);
  return { stored: update.commentCount, shown };
}

beforeAll(async () => {
  const municipality = await createMunicipality();
  experimentId = (await createExperiment(municipality.id)).id;
  [author, member, otherMember, otherLeader, coordinator, admin] = await Promise.all([
    createActor("PROJECT_LEADER", { municipalityId: municipality.id, name: "Anna Aanjager" }),
    createActor("MEMBER", { name: "Bram de Boer" }),
    createActor("MEMBER", { name: "Cor Cornelissen" }),
    createActor("PROJECT_LEADER", { name: "Dirk Dijkstra" }),
    createActor("COORDINATOR", { name: "Els Elzinga" }),
    createActor("ADMIN", { name: "Fenna Feenstra" }),
  ]);
  published = await createUpdate(author.id, "PUBLISHED");
  draft = await createUpdate(author.id, "DRAFT");
  withdrawn = await createUpdate(author.id, "WITHDRAWN");
});

describe("who may comment", () => {
  const roles = ["author", "member", "otherLeader", "coordinator", "admin"] as const;
  for (const role of roles) {
    it(`${role} may comment on a published update`, async () => {
      const actor = { author, member, otherLeader, coordinator, admin }[role];
      const result = await post(actor);
      expect(result).toMatchObject({ ok: true, data: { updateId: published.id, repeated: false } });
    });
  }

  for (const [label, update] of [
    ["draft", () => draft],
    ["withdrawn", () => withdrawn],
  ] as const) {
    for (const role of roles) {
      it(`${role} may not comment on a ${label} update`, async () => {
        const actor = { author, member, otherLeader, coordinator, admin }[role];
        const before = await db.comment.count();
        expect(await post(actor, { updateId: update().id })).toEqual({ ok: false, error: "comment.updateClosed" });
        expect(await db.comment.count()).toBe(before);
      });
    }
  }

  it("a visitor without an account may not comment", async () => {
    expect(await post(null)).toEqual({ ok: false, error: "permission.denied" });
  });

  it("an update that does not exist cannot get comments", async () => {
    expect(await post(member, { updateId: "no-such-update" })).toEqual({ ok: false, error: "comment.updateClosed" });
  });
});

describe("bad input", () => {
  it("refuses an empty comment, also one of only spaces", async () => {
    for (const body of ["", "   \n\t  "]) {
      expect(await post(member, { body })).toEqual({ ok: false, error: "form.invalid", fieldErrors: { body: ["comment.bodyRequired"] } });
    }
    expect(await post(member, { body: undefined })).toMatchObject({ ok: false, fieldErrors: { body: ["comment.bodyRequired"] } });
  });

  it("refuses a comment over 10,000 characters and accepts one of exactly 10,000", async () => {
    expect(await post(member, { body: "x".repeat(10_001) })).toEqual({
      ok: false,
      error: "form.invalid",
      fieldErrors: { body: ["comment.bodyTooLong"] },
    });
    expect(await post(member, { body: "x".repeat(10_000) })).toMatchObject({ ok: true });
    // Browser line breaks (CRLF) count as one character, like in the text field.
    expect(await post(member, { body: "x\r\n".repeat(3_333) + "x" })).toMatchObject({ ok: true });
  });

  it("refuses a post without a usable form key", async () => {
    expect(await post(member, { clientKey: "" })).toEqual({ ok: false, error: "comment.formExpired" });
    expect(await post(member, { clientKey: "<script>" })).toEqual({ ok: false, error: "comment.formExpired" });
  });
});

describe("threads and replies", () => {
  it("a reply to a reply joins the thread of the first comment and remembers whom it answers", async () => {
    const root = await postOk(member);
    const reply = await postOk(otherMember, { parentId: root.id, body: "Hoe lang duurde dat?" });
    const replyToReply = await postOk(author, { parentId: reply.id, body: "Een half jaar." });
    const rows = await db.comment.findMany({ where: { id: { in: [root.id, reply.id, replyToReply.id] } } });
    const byId = Object.fromEntries(rows.map((row) => [row.id, row]));
    expect(byId[root.id]).toMatchObject({ parentId: null, replyToId: null });
    expect(byId[reply.id]).toMatchObject({ parentId: root.id, replyToId: root.id });
    expect(byId[replyToReply.id]).toMatchObject({ parentId: root.id, replyToId: reply.id });
    expect(replyToReply.threadId).toBe(root.id);

    const page = await getCommentsForUpdate(member, published.id, { comments: COMMENTS_MAX });
    const thread = page?.threads.find((item) => item.id === root.id);
    expect(thread?.replies.map((item) => item.id)).toEqual([reply.id, replyToReply.id]);
    // Whom it answers is named only where it is not the thread's first comment.
    expect(thread?.replies[0]?.replyTo).toBeNull();
    expect(thread?.replies[1]?.replyTo).toEqual({ id: reply.id, authorName: "Cor Cornelissen" });
  });

  it("refuses a reply to a deleted or hidden comment, and to one on another update", async () => {
    const deleted = await postOk(member);
    expect(await deleteComment({ actor: member, input: { commentId: deleted.id } })).toMatchObject({ ok: true });
    const refusal = { ok: false, error: "comment.replyTargetGone", fieldErrors: { parentId: ["comment.replyTargetGone"] } };
    expect(await post(otherMember, { parentId: deleted.id })).toEqual(refusal);

    const hidden = await postOk(member);
    await db.comment.update({ where: { id: hidden.id }, data: { hiddenAt: new Date() } });
    expect(await post(otherMember, { parentId: hidden.id })).toEqual(refusal);

    // A reply inside a hidden thread is not open to answers either.
    const root = await postOk(member);
    const reply = await postOk(otherMember, { parentId: root.id });
    await db.comment.update({ where: { id: root.id }, data: { hiddenAt: new Date() } });
    expect(await post(author, { parentId: reply.id })).toEqual(refusal);

    const elsewhere = await createUpdate(author.id, "PUBLISHED");
    const other = await postOk(member, { updateId: elsewhere.id });
    expect(await post(otherMember, { parentId: other.id })).toEqual(refusal);
    expect(await post(otherMember, { parentId: "no-such-comment" })).toEqual(refusal);
  });
});

describe("editing and deleting", () => {
  it("only the author edits a comment: not another member, not a coordinator, not an admin", async () => {
    const comment = await postOk(member, { body: "Eerste versie" });
    for (const actor of [otherMember, author, coordinator, admin]) {
      expect(await editComment({ actor, input: { commentId: comment.id, body: "Overschreven" } })).toEqual({
        ok: false,
        error: "comment.notFound",
      });
    }
    expect(await editComment({ actor: null, input: { commentId: comment.id, body: "Overschreven" } })).toEqual({
      ok: false,
      error: "permission.denied",
    });
    expect((await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).body).toBe("Eerste versie");
  });

  it("only the author deletes a comment", async () => {
    const comment = await postOk(member);
    for (const actor of [otherMember, author, coordinator, admin]) {
      expect(await deleteComment({ actor, input: { commentId: comment.id } })).toEqual({ ok: false, error: "comment.notFound" });
    }
    expect(await deleteComment({ actor: null, input: { commentId: comment.id } })).toEqual({ ok: false, error: "permission.denied" });
    expect((await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).deletedAt).toBeNull();
  });

  it("an edit keeps the earlier text as a revision and marks the comment as edited", async () => {
    const comment = await postOk(member, { body: "Eerste versie" });
    expect(await editComment({ actor: member, input: { commentId: comment.id, body: "Tweede versie" } })).toEqual({
      ok: true,
      data: { id: comment.id, updateId: published.id },
    });
    await editComment({ actor: member, input: { commentId: comment.id, body: "Derde versie" } });
    // Saving the same text again changes nothing.
    await editComment({ actor: member, input: { commentId: comment.id, body: "Derde versie" } });
    const saved = await db.comment.findUniqueOrThrow({
      where: { id: comment.id },
      include: { revisions: { orderBy: { createdAt: "asc" } } },
    });
    expect(saved.body).toBe("Derde versie");
    expect(saved.editedAt).toBeInstanceOf(Date);
    expect(saved.revisions.map((revision) => revision.body)).toEqual(["Eerste versie", "Tweede versie"]);

    const page = await getCommentsForUpdate(member, published.id, { comments: COMMENTS_MAX });
    const shown = page?.threads.find((thread) => thread.id === comment.id);
    expect(shown).toMatchObject({ body: "Derde versie", canEdit: true, canDelete: true });
    expect(shown?.editedAt).toBeInstanceOf(Date);
    const seenByOther = (await getCommentsForUpdate(otherMember, published.id, { comments: COMMENTS_MAX }))?.threads.find(
      (thread) => thread.id === comment.id,
    );
    expect(seenByOther).toMatchObject({ canEdit: false, canDelete: false, canReply: true, canAppreciate: true });
  });

  it("an edit is checked like a new comment", async () => {
    const comment = await postOk(member);
    expect(await editComment({ actor: member, input: { commentId: comment.id, body: " " } })).toMatchObject({
      fieldErrors: { body: ["comment.bodyRequired"] },
    });
    expect(await editComment({ actor: member, input: { commentId: comment.id, body: "y".repeat(10_001) } })).toMatchObject({
      fieldErrors: { body: ["comment.bodyTooLong"] },
    });
    expect(await editComment({ actor: member, input: { commentId: comment.id, body: "Hoi @[Niemand](user:nobody)" } })).toMatchObject({
      fieldErrors: { body: ["comment.mentionUnknown"] },
    });
  });

  it("a deleted comment loses its text but keeps its replies; without replies it is not shown", async () => {
    const root = await postOk(member, { body: "Wordt verwijderd" });
    await editComment({ actor: member, input: { commentId: root.id, body: "Wordt echt verwijderd" } });
    const reply = await postOk(otherMember, { parentId: root.id });
    const lonely = await postOk(member, { body: "Ook weg" });
    for (const id of [root.id, lonely.id])
      expect(await deleteComment({ actor: member, input: { commentId: id } })).toMatchObject({ ok: true });
    // Deleting twice finds nothing the second time.
    expect(await deleteComment({ actor: member, input: { commentId: root.id } })).toEqual({ ok: false, error: "comment.notFound" });

    const saved = await db.comment.findUniqueOrThrow({ where: { id: root.id }, include: { revisions: true, replies: true } });
    expect(saved.body).toBe("");
    expect(saved.deletedAt).toBeInstanceOf(Date);
    expect(saved.revisions).toHaveLength(0);
    expect(saved.replies.map((item) => item.id)).toEqual([reply.id]);

    const page = await getCommentsForUpdate(otherMember, published.id, { comments: COMMENTS_MAX });
    const thread = page?.threads.find((item) => item.id === root.id);
    expect(thread).toMatchObject({ state: "deleted", body: "", author: null, canEdit: false, canDelete: false, canReply: false });
    expect(thread?.replies.map((item) => item.id)).toEqual([reply.id]);
    expect(page?.threads.some((item) => item.id === lonely.id)).toBe(false);
    // The reply in it can still be answered.
    expect(await post(author, { parentId: reply.id })).toMatchObject({ ok: true, data: { threadId: root.id } });
    // A deleted comment cannot be edited.
    expect(await editComment({ actor: member, input: { commentId: root.id, body: "Terug" } })).toEqual({
      ok: false,
      error: "comment.notFound",
    });
  });

  it("commentCount stays equal to the shown comments through posting, replying and deleting", async () => {
    const update = await createUpdate(author.id, "PUBLISHED");
    const a = await postOk(member, { updateId: update.id });
    const b = await postOk(otherMember, { updateId: update.id, parentId: a.id });
    await postOk(author, { updateId: update.id, parentId: b.id });
    expect(await countOf(update.id)).toEqual({ stored: 3, shown: 3 });
    await deleteComment({ actor: member, input: { commentId: a.id } });
    expect(await countOf(update.id)).toEqual({ stored: 2, shown: 2 });
    await deleteComment({ actor: member, input: { commentId: a.id } });
    expect(await countOf(update.id)).toEqual({ stored: 2, shown: 2 });
    // A refused post changes nothing.
    await post(member, { updateId: update.id, body: "" });
    await post(member, { updateId: update.id, parentId: a.id });
    expect(await countOf(update.id)).toEqual({ stored: 2, shown: 2 });
    const page = await getCommentsForUpdate(member, update.id);
    expect(page?.total).toBe(2);
  });
});

describe("posting twice", () => {
  it("the same clientKey twice gives one comment: the second call returns the first", async () => {
    const clientKey = randomUUID();
    const first = await post(member, { clientKey });
    const second = await post(member, { clientKey });
    expect(first).toMatchObject({ ok: true, data: { repeated: false } });
    expect(second).toMatchObject({ ok: true, data: { repeated: true } });
    if (!first.ok || !second.ok) return;
    expect(second.data.id).toBe(first.data.id);
    expect(await db.comment.count({ where: { authorId: member.id, clientKey } })).toBe(1);
  });

  it("two posts with the same clientKey at the same moment give one comment", async () => {
    const update = await createUpdate(author.id, "PUBLISHED");
    const clientKey = randomUUID();
    const results = await Promise.all(Array.from({ length: 5 }, () => post(otherMember, { updateId: update.id, clientKey })));
    const ids = new Set(results.map((result) => (result.ok ? result.data.id : result.error)));
    expect(ids.size).toBe(1);
    expect(results.every((result) => result.ok)).toBe(true);
    expect(await db.comment.count({ where: { updateId: update.id } })).toBe(1);
    expect(await countOf(update.id)).toEqual({ stored: 1, shown: 1 });
  });

  it("the same key from another person is another comment", async () => {
    const clientKey = randomUUID();
    const mine = await post(member, { clientKey });
    const theirs = await post(otherMember, { clientKey });
    expect(mine.ok && theirs.ok && mine.data.id !== theirs.data.id).toBe(true);
  });

  it("a key used on another update is refused instead of returning the wrong comment", async () => {
    const clientKey = randomUUID();
    await postOk(member, { clientKey });
    const other = await createUpdate(author.id, "PUBLISHED");
    expect(await post(member, { clientKey, updateId: other.id })).toEqual({ ok: false, error: "comment.formExpired" });
  });
});

describe("mentions", () => {
  it("parses the autocomplete's tokens", () => {
    const body = `Vraag aan ${mentionToken({ id: "abc123", name: "Anna [Aanjager]" })} en @[Bram](user:def456), en nog eens @[Anna](user:abc123). Geen token: @Cor of [x](user:zzz).`;
    expect(parseMentions(body)).toEqual(["abc123", "def456"]);
    expect(mentionToken({ id: "abc123", name: "Anna [Aanjager]" })).toBe("@[Anna Aanjager](user:abc123)");
  });

  it("renders a mention as the member's current name, escaped, linked to their profile", () => {
    expect(renderMentions("Hoi @[Oud](user:u1)!", { u1: "Nieuwe *Naam*" })).toBe("Hoi [**\\@Nieuwe \\*Naam\\***](/mensen/u1)!");
    expect(renderMentions("Hoi @[Oud](user:u2)")).toBe("Hoi **\\@Oud**");
  });

  it("a mention renders as a bold profile link through the sanitising Markdown, whatever the name holds", () => {
    const body = "Vraag voor @[Oud](user:u1): klopt dit?";
    const html = renderToStaticMarkup(
      createElement(Markdown, { children: renderMentions(body, { u1: 'Eve <img src=x onerror="alert(1)"> [x](javascript:alert(1))' }) }),
    );
    expect(html).toContain(
      '<a href="/mensen/u1" rel="noopener noreferrer"><strong>@Eve &lt;img src=x onerror=&quot;alert(1)&quot;&gt; [x](javascript:alert(1))</strong></a>',
    );
    expect(html).not.toMatch(/<img|href="javascript/i);
    expect(html.match(/<a /g)).toHaveLength(1);
  });

  it("tells someone newly mentioned in an edit, once", async () => {
    // Someone with no part in the discussion yet (no other notification about this comment).
    const newcomer = await createUser({ name: "Gerrit Nieuw" });
    const comment = await postOk(member, { body: "Eerste versie zonder naam" });
    const mentionsOf = () => db.notification.count({ where: { userId: newcomer.id, commentId: comment.id, kind: "MENTION" } });
    expect(await mentionsOf()).toBe(0);
    const withMention = `Tweede versie voor ${mentionToken({ id: newcomer.id, name: "Gerrit" })}`;
    expect(await editComment({ actor: member, input: { commentId: comment.id, body: withMention } })).toMatchObject({ ok: true });
    expect(await mentionsOf()).toBe(1);
    expect(await editComment({ actor: member, input: { commentId: comment.id, body: `${withMention}, nogmaals` } })).toMatchObject({
      ok: true,
    });
    expect(await mentionsOf()).toBe(1);
  });

  it("stores mentions of members and shows their names", async () => {
    const body = `Dag ${mentionToken({ id: otherMember.id, name: "Cor" })} en ${mentionToken({ id: coordinator.id, name: "Els" })}`;
    const comment = await postOk(member, { body });
    const mentions = await db.mention.findMany({ where: { commentId: comment.id } });
    expect(mentions.map((mention) => mention.userId).sort()).toEqual([otherMember.id, coordinator.id].sort());
    const page = await getCommentsForUpdate(member, published.id, { comments: COMMENTS_MAX });
    expect(page?.threads.find((thread) => thread.id === comment.id)?.mentions).toEqual({
      [otherMember.id]: "Cor Cornelissen",
      [coordinator.id]: "Els Elzinga",
    });

    // Editing replaces them.
    await editComment({ actor: member, input: { commentId: comment.id, body: `Alleen ${mentionToken({ id: admin.id, name: "Fenna" })}` } });
    expect((await db.mention.findMany({ where: { commentId: comment.id } })).map((mention) => mention.userId)).toEqual([admin.id]);
  });

  it("refuses a mention of someone who does not exist or is blocked", async () => {
    const blocked = await createUser({ blocked: true, name: "Geblokkeerd Persoon" });
    for (const body of ["Hoi @[Niemand](user:doesnotexist)", `Hoi ${mentionToken(blocked)}`]) {
      const before = await db.comment.count();
      expect(await post(member, { body })).toEqual({
        ok: false,
        error: "comment.mentionUnknown",
        fieldErrors: { body: ["comment.mentionUnknown"] },
      });
      expect(await db.comment.count()).toBe(before);
    }
  });

  it("the member search finds active members by the start or the middle of the name", async () => {
    const tag = `Zwaluw${unique()}`;
    const [a, b] = await Promise.all([createUser({ name: `${tag} Aart` }), createUser({ name: `Bep ${tag.toLowerCase()}` })]);
    await createUser({ name: `${tag} Geblokkeerd`, blocked: true });
    const found = await searchMembers(member, tag.toUpperCase());
    expect(found.map((option) => option.id)).toEqual([a.id, b.id]);
    expect(found[0]).toEqual({ id: a.id, name: `${tag} Aart`, municipality: null });
    // Wildcards are plain characters, and the asker is left out.
    expect(await searchMembers(member, "%")).toEqual([]);
    expect(await searchMembers(member, "_")).toEqual([]);
    const odd = unique();
    const percent = await createUser({ name: `Groen_100%_${odd}` });
    expect((await searchMembers(member, `_100%_${odd}`)).map((option) => option.id)).toEqual([percent.id]);
    expect(
      (await searchMembers(actorOf(await db.user.findUniqueOrThrow({ where: { id: a.id } })), tag)).map((option) => option.id),
    ).toEqual([b.id]);
    expect((await searchMembers(member, "e")).length).toBeLessThanOrEqual(8);
  });
});

describe("notifications and follows", () => {
  it("the commenter follows the update from their first comment on (onCommentPosted runs)", async () => {
    const update = await createUpdate(author.id, "PUBLISHED");
    const commenter = await createActor("MEMBER");
    const where = { userId: commenter.id, targetType: "UPDATE" as const, targetId: update.id };
    expect(await db.follow.count({ where })).toBe(0);
    await postOk(commenter, { updateId: update.id });
    expect(await db.follow.count({ where })).toBe(1);
  });

  it("no follow is made for a refused comment", async () => {
    const commenter = await createActor("MEMBER");
    await post(commenter, { updateId: draft.id });
    expect(await db.follow.count({ where: { userId: commenter.id } })).toBe(0);
  });
});

describe("reading comments", () => {
  it("threads come oldest first, whole, paged by comment count; a comment's page can be located", async () => {
    const update = await createUpdate(author.id, "PUBLISHED");
    const ids: string[] = [];
    for (let index = 0; index < 5; index += 1) ids.push((await postOk(member, { updateId: update.id, body: `Reactie ${index}` })).id);
    const reply = await postOk(otherMember, { updateId: update.id, parentId: ids[3] });

    // Six comments fit on one page: all threads, the reply with its thread.
    const page = await getCommentsForUpdate(member, update.id);
    expect(page?.threads.map((thread) => thread.id)).toEqual(ids);
    expect(page?.threads[3]?.replies.map((shown) => shown.id)).toEqual([reply.id]);
    expect(page?.nextComments).toBeNull();

    expect(await locateComment(member, update.id, reply.id)).toEqual({ threadId: ids[3], comments: COMMENTS_PER_PAGE });
    expect(await locateComment(member, update.id, "nope")).toBeNull();
  });

  it("nobody reads the comments of an update they may not see", async () => {
    expect(await getCommentsForUpdate(member, draft.id)).toBeNull();
    const own = await getCommentsForUpdate(author, draft.id);
    expect(own).toMatchObject({ canComment: false, threads: [] });
  });
});
