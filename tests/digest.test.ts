import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { runDigest } from "@/lib/notifications/digest";
import { digestEmail } from "@/lib/notifications/email";
import { createUser, passwordHashFor, unique } from "./support/factories";
import {
  createPublishedUpdate,
  notificationsOf,
  postComment,
  setAllPreferences,
  setPreference,
  useOutboxForNotifications,
} from "./support/notification-fixtures";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
/** Each test moves the clock on, so earlier digests in this file never count as "recent". */
let clock = Date.now() + DAY;
function later(ms = 30 * DAY) {
  clock += ms;
  return new Date(clock);
}

useOutboxForNotifications();

describe("digest text", () => {
  it("groups per update, counts per kind and caps each group at three lines with 'en nog N meer'", () => {
    const at = (minutes: number) => new Date(Date.UTC(2030, 0, 1, 8, minutes));
    const comment = (n: number, kind: NotificationKind = "COMMENT_ON_UPDATE") => ({
      kind,
      actorName: `Persoon ${n} (demo)`,
      updateId: "upd-a",
      commentId: `c${n}`,
      excerpt: `tekst ${n}`,
      createdAt: at(n),
    });
    const message = digestEmail({
      recipient: { id: "u1", email: "anna@example.nl", name: "Anna (demo)", locale: "nl" },
      frequency: "DAILY",
      now: at(59),
      groups: [
        { updateId: "upd-a", updateTitle: "Bewonersavond", items: [1, 2, 3, 4, 5].map((n) => comment(n)) },
        {
          updateId: "upd-b",
          updateTitle: "Plutolaan",
          items: [
            { ...comment(40, "REPLY"), updateId: "upd-b" },
            { ...comment(41, "MENTION"), updateId: "upd-b" },
          ],
        },
      ],
    });
    expect(message.subject).toBe("Dagoverzicht Koppelkans: 7 meldingen");
    const text = message.text;
    expect(text).toContain("Dit is je dagelijkse overzicht van Koppelkans: 7 meldingen bij 2 updates.");
    expect(text).toContain("5 nieuwe reacties op ‘Bewonersavond’");
    expect(text).toContain("2 meldingen bij ‘Plutolaan’: 1 keer genoemd, 1 antwoord op je reactie");
    // Newest first, three lines, then the rest counted.
    expect(text).toContain("- Persoon 5 (demo) reageerde: “tekst 5”\n  https://koppelkans.test/updates/upd-a#reactie-c5");
    expect(text).toContain("- Persoon 3 (demo) reageerde");
    expect(text).not.toContain("Persoon 2 (demo)");
    expect(text).toContain("- en nog 2 meer: https://koppelkans.test/updates/upd-a#reacties");
    expect(text.match(/en nog/g)).toHaveLength(1);
    // The update with the newest notification comes first.
    expect(text.indexOf("Plutolaan")).toBeLessThan(text.indexOf("Bewonersavond"));
    expect(text).toMatch(/Meld je met één klik af:\nhttps:\/\/koppelkans\.test\/afmelden\/[\w-]+\.[\w-]+$/);

    const english = digestEmail({
      recipient: { id: "u1", email: "anna@example.nl", name: "Anna", locale: "en" },
      frequency: "WEEKLY",
      groups: [{ updateId: "upd-a", updateTitle: "Residents' evening", items: [1, 2, 3, 4].map((n) => comment(n)) }],
    });
    expect(english.subject).toBe("Koppelkans weekly digest: 4 notifications");
    expect(english.text).toContain("4 new comments on ‘Residents' evening’");
    expect(english.text).toContain("and 1 more");
  });
});

describe("runDigest", () => {
  it("sends one digest per person and frequency, grouped, and marks every notification with its email", async () => {
    const [reader, commenter] = await Promise.all([createUser({ name: "Anna (demo)" }), createUser({ name: "Bert (demo)" })]);
    await setPreference(reader.id, "COMMENT_ON_UPDATE", "DAILY");
    await setPreference(reader.id, "REPLY", "DAILY");
    const a = await createPublishedUpdate({ authorId: reader.id, title: "Warmtenet Crabbehof" });
    const b = await createPublishedUpdate({ authorId: commenter.id, title: "Cromvlietpark" });
    for (let i = 0; i < 5; i++) await postComment({ updateId: a.id, authorId: commenter.id, body: `Vraag ${i}` });
    const root = await postComment({ updateId: b.id, authorId: reader.id });
    await postComment({ updateId: b.id, authorId: commenter.id, replyTo: { id: root.id, authorId: reader.id, parentId: null } });

    const now = later();
    const result = await runDigest({ now });
    const notifications = await notificationsOf(reader.id);
    expect(notifications).toHaveLength(6);
    const emailIds = new Set(notifications.map((n) => n.emailId));
    expect(emailIds.size).toBe(1);
    expect(notifications.every((n) => n.emailedAt?.getTime() === now.getTime())).toBe(true);
    const [email] = await db.emailMessage.findMany({ where: { to: reader.email } });
    expect(email?.id).toBe([...emailIds][0]);
    expect(email).toMatchObject({ subject: "Dagoverzicht Koppelkans: 6 meldingen", transport: "outbox" });
    expect(email?.text).toContain("5 nieuwe reacties op ‘Warmtenet Crabbehof’");
    expect(email?.text).toContain("en nog 2 meer");
    expect(email?.text).toContain("1 antwoord op je reactie bij ‘Cromvlietpark’");
    expect(result.emails).toBeGreaterThanOrEqual(1);

    // Nothing new: the next run sends nothing to this person.
    await runDigest({ now: new Date(now.getTime() + DAY) });
    expect(await db.emailMessage.count({ where: { to: reader.email } })).toBe(1);
  });

  it("sends at most one daily digest per day and one weekly digest per week", async () => {
    const [reader, commenter] = await Promise.all([createUser(), createUser()]);
    await setPreference(reader.id, "COMMENT_ON_UPDATE", "DAILY");
    const daily = await createPublishedUpdate({ authorId: reader.id });
    const weeklyKind = await createPublishedUpdate({ authorId: commenter.id });

    await postComment({ updateId: daily.id, authorId: commenter.id });
    await postComment({ updateId: weeklyKind.id, authorId: commenter.id, mentionedUserIds: [reader.id] });
    const first = later();
    await runDigest({ now: first });
    const subjects = async () =>
      (await db.emailMessage.findMany({ where: { to: reader.email }, orderBy: { createdAt: "asc" } })).map((e) => e.subject);
    expect((await subjects()).sort()).toEqual(["Dagoverzicht Koppelkans: 1 melding", "Weekoverzicht Koppelkans: 1 melding"]);

    await postComment({ updateId: daily.id, authorId: commenter.id });
    await postComment({ updateId: weeklyKind.id, authorId: commenter.id, mentionedUserIds: [reader.id] });
    // Fifteen minutes later (the scheduler's interval): nothing is due.
    await runDigest({ now: new Date(first.getTime() + 15 * 60 * 1000) });
    expect(await subjects()).toHaveLength(2);
    // A day later (give or take the hour of slack): the daily one only.
    await runDigest({ now: new Date(first.getTime() + DAY - 30 * 60 * 1000) });
    expect(await subjects()).toHaveLength(3);
    expect((await subjects())[2]).toMatch(/^Dagoverzicht/);
    // A week later: the weekly one.
    await runDigest({ now: new Date(first.getTime() + 7 * DAY) });
    expect((await subjects())[3]).toMatch(/^Weekoverzicht/);
    expect(await db.notification.count({ where: { userId: reader.id, emailedAt: null } })).toBe(0);
    clock = first.getTime() + 8 * DAY;
  });

  it("settles NEVER, read and withdrawn notifications without email; `frequency` picks the digest", async () => {
    const [never, reader, weekly, commenter] = await Promise.all([createUser(), createUser(), createUser(), createUser()]);
    const update = await createPublishedUpdate({ authorId: never.id });
    const withdrawn = await createPublishedUpdate({ authorId: reader.id });
    await db.follow.createMany({
      data: [reader, weekly].map((user) => ({ userId: user.id, targetType: "UPDATE" as const, targetId: update.id })),
    });
    await postComment({ updateId: update.id, authorId: commenter.id });
    await postComment({ updateId: withdrawn.id, authorId: commenter.id });
    // Changed to NEVER after the notification was made.
    await setAllPreferences(never.id, "NEVER");
    await setAllPreferences(reader.id, "DAILY");
    await db.notification.updateMany({ where: { userId: reader.id, updateId: update.id }, data: { readAt: new Date() } });
    await db.update.update({ where: { id: withdrawn.id }, data: { status: "WITHDRAWN" } });

    const now = later();
    await runDigest({ now, frequency: "DAILY" });
    for (const user of [never, reader]) {
      const rows = await notificationsOf(user.id);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((n) => n.emailedAt !== null && n.emailId === null)).toBe(true);
      expect(await db.emailMessage.count({ where: { to: user.email } })).toBe(0);
    }
    // The weekly reader was not part of a DAILY-only run.
    expect((await notificationsOf(weekly.id)).every((n) => n.emailedAt === null)).toBe(true);
    await runDigest({ now, frequency: "WEEKLY" });
    expect(await db.emailMessage.count({ where: { to: weekly.email } })).toBe(1);
  });

  it("two concurrent runs email every notification exactly once", async () => {
    const commenter = await createUser();
    const update = await createPublishedUpdate({ authorId: commenter.id });
    const readers = await Promise.all(Array.from({ length: 30 }, () => createUser()));
    await db.follow.createMany({ data: readers.map((user) => ({ userId: user.id, targetType: "UPDATE" as const, targetId: update.id })) });
    for (let i = 0; i < 5; i++) await postComment({ updateId: update.id, authorId: commenter.id });
    await Promise.all(readers.slice(0, 10).map((user) => setAllPreferences(user.id, "DAILY")));

    const now = later();
    const [first, second] = await Promise.all([runDigest({ now, batchSize: 4 }), runDigest({ now, batchSize: 4 })]);
    const ids = readers.map((user) => user.id);
    const notifications = await db.notification.findMany({ where: { userId: { in: ids } } });
    expect(notifications).toHaveLength(150);
    expect(notifications.every((n) => n.emailedAt !== null && n.emailId !== null)).toBe(true);
    const emails = await db.emailMessage.findMany({ where: { to: { in: readers.map((user) => user.email) } } });
    expect(emails).toHaveLength(30);
    expect(new Set(emails.map((e) => e.to)).size).toBe(30);
    expect(emails.every((e) => e.transport === "outbox")).toBe(true);
    // Every notification points at its own reader's one email.
    const emailTo = new Map(emails.map((e) => [e.id, e.to]));
    const emailOf = new Map(readers.map((user) => [user.id, user.email]));
    expect(notifications.every((n) => emailTo.get(n.emailId!) === emailOf.get(n.userId))).toBe(true);
    // (The counts include leftovers of earlier tests in this file's database, hence "at least".)
    expect(first.notifications + second.notifications).toBeGreaterThanOrEqual(150);
    expect(first.emails + second.emails).toBeGreaterThanOrEqual(30);
    // Two more concurrent runs change nothing.
    await Promise.all([runDigest({ now }), runDigest({ now })]);
    expect(await db.emailMessage.count({ where: { to: { in: readers.map((user) => user.email) } } })).toBe(30);
  });

  it("a run that crashes after claiming a batch leaves nothing half-done; the next run completes without duplicates", async () => {
    const commenter = await createUser();
    const update = await createPublishedUpdate({ authorId: commenter.id });
    const readers = await Promise.all(Array.from({ length: 9 }, () => createUser()));
    await db.follow.createMany({ data: readers.map((user) => ({ userId: user.id, targetType: "UPDATE" as const, targetId: update.id })) });
    for (let i = 0; i < 3; i++) await postComment({ updateId: update.id, authorId: commenter.id });
    const ids = readers.map((user) => user.id);
    const addresses = readers.map((user) => user.email);

    const now = later();
    let claimed: string[] = [];
    await expect(
      runDigest({
        now,
        batchSize: 3,
        afterClaim: ({ index, userIds }) => {
          if (index === 0) {
            claimed = userIds;
            throw new Error("simulated crash");
          }
        },
      }),
    ).rejects.toThrow("simulated crash");
    expect(claimed.length).toBeGreaterThan(0);
    // Nothing marked without an email, and no email without its notifications.
    expect(await db.notification.count({ where: { userId: { in: ids }, emailedAt: { not: null } } })).toBe(0);
    expect(await db.emailMessage.count({ where: { to: { in: addresses } } })).toBe(0);

    await runDigest({ now });
    const notifications = await db.notification.findMany({ where: { userId: { in: ids } } });
    expect(notifications).toHaveLength(27);
    expect(notifications.every((n) => n.emailId !== null)).toBe(true);
    expect(await db.emailMessage.count({ where: { to: { in: addresses } } })).toBe(9);
    await runDigest({ now: new Date(now.getTime() + 8 * DAY) });
    expect(await db.emailMessage.count({ where: { to: { in: addresses } } })).toBe(9);
  });
});

describe("performance", () => {
  it("1,000 people with 50 notifications each in under 60 seconds", { timeout: 240_000 }, async () => {
    const setupStarted = performance.now();
    const author = await createUser();
    const updates = await Promise.all(
      Array.from({ length: 10 }, (_, i) => createPublishedUpdate({ authorId: author.id, title: `Prestatietest ${i}` })),
    );
    const comments = await db.comment.createManyAndReturn({
      data: updates.flatMap((update) =>
        Array.from({ length: 5 }, (_, i) => ({ updateId: update.id, authorId: author.id, body: `Reactie ${i} op ${update.title}` })),
      ),
      select: { id: true, updateId: true },
    });
    const passwordHash = await passwordHashFor("Prestatie-test-2030");
    const batch = `perf${unique()}`;
    const people = await db.user.createManyAndReturn({
      data: Array.from({ length: 1_000 }, (_, i) => ({
        email: `${batch}-${i}-${randomBytes(2).toString("hex")}@example.nl`,
        name: `Lezer ${i} (test)`,
        passwordHash,
      })),
      select: { id: true },
    });
    const kinds: NotificationKind[] = ["COMMENT_ON_UPDATE", "REPLY", "MENTION", "COMMENT_ON_UPDATE", "COMMENT_ON_UPDATE"];
    const createdAt = new Date();
    const rows = people.flatMap((person, p) =>
      comments.map((comment, c) => ({
        userId: person.id,
        kind: kinds[(p + c) % kinds.length]!,
        actorId: author.id,
        updateId: comment.updateId,
        commentId: comment.id,
        createdAt,
      })),
    );
    for (let start = 0; start < rows.length; start += 10_000) await db.notification.createMany({ data: rows.slice(start, start + 10_000) });
    // Half daily, half weekly (the default): both digests are made in the run.
    await db.emailPreference.createMany({
      data: people
        .filter((_, i) => i % 2 === 0)
        .flatMap((person) =>
          (["COMMENT_ON_UPDATE", "REPLY", "MENTION"] as const).map((kind) => ({ userId: person.id, kind, frequency: "DAILY" as const })),
        ),
    });
    const setupMs = performance.now() - setupStarted;

    const started = performance.now();
    const result = await runDigest({ now: later() });
    const elapsed = performance.now() - started;
    console.log(
      `[digest performance] ${people.length} people × 50 notifications: ${result.emails} emails, ${result.notifications} notifications, ` +
        `delivered to the outbox: ${result.delivery?.outbox}, in ${(elapsed / 1000).toFixed(2)} s (setup ${(setupMs / 1000).toFixed(1)} s)`,
    );
    expect(result.notifications).toBeGreaterThanOrEqual(50_000);
    expect(await db.notification.count({ where: { userId: { in: people.map((person) => person.id) }, emailId: null } })).toBe(0);
    expect(elapsed).toBeLessThan(60_000);
    const sample = await db.emailMessage.findFirstOrThrow({ where: { to: { startsWith: `${batch}-0-` } } });
    expect(sample.text).toContain("en nog 2 meer");
  });
});
