import { describe, expect, it } from "vitest";
import { toggleAppreciation } from "@/lib/appreciation/service";
import { db } from "@/lib/db";
import { runDigest } from "@/lib/notifications/digest";
import { immediateNotificationEmail } from "@/lib/notifications/email";
import { listNotifications, unreadNotificationCount } from "@/lib/notifications/queries";
import { markNotificationRead } from "@/lib/notifications/service";
import type { Actor } from "@/lib/policy/permissions";
import { actorOf, createActor, createUser, emailsTo } from "./support/factories";
import { createPublishedUpdate, postComment, setPreference, useOutboxForNotifications } from "./support/notification-fixtures";

useOutboxForNotifications();

const DAY = 24 * 60 * 60 * 1000;

async function world() {
  const author = await createUser({ role: "PROJECT_LEADER", name: "Anna Aanjager (test)" });
  const update = await createPublishedUpdate({ authorId: author.id, title: "Bewonersavond (test)" });
  const peers = await Promise.all(
    ["Fatima El Idrissi (test)", "Bram de Boer (test)", "Cor Cornelissen (test)"].map((name) => createActor("MEMBER", { name })),
  );
  return { author, authorActor: actorOf(author), update, peers };
}

async function mark(actor: Actor | null, updateId: string, appreciated = true) {
  return toggleAppreciation({ actor, input: { updateId, appreciated } });
}

function appreciationsOf(userId: string) {
  return db.notification.findMany({ where: { userId, kind: "APPRECIATION" }, orderBy: { createdAt: "asc" } });
}

describe("nuttig notifies the update's author", () => {
  it("groups every mark into one unread notification per update, named after the newest", async () => {
    const { author, update, peers } = await world();
    const [fatima, bram, cor] = peers as [Actor, Actor, Actor];
    expect((await mark(fatima, update.id)).ok).toBe(true);
    const [first] = (await listNotifications(author.id)).items;
    expect(first).toMatchObject({ kind: "APPRECIATION", appreciationCount: 1, actorName: "Fatima El Idrissi (test)", read: false });

    await mark(bram, update.id);
    await mark(cor, update.id);
    const rows = await appreciationsOf(author.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.actorId).toBe(cor.id);
    const list = await listNotifications(author.id);
    expect(list.items.filter((item) => item.kind === "APPRECIATION")).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ appreciationCount: 3, actorName: "Cor Cornelissen (test)" });
    expect(await unreadNotificationCount(author.id)).toBe(1);
  });

  it("keeps one unread row when several people mark the update at the same moment", async () => {
    const { author, update, peers } = await world();
    const results = await Promise.all(peers.map((peer) => mark(peer, update.id)));
    expect(results.every((result) => result.ok)).toBe(true);
    expect(await appreciationsOf(author.id)).toHaveLength(1);
    expect((await listNotifications(author.id)).items[0]).toMatchObject({ appreciationCount: 3 });
  });

  it("starts a new group once the author has read the last one, counting only the new marks", async () => {
    const { author, authorActor, update, peers } = await world();
    const [fatima, bram, cor] = peers as [Actor, Actor, Actor];
    await mark(fatima, update.id);
    await mark(bram, update.id);
    const [read] = await appreciationsOf(author.id);
    expect((await markNotificationRead({ actor: authorActor, input: { notificationId: read!.id } })).ok).toBe(true);
    await mark(cor, update.id);
    const rows = await appreciationsOf(author.id);
    expect(rows).toHaveLength(2);
    const list = await listNotifications(author.id);
    expect(list.items.map((item) => [item.appreciationCount, item.read])).toEqual([
      [1, false],
      [2, true],
    ]);
    expect(list.items[0]!.actorName).toBe("Cor Cornelissen (test)");
  });

  it("does not notify for a withdrawn mark, and an unread group left without marks goes", async () => {
    const { author, update, peers } = await world();
    const [fatima, bram] = peers as [Actor, Actor];
    await mark(fatima, update.id);
    await mark(bram, update.id);
    await mark(bram, update.id, false);
    let [row] = await appreciationsOf(author.id);
    expect(row!.actorId).toBe(fatima.id);
    expect((await listNotifications(author.id)).items[0]).toMatchObject({ appreciationCount: 1, actorName: "Fatima El Idrissi (test)" });
    await mark(fatima, update.id, false);
    expect(await appreciationsOf(author.id)).toHaveLength(0);
    expect(await unreadNotificationCount(author.id)).toBe(0);
    // Asking for "not appreciated" again changes nothing and tells nobody.
    await mark(fatima, update.id, false);
    [row] = await appreciationsOf(author.id);
    expect(row).toBeUndefined();
  });

  it("never notifies for one's own update, a visitor or a mark on a comment; a refusal writes nothing", async () => {
    const { author, authorActor, update, peers } = await world();
    const audits = await db.auditLog.count();
    expect(await mark(authorActor, update.id)).toMatchObject({ ok: false, error: "comment.appreciateOwn" });
    expect((await mark(null, update.id)).ok).toBe(false);
    const comment = await postComment({ updateId: update.id, authorId: author.id });
    expect((await toggleAppreciation({ actor: peers[0]!, input: { commentId: comment.id, appreciated: true } })).ok).toBe(true);
    expect(await appreciationsOf(author.id)).toHaveLength(0);
    expect(await db.appreciation.count({ where: { updateId: update.id } })).toBe(0);
    expect(await db.auditLog.count()).toBe(audits);
  });

  it("does not notify a blocked author", async () => {
    const author = await createUser({ role: "PROJECT_LEADER", blocked: true });
    const update = await createPublishedUpdate({ authorId: author.id });
    await mark(await createActor("MEMBER"), update.id);
    expect(await appreciationsOf(author.id)).toHaveLength(0);
  });
});

describe("email about nuttig", () => {
  it("sends one immediate email per group under 'Direct', in the author's language", async () => {
    const { author, update, peers } = await world();
    await setPreference(author.id, "APPRECIATION", "IMMEDIATE");
    await mark(peers[0]!, update.id);
    await mark(peers[1]!, update.id);
    const emails = await emailsTo(author.email);
    expect(emails.map((email) => email.subject)).toEqual([
      "Koppelkans: Fatima El Idrissi (test) vond je update ‘Bewonersavond (test)’ nuttig",
    ]);
    expect(emails[0]!.text).toContain(`https://koppelkans.test/updates/${update.id}`);
    expect(emails[0]!.text).toContain("Geen e-mail meer over mensen die je update nuttig vinden?");
    const [row] = await appreciationsOf(author.id);
    expect(row!.emailedAt).not.toBeNull();

    const english = immediateNotificationEmail({
      recipient: { id: author.id, email: author.email, name: "Anna", locale: "en" },
      item: {
        kind: "APPRECIATION",
        actorName: "Fatima",
        appreciationCount: 3,
        updateId: "u1",
        commentId: null,
        excerpt: null,
        createdAt: new Date(),
      },
      updateTitle: "Residents' evening",
      ownUpdate: true,
    });
    expect(english.subject).toBe("Koppelkans: 3 people found your update ‘Residents' evening’ useful");
  });

  it("puts the grouped count in the weekly digest by default", async () => {
    const { author, update, peers } = await world();
    for (const peer of peers) await mark(peer, update.id);
    await runDigest({ now: new Date(Date.now() + 400 * DAY), deliver: false });
    const [digest] = await emailsTo(author.email);
    expect(digest!.subject).toBe("Weekoverzicht Koppelkans: 1 melding");
    expect(digest!.text).toContain("Je update ‘Bewonersavond (test)’ is nuttig gevonden");
    expect(digest!.text).toContain("- 3 mensen vonden je update nuttig");
  });

  it("sends nothing under 'Nooit'", async () => {
    const { author, update, peers } = await world();
    await setPreference(author.id, "APPRECIATION", "NEVER");
    await mark(peers[0]!, update.id);
    await runDigest({ now: new Date(Date.now() + 800 * DAY), deliver: false });
    expect(await emailsTo(author.email)).toHaveLength(0);
    expect((await appreciationsOf(author.id))[0]!.emailedAt).not.toBeNull();
  });
});

describe("comment excerpts in the notification list", () => {
  it("quotes a shown comment as plain text, and shows no text once it is hidden", async () => {
    const { author, update, peers } = await world();
    const comment = await postComment({ updateId: update.id, authorId: peers[0]!.id, body: "Wat **goed** dat @[Anna](user:x) dit deed!" });
    expect((await listNotifications(author.id)).items[0]).toMatchObject({
      kind: "COMMENT_ON_UPDATE",
      commentExcerpt: "Wat goed dat @Anna dit deed!",
    });
    await db.comment.update({ where: { id: comment.id }, data: { hiddenAt: new Date() } });
    const after = (await listNotifications(author.id)).items.find((item) => item.kind === "COMMENT_ON_UPDATE");
    expect(after?.commentExcerpt ?? null).toBeNull();
  });
});
