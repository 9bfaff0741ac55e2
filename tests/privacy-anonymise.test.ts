import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { authorizeCredentials } from "@/lib/auth";
import { db } from "@/lib/db";
import { ANONYMOUS_NAME, anonymousEmail } from "@/lib/privacy/anonymous";
import { deleteOwnAccount } from "@/lib/privacy/service";
import { resetRateLimiters } from "@/lib/rate-limit";
import { LocalDiskStorage } from "@/lib/uploads/storage";
import { actorOf, createUser, TEST_PASSWORD, unique } from "./support/factories";
import { replyTo, seedPerson } from "./support/privacy-fixtures";

const WRONG_PASSWORD = "Verkeerd-wachtwoord-1";
const originalStore = process.env.RATE_LIMIT_STORE;
let storage: LocalDiskStorage;

beforeAll(async () => {
  storage = new LocalDiskStorage(path.join(await mkdtemp(path.join(tmpdir(), "kk-privacy-delete-")), "uploads"));
});
beforeEach(() => {
  process.env.RATE_LIMIT_STORE = "memory";
  resetRateLimiters();
});
afterAll(() => {
  if (originalStore === undefined) delete process.env.RATE_LIMIT_STORE;
  else process.env.RATE_LIMIT_STORE = originalStore;
  resetRateLimiters();
});

/** A fresh client address per call, so one test's wrong passwords do not count in the next. */
const freshIp = () => `10.1.0.${unique()}`;

function deleteOwn(user: Parameters<typeof actorOf>[0], input: Record<string, unknown>) {
  return deleteOwnAccount({ actor: actorOf(user), input: { ip: freshIp(), ...input } });
}

/** Anna with all kinds of data; Carla replies to her and mentions her; Bram is someone else with the same kinds. */
async function world() {
  const anna = await seedPerson(`Anna${unique()}`, { storage });
  const bram = await seedPerson(`Bram${unique()}`, { storage });
  const carla = await createUser({ name: "Carla (test)" });
  const reply = await replyTo(anna, carla, "Dank je!");
  await replyTo(bram, carla, "Jij ook bedankt!");
  const token = `@[${anna.user.name}](user:${anna.user.id})`;
  const bramToken = `@[${bram.user.name}](user:${bram.user.id})`;
  const mentioning = await db.comment.create({
    data: {
      updateId: bram.update.id,
      authorId: carla.id,
      body: `Vraag het ${token} of ${bramToken}.`,
      mentions: { create: [{ userId: anna.user.id }, { userId: bram.user.id }] },
    },
  });
  await db.commentRevision.create({ data: { commentId: mentioning.id, body: `Vraag het ${token}.` } });
  return { anna, bram, carla, reply, mentioning, bramToken };
}

describe("deleting one's own account", () => {
  it("anonymises the person: identity, password, feed link, municipality and sessions gone, blocked and marked", async () => {
    const { anna } = await world();
    expect(await deleteOwn(anna.user, { password: TEST_PASSWORD })).toEqual({ ok: true, data: null });
    const after = await db.user.findUniqueOrThrow({ where: { id: anna.user.id } });
    expect(after).toMatchObject({
      name: ANONYMOUS_NAME,
      email: anonymousEmail(anna.user.id),
      passwordHash: null,
      feedTokenHash: null,
      municipalityId: null,
      role: "MEMBER",
      blockedUntil: null,
    });
    expect(after.blockedAt).not.toBeNull();
    expect(after.anonymisedAt).not.toBeNull();
    expect(after.sessionVersion).toBe(anna.user.sessionVersion + 1);
    expect(await db.session.count({ where: { userId: anna.user.id } })).toBe(0);
  });

  it("keeps the updates under the anonymous author, and the comments unless asked", async () => {
    const { anna } = await world();
    expect((await deleteOwn(anna.user, { password: TEST_PASSWORD })).ok).toBe(true);
    const update = await db.update.findUniqueOrThrow({ where: { id: anna.update.id }, include: { author: true, revisions: true } });
    expect(update).toMatchObject({
      title: anna.update.title,
      status: "PUBLISHED",
      authorId: anna.user.id,
      author: { name: ANONYMOUS_NAME },
    });
    expect(update.revisions).toHaveLength(1);
    expect(await db.upload.count({ where: { id: anna.upload.id } })).toBe(1);
    const comment = await db.comment.findUniqueOrThrow({ where: { id: anna.comment.id } });
    expect(comment).toMatchObject({ body: anna.comment.body, deletedAt: null });
  });

  it("ends the person's consent to the inspiration book and their unanswered feedback requests, and only theirs", async () => {
    const { anna, bram, carla } = await world();
    const published = { requestedById: carla.id, consent: "ACCEPTED" as const, publishedAt: new Date(), respondedAt: new Date() };
    await db.inspirationEntry.create({ data: { updateId: anna.update.id, ...published } });
    await db.inspirationEntry.create({ data: { updateId: bram.update.id, ...published } });
    const request = await db.feedbackRequest.create({
      data: { updateId: bram.update.id, requesterId: bram.user.id, question: "Hoe deden jullie dit?" },
    });
    await db.feedbackRequestPeer.createMany({
      data: [
        { requestId: request.id, userId: anna.user.id },
        { requestId: request.id, userId: carla.id },
      ],
    });

    expect((await deleteOwn(anna.user, { password: TEST_PASSWORD })).ok).toBe(true);
    const entries = await db.inspirationEntry.findMany({ select: { updateId: true, consent: true, publishedAt: true } });
    expect(entries.find((entry) => entry.updateId === anna.update.id)).toMatchObject({ consent: "DECLINED", publishedAt: null });
    expect(entries.find((entry) => entry.updateId === bram.update.id)).toMatchObject({ consent: "ACCEPTED" });
    const peers = await db.feedbackRequestPeer.findMany({ where: { requestId: request.id }, select: { userId: true } });
    expect(peers.map((peer) => peer.userId)).toEqual([carla.id]);
  });

  it("rewrites mentions of the person in other people's comments to plain text, and only theirs", async () => {
    const { anna, bram, mentioning, bramToken } = await world();
    expect((await deleteOwn(anna.user, { password: TEST_PASSWORD })).ok).toBe(true);
    const comment = await db.comment.findUniqueOrThrow({ where: { id: mentioning.id }, include: { mentions: true, revisions: true } });
    expect(comment.body).toBe(`Vraag het voormalig deelnemer of ${bramToken}.`);
    expect(comment.editedAt).toBeNull();
    expect(comment.revisions.map((revision) => revision.body)).toEqual(["Vraag het voormalig deelnemer."]);
    expect(comment.mentions.map((mention) => mention.userId)).toEqual([bram.user.id]);
    expect(await db.mention.count({ where: { userId: anna.user.id } })).toBe(0);
  });

  it("deletes follows, notifications, email preferences, marks, visits and reports, and leaves someone else's", async () => {
    const { anna, bram } = await world();
    expect((await deleteOwn(anna.user, { password: TEST_PASSWORD })).ok).toBe(true);
    const counts = async (userId: string) => [
      await db.follow.count({ where: { userId } }),
      await db.notification.count({ where: { userId } }),
      await db.emailPreference.count({ where: { userId } }),
      await db.appreciation.count({ where: { userId } }),
      await db.updateVisit.count({ where: { userId } }),
      await db.report.count({ where: { reporterId: userId } }),
    ];
    expect(await counts(anna.user.id)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(await counts(bram.user.id)).toEqual([1, 1, 1, 1, 1, 1]);
    // Her open report no longer counts towards the item's review.
    expect((await db.moderationItem.findUniqueOrThrow({ where: { id: anna.item.id } })).openReports).toBe(0);
  });

  it("removes the person's comments when asked, keeping the thread: replies stay under the deleted comment", async () => {
    const { anna, reply } = await world();
    const before = await db.update.findUniqueOrThrow({ where: { id: anna.update.id } });
    expect((await deleteOwn(anna.user, { password: TEST_PASSWORD, removeComments: "on" })).ok).toBe(true);
    const comment = await db.comment.findUniqueOrThrow({ where: { id: anna.comment.id }, include: { revisions: true } });
    expect(comment.deletedAt).not.toBeNull();
    expect(comment.body).toBe("");
    expect(comment.revisions).toEqual([]);
    const kept = await db.comment.findUniqueOrThrow({ where: { id: reply.id } });
    expect(kept).toMatchObject({ parentId: anna.comment.id, body: "Dank je!", deletedAt: null });
    expect((await db.update.findUniqueOrThrow({ where: { id: anna.update.id } })).commentCount).toBe(before.commentCount - 1);
  });

  it("writes one audit event with counts only, none of the deleted personal data", async () => {
    const { anna } = await world();
    expect((await deleteOwn(anna.user, { password: TEST_PASSWORD, removeComments: "on" })).ok).toBe(true);
    const rows = await db.auditLog.findMany({ where: { action: "user.anonymise", targetId: anna.user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorId: anna.user.id, targetType: "User", reason: null });
    expect(rows[0]!.data).toMatchObject({
      onBehalf: false,
      commentsRemoved: true,
      counts: {
        comments: 1,
        mentionsRewritten: 1,
        follows: 1,
        notifications: 1,
        emailPreferences: 1,
        appreciations: 1,
        visits: 1,
        reports: 1,
        sessions: 1,
        updatesKept: 1,
      },
    });
    const text = JSON.stringify(rows[0]);
    for (const personal of [anna.user.name, anna.user.email, anna.comment.body]) expect(text).not.toContain(personal);
  });

  it("lets the anonymised person sign in neither with the old address nor with the placeholder", async () => {
    const { anna } = await world();
    expect(await authorizeCredentials({ email: anna.user.email, password: TEST_PASSWORD }, freshIp())).not.toBeNull();
    expect((await deleteOwn(anna.user, { password: TEST_PASSWORD })).ok).toBe(true);
    expect(await authorizeCredentials({ email: anna.user.email, password: TEST_PASSWORD }, freshIp())).toBeNull();
    await expect(authorizeCredentials({ email: anonymousEmail(anna.user.id), password: TEST_PASSWORD }, freshIp())).resolves.toBeNull();
  });

  it("refuses a wrong password, changes nothing and writes no audit row", async () => {
    const { anna } = await world();
    expect(await deleteOwn(anna.user, { password: WRONG_PASSWORD })).toEqual({
      ok: false,
      error: "privacy.wrongPassword",
      fieldErrors: { password: ["privacy.wrongPassword"] },
    });
    const after = await db.user.findUniqueOrThrow({ where: { id: anna.user.id } });
    expect(after).toMatchObject({ name: anna.user.name, email: anna.user.email, anonymisedAt: null, blockedAt: null });
    expect(await db.follow.count({ where: { userId: anna.user.id } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "user.anonymise", targetId: anna.user.id } })).toBe(0);
  });

  it("counts wrong passwords like failed sign-ins: after five from one address it stops trying", async () => {
    const member = await createUser();
    const ip = freshIp();
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect(
        (await deleteOwnAccount({ actor: actorOf(member), input: { ip, password: WRONG_PASSWORD } })) as { error?: string },
      ).toMatchObject({
        error: "privacy.wrongPassword",
      });
    }
    expect(await deleteOwnAccount({ actor: actorOf(member), input: { ip, password: TEST_PASSWORD } })).toEqual({
      ok: false,
      error: "privacy.tooManyAttempts",
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: member.id } })).anonymisedAt).toBeNull();
  });

  it("refuses an empty password as a field error", async () => {
    const member = await createUser();
    expect(await deleteOwn(member, { password: "" })).toMatchObject({
      ok: false,
      error: "form.invalid",
      fieldErrors: { password: ["password.required"] },
    });
  });

  it("refuses a visitor without an account", async () => {
    expect(await deleteOwnAccount({ actor: null, input: { ip: freshIp(), password: TEST_PASSWORD } })).toEqual({
      ok: false,
      error: "permission.denied",
    });
  });

  it("refuses the last admin with a clear message, and lets an admin go when another remains", async () => {
    const admin = await createUser({ role: "ADMIN" });
    // Only this admin may sign in for the first attempt: others are blocked for the moment.
    const others = await db.user.findMany({ where: { role: "ADMIN", blockedAt: null, id: { not: admin.id } }, select: { id: true } });
    await db.user.updateMany({ where: { id: { in: others.map((other) => other.id) } }, data: { blockedAt: new Date() } });
    expect(await deleteOwn(admin, { password: TEST_PASSWORD })).toEqual({ ok: false, error: "privacy.lastAdmin" });
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).anonymisedAt).toBeNull();
    expect(await db.auditLog.count({ where: { action: "user.anonymise", targetId: admin.id } })).toBe(0);
    await db.user.updateMany({ where: { id: { in: others.map((other) => other.id) } }, data: { blockedAt: null } });

    await createUser({ role: "ADMIN" });
    expect(await deleteOwn(admin, { password: TEST_PASSWORD })).toEqual({ ok: true, data: null });
  });
});
