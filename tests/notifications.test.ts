import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { deliverQueued, listUnsubscribeHeaders } from "@/lib/email/queue";
import { isFollowing, listFollows } from "@/lib/follows/queries";
import { follow, unfollow } from "@/lib/follows/service";
import { onCommentPosted, onUpdatePublished } from "@/lib/notifications/events";
import { getEmailPreferences, saveEmailPreferences } from "@/lib/notifications/preferences";
import { listNotifications, unreadNotificationCount } from "@/lib/notifications/queries";
import { markAllNotificationsRead, markNotificationRead, openNotification } from "@/lib/notifications/service";
import { isNewComment, newCommentCounts, recordVisit } from "@/lib/notifications/visits";
import { saveUpdate, withdrawUpdate } from "@/lib/updates/service";
import { actorOf, createActor, createMunicipality, createUser } from "./support/factories";
import {
  createExperiment,
  createOpgave,
  createPublishedUpdate,
  createTheme,
  notificationsOf,
  postComment,
  setPreference,
  useOutboxForNotifications,
} from "./support/notification-fixtures";

useOutboxForNotifications();

describe("onCommentPosted: who gets what", () => {
  it("tells the update's author, never the commenter, and makes the commenter follow the thread", async () => {
    const [author, commenter] = await Promise.all([createUser(), createUser()]);
    const update = await createPublishedUpdate({ authorId: author.id });
    const comment = await postComment({ updateId: update.id, authorId: commenter.id });

    const forAuthor = await notificationsOf(author.id);
    expect(forAuthor).toHaveLength(1);
    expect(forAuthor[0]).toMatchObject({
      kind: "COMMENT_ON_UPDATE",
      actorId: commenter.id,
      updateId: update.id,
      commentId: comment.id,
      readAt: null,
    });
    expect(await notificationsOf(commenter.id)).toHaveLength(0);
    expect(await isFollowing(commenter.id, "UPDATE", update.id)).toBe(true);

    // The author commenting on their own update notifies nobody (the commenter is a follower now and hears of it).
    await postComment({ updateId: update.id, authorId: author.id });
    expect(await notificationsOf(author.id)).toHaveLength(1);
    const forCommenter = await notificationsOf(commenter.id);
    expect(forCommenter.map((n) => n.kind)).toEqual(["COMMENT_ON_UPDATE"]);
  });

  it("a reply goes to the answered comment's author and the thread starter as REPLY, to followers as COMMENT_ON_UPDATE", async () => {
    const [author, starter, answered, bystander, replier] = await Promise.all([
      createUser(),
      createUser(),
      createUser(),
      createUser(),
      createUser(),
    ]);
    const update = await createPublishedUpdate({ authorId: author.id });
    const root = await postComment({ updateId: update.id, authorId: starter.id });
    const inThread = await postComment({
      updateId: update.id,
      authorId: answered.id,
      replyTo: { id: root.id, authorId: starter.id, parentId: null },
    });
    await postComment({ updateId: update.id, authorId: bystander.id });
    const before = new Date();

    const reply = await postComment({
      updateId: update.id,
      authorId: replier.id,
      replyTo: { id: inThread.id, authorId: answered.id, parentId: root.id },
    });
    const made = await db.notification.findMany({ where: { commentId: reply.id }, select: { userId: true, kind: true } });
    const byUser = Object.fromEntries(made.map((n) => [n.userId, n.kind]));
    expect(byUser).toEqual({
      [answered.id]: "REPLY",
      [starter.id]: "REPLY",
      [author.id]: "COMMENT_ON_UPDATE",
      [bystander.id]: "COMMENT_ON_UPDATE",
    });
    expect(byUser[replier.id]).toBeUndefined();
    expect(await db.notification.count({ where: { userId: replier.id, createdAt: { gte: before } } })).toBe(0);
  });

  it("one notification per person per comment, the strongest kind winning: MENTION > REPLY > COMMENT_ON_UPDATE", async () => {
    const [author, starter, commenter, mentioned] = await Promise.all([createUser(), createUser(), createUser(), createUser()]);
    const update = await createPublishedUpdate({ authorId: author.id });
    const root = await postComment({ updateId: update.id, authorId: starter.id });
    // The update's author is also the thread starter's reply target and is mentioned; the starter is mentioned too.
    const reply = await postComment({
      updateId: update.id,
      authorId: commenter.id,
      replyTo: { id: root.id, authorId: starter.id, parentId: null },
      mentionedUserIds: [author.id, mentioned.id, commenter.id, mentioned.id],
    });
    const made = await db.notification.findMany({ where: { commentId: reply.id }, select: { userId: true, kind: true } });
    expect(made).toHaveLength(3);
    const byUser = Object.fromEntries(made.map((n) => [n.userId, n.kind]));
    expect(byUser).toEqual({ [author.id]: "MENTION", [mentioned.id]: "MENTION", [starter.id]: "REPLY" });
  });

  it("skips blocked accounts and unknown ids, and a repeated event adds nothing", async () => {
    const [author, blocked, commenter] = await Promise.all([createUser(), createUser({ blocked: true }), createUser()]);
    const update = await createPublishedUpdate({ authorId: author.id });
    const comment = await postComment({ updateId: update.id, authorId: commenter.id, mentionedUserIds: [blocked.id, "no-such-user"] });
    expect(await notificationsOf(blocked.id)).toHaveLength(0);
    await db.$transaction((tx) =>
      onCommentPosted(tx, {
        commentId: comment.id,
        updateId: update.id,
        authorId: commenter.id,
        parentId: null,
        replyToAuthorId: null,
        mentionedUserIds: [],
      }),
    );
    expect(await db.notification.count({ where: { commentId: comment.id } })).toBe(1);
  });

  it("rolls back with the comment: no notification and no email without the comment", async () => {
    const [author, commenter] = await Promise.all([createUser(), createUser()]);
    await setPreference(author.id, "COMMENT_ON_UPDATE", "IMMEDIATE");
    const update = await createPublishedUpdate({ authorId: author.id });
    await expect(
      db.$transaction(async (tx) => {
        const comment = await tx.comment.create({ data: { updateId: update.id, authorId: commenter.id, body: "Weg" } });
        await onCommentPosted(tx, {
          commentId: comment.id,
          updateId: update.id,
          authorId: commenter.id,
          parentId: null,
          replyToAuthorId: null,
          mentionedUserIds: [],
        });
        throw new Error("comment service failed after the event");
      }),
    ).rejects.toThrow("comment service failed");
    expect(await notificationsOf(author.id)).toHaveLength(0);
    expect(await db.emailMessage.count({ where: { to: author.email } })).toBe(0);
  });
});

describe("email at once (IMMEDIATE) and never", () => {
  it("queues the email in the same transaction, marks the notification, and delivers after the commit", async () => {
    const [author, commenter] = await Promise.all([createUser({ name: "Anna (demo)" }), createUser({ name: "Bert (demo)" })]);
    await setPreference(author.id, "COMMENT_ON_UPDATE", "IMMEDIATE");
    const update = await createPublishedUpdate({ authorId: author.id, title: "Bewonersavond over warmtepompen" });
    const comment = await postComment({
      updateId: update.id,
      authorId: commenter.id,
      body: "Goed idee, @[Anna (demo)](user:x) — hoe ging de **avond**?",
    });

    const [notification] = await notificationsOf(author.id);
    expect(notification?.emailedAt).toBeInstanceOf(Date);
    const email = await db.emailMessage.findUniqueOrThrow({ where: { id: notification!.emailId! } });
    expect(email).toMatchObject({ to: author.email, transport: "queued", sentAt: null, error: null });
    expect(email.subject).toBe("Koppelkans: Bert (demo) reageerde op je update ‘Bewonersavond over warmtepompen’");
    expect(email.text).toContain(`https://koppelkans.test/updates/${update.id}#reactie-${comment.id}`);
    expect(email.text).toContain("“Goed idee, @Anna (demo) — hoe ging de **avond**?”");
    expect(email.text).toMatch(/https:\/\/koppelkans\.test\/afmelden\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/);
    expect(listUnsubscribeHeaders(email.text)).toEqual({
      "List-Unsubscribe": expect.stringMatching(/^<https:\/\/koppelkans\.test\/api\/afmelden\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+>$/),
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });

    const delivered = await deliverQueued();
    expect(delivered.outbox).toBeGreaterThanOrEqual(1);
    expect((await db.emailMessage.findUniqueOrThrow({ where: { id: email.id } })).transport).toBe("outbox");
    // Nothing left to deliver: a second deliverer finds nothing of this message.
    await deliverQueued();
    expect(await db.emailMessage.count({ where: { to: author.email } })).toBe(1);
  });

  it("NEVER settles the notification without an email; the default (weekly) leaves it for the digest", async () => {
    const [never, weekly, commenter] = await Promise.all([createUser(), createUser(), createUser()]);
    await setPreference(never.id, "MENTION", "NEVER");
    const update = await createPublishedUpdate({ authorId: weekly.id });
    await postComment({ updateId: update.id, authorId: commenter.id, mentionedUserIds: [never.id] });
    const [forNever] = await notificationsOf(never.id);
    expect(forNever).toMatchObject({ kind: "MENTION", emailId: null });
    expect(forNever?.emailedAt).toBeInstanceOf(Date);
    const [forWeekly] = await notificationsOf(weekly.id);
    expect(forWeekly).toMatchObject({ emailedAt: null, emailId: null });
    expect(await db.emailMessage.count({ where: { to: { in: [never.email, weekly.email] } } })).toBe(0);
  });
});

describe("onUpdatePublished", () => {
  it("tells followers of the experiment, municipality, opgaven and themes once each, never the author", async () => {
    const municipality = await createMunicipality();
    const experiment = await createExperiment(municipality.id);
    const [opgave, otherOpgave, theme] = await Promise.all([createOpgave(), createOpgave(), createTheme()]);
    const author = await createActor("PROJECT_LEADER", { municipalityId: municipality.id });
    const [byExperiment, byMunicipality, byOpgave, byTheme, byAll, byOther, nobody] = await Promise.all(
      Array.from({ length: 7 }, () => createUser()),
    );
    await db.follow.createMany({
      data: [
        { userId: byExperiment!.id, targetType: "EXPERIMENT", targetId: experiment.id },
        { userId: byMunicipality!.id, targetType: "MUNICIPALITY", targetId: municipality.id },
        { userId: byOpgave!.id, targetType: "OPGAVE", targetId: opgave.id },
        { userId: byTheme!.id, targetType: "THEME", targetId: theme.id },
        { userId: byAll!.id, targetType: "EXPERIMENT", targetId: experiment.id },
        { userId: byAll!.id, targetType: "OPGAVE", targetId: opgave.id },
        { userId: byAll!.id, targetType: "THEME", targetId: theme.id },
        { userId: byAll!.id, targetType: "MUNICIPALITY", targetId: municipality.id },
        { userId: byOther!.id, targetType: "OPGAVE", targetId: otherOpgave.id },
        { userId: author.id, targetType: "EXPERIMENT", targetId: experiment.id },
      ],
    });

    const saved = await saveUpdate({
      actor: author,
      input: {
        experimentId: experiment.id,
        title: "Lego-sessie in de wijk",
        body: "We bouwden de toekomst van de wijk.",
        phase: "UITVOERING",
        milestone: "",
        opgaveIds: [opgave.id],
        themeIds: [theme.id],
        intent: "publish",
      },
    });
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    const made = await db.notification.findMany({ where: { updateId: saved.data.id } });
    expect(made.map((n) => n.userId).sort()).toEqual([byExperiment!.id, byMunicipality!.id, byOpgave!.id, byTheme!.id, byAll!.id].sort());
    expect(made.every((n) => n.kind === "FOLLOWED_UPDATE" && n.actorId === author.id && n.commentId === null)).toBe(true);
    expect(await notificationsOf(nobody!.id)).toHaveLength(0);
    expect(await notificationsOf(byOther!.id)).toHaveLength(0);
    expect(await isFollowing(author.id, "UPDATE", saved.data.id)).toBe(true);

    // Withdrawn and published again: nobody hears of it twice.
    expect((await withdrawUpdate({ actor: author, input: { updateId: saved.data.id } })).ok).toBe(true);
    await db.$transaction((tx) => onUpdatePublished(tx, { updateId: saved.data.id, authorId: author.id }));
    expect(await db.notification.count({ where: { updateId: saved.data.id } })).toBe(5);
  });
});

describe("reading notifications", () => {
  it("marks one or all read — only the actor's own", async () => {
    const [me, other, commenter] = await Promise.all([createUser(), createUser(), createUser()]);
    const mine = await createPublishedUpdate({ authorId: me.id });
    const theirs = await createPublishedUpdate({ authorId: other.id });
    for (let i = 0; i < 3; i++) await postComment({ updateId: mine.id, authorId: commenter.id });
    await postComment({ updateId: theirs.id, authorId: commenter.id });
    const [first, second] = await notificationsOf(me.id);
    const [othersNotification] = await notificationsOf(other.id);
    expect(await unreadNotificationCount(me.id)).toBe(3);

    expect((await markNotificationRead({ actor: actorOf(me), input: { notificationId: othersNotification!.id } })).ok).toBe(false);
    expect((await db.notification.findUniqueOrThrow({ where: { id: othersNotification!.id } })).readAt).toBeNull();
    expect(await openNotification({ actor: actorOf(me), notificationId: othersNotification!.id })).toBeNull();
    expect((await markNotificationRead({ actor: null, input: { notificationId: first!.id } })).ok).toBe(false);

    expect((await markNotificationRead({ actor: actorOf(me), input: { notificationId: first!.id } })).ok).toBe(true);
    expect(await unreadNotificationCount(me.id)).toBe(2);
    expect(await openNotification({ actor: actorOf(me), notificationId: second!.id })).toBe(
      `/updates/${mine.id}#reactie-${second!.commentId}`,
    );
    expect(await unreadNotificationCount(me.id)).toBe(1);

    const all = await markAllNotificationsRead({ actor: actorOf(me) });
    expect(all).toEqual({ ok: true, data: { count: 1 } });
    expect(await unreadNotificationCount(me.id)).toBe(0);
    expect(await unreadNotificationCount(other.id)).toBe(1);
  });

  it("lists newest first, paged, and leaves out withdrawn updates", async () => {
    const [me, commenter] = await Promise.all([createUser(), createUser({ name: "Carla (demo)" })]);
    const author = await createActor("PROJECT_LEADER");
    const update = await createPublishedUpdate({ authorId: me.id, title: "Groen in de Plutolaan" });
    for (let i = 0; i < 5; i++) await postComment({ updateId: update.id, authorId: commenter.id });
    const gone = await createPublishedUpdate({ authorId: author.id });
    await db.follow.create({ data: { userId: me.id, targetType: "UPDATE", targetId: gone.id } });
    await postComment({ updateId: gone.id, authorId: commenter.id });
    await db.update.update({ where: { id: gone.id }, data: { status: "WITHDRAWN" } });

    const page1 = await listNotifications(me.id, { perPage: 2 });
    expect(page1).toMatchObject({ total: 5, unread: 5, page: 1, pages: 3 });
    expect(page1.items[0]).toMatchObject({
      kind: "COMMENT_ON_UPDATE",
      ownUpdate: true,
      actorName: "Carla (demo)",
      updateTitle: "Groen in de Plutolaan",
      read: false,
    });
    expect(page1.items[0]!.createdAt.getTime()).toBeGreaterThanOrEqual(page1.items[1]!.createdAt.getTime());
    const page3 = await listNotifications(me.id, { perPage: 2, page: 99 });
    expect(page3.page).toBe(3);
    expect(page3.items).toHaveLength(1);
    expect(await unreadNotificationCount(me.id)).toBe(5);
  });
});

describe("follows", () => {
  it("follows and unfollows any kind of target, idempotently; unknown targets are refused", async () => {
    const me = await createActor("MEMBER");
    const municipality = await createMunicipality({ name: "Aagemeente (test)" });
    const experiment = await createExperiment(municipality.id);
    const [opgave, theme] = await Promise.all([createOpgave(), createTheme()]);
    const update = await createPublishedUpdate({ authorId: (await createUser()).id, experimentId: experiment.id });
    const targets = [
      { targetType: "EXPERIMENT", targetId: experiment.id },
      { targetType: "MUNICIPALITY", targetId: municipality.id },
      { targetType: "OPGAVE", targetId: opgave.id },
      { targetType: "THEME", targetId: theme.id },
      { targetType: "UPDATE", targetId: update.id },
    ] as const;
    for (const input of targets) {
      expect((await follow({ actor: me, input })).ok).toBe(true);
      expect((await follow({ actor: me, input })).ok).toBe(true);
    }
    expect(await db.follow.count({ where: { userId: me.id } })).toBe(5);
    const listed = await listFollows(me);
    expect(listed.MUNICIPALITY).toEqual([expect.objectContaining({ name: "Aagemeente (test)", href: `/gemeenten/${municipality.slug}` })]);
    expect(listed.UPDATE[0]?.href).toBe(`/updates/${update.id}`);

    expect(await follow({ actor: me, input: { targetType: "OPGAVE", targetId: "nope" } })).toEqual({ ok: false, error: "follow.notFound" });
    expect((await follow({ actor: me, input: { targetType: "PERSON", targetId: "x" } })).ok).toBe(false);
    expect((await follow({ actor: null, input: targets[0] })).ok).toBe(false);
    // Someone else's draft cannot be followed.
    const draft = await db.update.create({
      data: { authorId: (await createUser()).id, experimentId: experiment.id, title: "Concept", body: "", phase: "VERKENNING" },
    });
    expect((await follow({ actor: me, input: { targetType: "UPDATE", targetId: draft.id } })).ok).toBe(false);

    expect((await unfollow({ actor: me, input: targets[2] })).ok).toBe(true);
    expect((await unfollow({ actor: me, input: targets[2] })).ok).toBe(true);
    expect(await isFollowing(me.id, "OPGAVE", opgave.id)).toBe(false);
    expect(await db.follow.count({ where: { userId: me.id } })).toBe(4);
  });
});

describe("email preferences", () => {
  it("defaults to weekly and saves one choice per kind", async () => {
    const me = await createActor("MEMBER");
    expect(await getEmailPreferences(me.id)).toEqual({
      COMMENT_ON_UPDATE: "WEEKLY",
      REPLY: "WEEKLY",
      MENTION: "WEEKLY",
      FOLLOWED_UPDATE: "WEEKLY",
      FEEDBACK_REQUEST: "WEEKLY",
      APPRECIATION: "WEEKLY",
      MODERATION: "WEEKLY",
    });
    const input = {
      COMMENT_ON_UPDATE: "IMMEDIATE",
      REPLY: "DAILY",
      MENTION: "WEEKLY",
      FOLLOWED_UPDATE: "NEVER",
      FEEDBACK_REQUEST: "DAILY",
      APPRECIATION: "NEVER",
      MODERATION: "IMMEDIATE",
    };
    expect((await saveEmailPreferences({ actor: me, input })).ok).toBe(true);
    expect(await getEmailPreferences(me.id)).toEqual(input);
    const bad = await saveEmailPreferences({ actor: me, input: { ...input, REPLY: "HOURLY" } });
    expect(bad).toMatchObject({ ok: false, error: "form.invalid", fieldErrors: { REPLY: ["emailPreferences.frequencyInvalid"] } });
  });
});

describe("new since the last visit", () => {
  it("counts others' visible comments after the last visit, in one call for many updates", async () => {
    const [me, other] = await Promise.all([createUser(), createUser()]);
    const [a, b, never] = await Promise.all([1, 2, 3].map(() => createPublishedUpdate({ authorId: other.id })));
    const old = await postComment({ updateId: a!.id, authorId: other.id });
    await recordVisit(me.id, a!.id, new Date(Date.now() + 1_000));
    await recordVisit(me.id, b!.id, new Date(Date.now() + 1_000));
    await recordVisit(me.id, "no-such-update");
    const later = new Date(Date.now() + 5_000);
    const fresh = await db.comment.createManyAndReturn({
      data: [
        { updateId: a!.id, authorId: other.id, body: "nieuw 1", createdAt: later },
        { updateId: a!.id, authorId: other.id, body: "nieuw 2", createdAt: later },
        { updateId: a!.id, authorId: me.id, body: "van mij", createdAt: later },
        { updateId: a!.id, authorId: other.id, body: "weg", createdAt: later, deletedAt: later },
        { updateId: a!.id, authorId: other.id, body: "verborgen", createdAt: later, hiddenAt: later },
        { updateId: b!.id, authorId: other.id, body: "nieuw b", createdAt: later },
        { updateId: never!.id, authorId: other.id, body: "nooit bezocht", createdAt: later },
      ],
    });
    expect(await newCommentCounts(me.id, [a!.id, b!.id, never!.id])).toEqual({ [a!.id]: 2, [b!.id]: 1 });
    expect(await newCommentCounts(me.id, [])).toEqual({});

    const visit = await db.updateVisit.findUniqueOrThrow({ where: { userId_updateId: { userId: me.id, updateId: a!.id } } });
    expect(isNewComment(old, { userId: me.id, lastVisitedAt: visit.lastVisitedAt })).toBe(false);
    expect(isNewComment(fresh[0]!, { userId: me.id, lastVisitedAt: visit.lastVisitedAt })).toBe(true);
    expect(isNewComment(fresh[2]!, { userId: me.id, lastVisitedAt: visit.lastVisitedAt })).toBe(false);
    expect(isNewComment(fresh[0]!, { userId: me.id, lastVisitedAt: null })).toBe(false);

    // A visit now clears the counts; an older visit time never moves it back.
    await recordVisit(me.id, a!.id, new Date(later.getTime() + 1));
    await recordVisit(me.id, a!.id, new Date(0));
    expect(await newCommentCounts(me.id, [a!.id])).toEqual({});
  });
});
