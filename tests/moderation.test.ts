import { beforeEach, describe, expect, it } from "vitest";
import { postComment as postCommentService } from "@/lib/comments/service";
import { db } from "@/lib/db";
import {
  claimItem,
  deleteCommentAsModerator,
  dismissReports,
  hideContent,
  lockThread,
  reportContent,
  restoreUpdateAsModerator,
  unhideContent,
  unlockThread,
  withdrawUpdateAsModerator,
} from "@/lib/moderation/service";
import { setAutoHideThreshold } from "@/lib/moderation/settings";
import type { Actor } from "@/lib/policy/permissions";
import { actorOf, createActor, createUser } from "./support/factories";
import { createPublishedUpdate, postComment, useOutboxForNotifications } from "./support/notification-fixtures";

useOutboxForNotifications();

let author: Actor;
let coordinator: Actor;
let updateId: string;
let commentId: string;

beforeEach(async () => {
  author = actorOf(await createUser({ role: "PROJECT_LEADER" }));
  coordinator = await createActor("COORDINATOR");
  updateId = (await createPublishedUpdate({ authorId: author.id })).id;
  commentId = (await postComment({ updateId, authorId: author.id })).id;
});

const reason = "Bevat een telefoonnummer van een bewoner";
const report = (actor: Actor, extra: Record<string, string> = {}) =>
  reportContent({ actor, input: { targetType: "COMMENT", targetId: commentId, reason: "PERSONAL_DATA", ...extra } });
const auditCount = () => db.auditLog.count();
const comment = () => db.comment.findUniqueOrThrow({ where: { id: commentId } });
const commentCount = async () => (await db.update.findUniqueOrThrow({ where: { id: updateId } })).commentCount;
const moderationNotices = (userId: string) =>
  db.notification.findMany({ where: { userId, kind: "MODERATION" }, orderBy: { createdAt: "asc" } });

describe("reporting", () => {
  it.each(["MEMBER", "PROJECT_LEADER", "COORDINATOR", "ADMIN"] as const)(
    "a %s may report someone else's comment, once while it is open",
    async (role) => {
      const reporter = await createActor(role);
      expect(await report(reporter)).toEqual({ ok: true, data: { hidden: false } });
      expect(await report(reporter)).toEqual({ ok: false, error: "moderation.alreadyReported" });
      expect(await db.report.count({ where: { status: "OPEN", item: { commentId } } })).toBe(1);
    },
  );

  it("refuses reporting one's own content, and a signed-out caller, without writing anything", async () => {
    const before = await auditCount();
    expect(await report(author)).toEqual({ ok: false, error: "moderation.reportOwn" });
    expect(await report(null as unknown as Actor)).toEqual({ ok: false, error: "permission.denied" });
    expect(await db.report.count({ where: { item: { commentId } } })).toBe(0);
    expect(await auditCount()).toBe(before);
  });

  it("asks for words of one's own with 'other'", async () => {
    const reporter = await createActor("MEMBER");
    expect(await report(reporter, { reason: "OTHER" })).toMatchObject({ ok: false, fieldErrors: { text: ["moderation.textRequired"] } });
    expect(await report(reporter, { reason: "OTHER", text: "Reclame voor een bedrijf" })).toMatchObject({ ok: true });
  });

  it("hides the item at the threshold of open reports from different people, tells staff and the author, and stops counting it", async () => {
    const reporters = await Promise.all([createActor("MEMBER"), createActor("MEMBER"), createActor("MEMBER")]);
    expect(await commentCount()).toBe(1);
    expect(await report(reporters[0]!)).toEqual({ ok: true, data: { hidden: false } });
    expect(await report(reporters[1]!)).toEqual({ ok: true, data: { hidden: false } });
    expect(await report(reporters[2]!)).toEqual({ ok: true, data: { hidden: true } });
    expect((await comment()).hiddenAt).not.toBeNull();
    expect(await commentCount()).toBe(0);
    expect((await moderationNotices(coordinator.id)).map((n) => n.event)).toEqual(["autoHidden"]);
    expect((await moderationNotices(author.id)).map((n) => n.event)).toEqual(["hidden"]);
    expect(await db.auditLog.count({ where: { targetId: commentId, action: "comment.report" } })).toBe(3);
    expect(await db.auditLog.count({ where: { targetId: commentId, action: "comment.auto-hide" } })).toBe(1);
    // Hidden now: nobody else can report it.
    expect(await report(await createActor("MEMBER"))).toEqual({ ok: false, error: "moderation.itemGone" });
  });

  it("follows the threshold an admin sets, and only an admin", async () => {
    const admin = await createActor("ADMIN");
    expect(await setAutoHideThreshold({ actor: coordinator, input: { threshold: "1" } })).toEqual({
      ok: false,
      error: "permission.denied",
    });
    expect(await setAutoHideThreshold({ actor: admin, input: { threshold: "0" } })).toMatchObject({ ok: false, error: "form.invalid" });
    expect(await setAutoHideThreshold({ actor: admin, input: { threshold: "1" } })).toEqual({ ok: true, data: { threshold: 1 } });
    expect(await report(await createActor("MEMBER"))).toEqual({ ok: true, data: { hidden: true } });
    await setAutoHideThreshold({ actor: admin, input: { threshold: "3" } });
  });
});

describe("moderation steps", () => {
  const hide = (actor: Actor | null, extra: Record<string, string> = {}) =>
    hideContent({ actor, input: { targetType: "COMMENT", targetId: commentId, reason, ...extra } });

  it.each(["MEMBER", "PROJECT_LEADER"] as const)("refuses every moderation step to a %s, writing nothing", async (role) => {
    const actor = await createActor(role);
    const before = await auditCount();
    const input = { targetType: "COMMENT", targetId: commentId, commentId, updateId, itemId: "x", reason };
    for (const step of [
      hideContent,
      unhideContent,
      deleteCommentAsModerator,
      lockThread,
      unlockThread,
      withdrawUpdateAsModerator,
      restoreUpdateAsModerator,
      dismissReports,
      claimItem,
    ]) {
      expect(await step({ actor, input })).toEqual({ ok: false, error: "permission.denied" });
    }
    expect((await comment()).hiddenAt).toBeNull();
    expect(await auditCount()).toBe(before);
  });

  it("hides with a reason, closes the reports, tells the author the reason and the reporters that it was handled", async () => {
    const reporter = await createActor("MEMBER");
    await report(reporter);
    expect(await hide(coordinator)).toMatchObject({ ok: true });
    expect(await commentCount()).toBe(0);
    expect(await db.report.findFirstOrThrow({ where: { reporterId: reporter.id } })).toMatchObject({ status: "ACTIONED" });
    expect((await moderationNotices(author.id)).map((n) => [n.event, n.reason])).toEqual([["hidden", reason]]);
    expect((await moderationNotices(reporter.id)).map((n) => n.event)).toEqual(["reportHandled"]);
    expect(await db.auditLog.findFirstOrThrow({ where: { targetId: commentId, action: "comment.hide" } })).toMatchObject({
      actorId: coordinator.id,
      reason,
    });
  });

  it("refuses hiding without a reason, and hiding twice, with no audit row", async () => {
    const before = await auditCount();
    expect(await hide(coordinator, { reason: " " })).toMatchObject({ ok: false, fieldErrors: { reason: ["moderation.reasonMissing"] } });
    expect(await auditCount()).toBe(before);
    await hide(coordinator);
    const afterFirst = await auditCount();
    expect(await hide(coordinator)).toEqual({ ok: false, error: "moderation.alreadyHidden" });
    expect(await auditCount()).toBe(afterFirst);
  });

  it("restores a hidden comment: counted again, the author told", async () => {
    await hide(coordinator);
    expect(
      await unhideContent({ actor: coordinator, input: { targetType: "COMMENT", targetId: commentId, reason: "Na overleg hersteld" } }),
    ).toMatchObject({ ok: true });
    expect((await comment()).hiddenAt).toBeNull();
    expect(await commentCount()).toBe(1);
    expect((await moderationNotices(author.id)).map((n) => n.event)).toEqual(["hidden", "restored"]);
  });

  it("refuses acting on an item another coordinator has claimed, until the claim runs out", async () => {
    await report(await createActor("MEMBER"));
    const item = await db.moderationItem.findUniqueOrThrow({ where: { commentId } });
    const other = await createActor("COORDINATOR");
    expect(await claimItem({ actor: other, input: { itemId: item.id } })).toMatchObject({ ok: true });
    expect(await claimItem({ actor: coordinator, input: { itemId: item.id } })).toEqual({ ok: false, error: "moderation.claimedByOther" });
    const before = await auditCount();
    expect(await hide(coordinator)).toEqual({ ok: false, error: "moderation.claimedByOther" });
    expect(await dismissReports({ actor: coordinator, input: { itemId: item.id, reason } })).toEqual({
      ok: false,
      error: "moderation.claimedByOther",
    });
    expect(await auditCount()).toBe(before);
    await db.moderationItem.update({ where: { id: item.id }, data: { claimedUntil: new Date(Date.now() - 1000) } });
    expect(await hide(coordinator)).toMatchObject({ ok: true });
  });

  it("dismisses reports: closed, the item unchanged, the reporters told", async () => {
    const reporter = await createActor("MEMBER");
    await report(reporter);
    const item = await db.moderationItem.findUniqueOrThrow({ where: { commentId } });
    expect(await dismissReports({ actor: coordinator, input: { itemId: item.id, reason: "Geen persoonsgegevens" } })).toEqual({
      ok: true,
      data: { itemId: item.id },
    });
    expect(await db.report.findFirstOrThrow({ where: { reporterId: reporter.id } })).toMatchObject({ status: "DISMISSED" });
    expect((await comment()).hiddenAt).toBeNull();
    expect(await dismissReports({ actor: coordinator, input: { itemId: item.id, reason: "Nog eens" } })).toEqual({
      ok: false,
      error: "moderation.noOpenReports",
    });
    // Handled, so the same person may report it again.
    expect(await report(reporter)).toMatchObject({ ok: true });
  });

  it("deletes any comment for good, keeping the thread, and tells the author", async () => {
    expect(await deleteCommentAsModerator({ actor: coordinator, input: { commentId, reason } })).toMatchObject({ ok: true });
    expect(await comment()).toMatchObject({ body: "" });
    expect((await comment()).deletedAt).not.toBeNull();
    expect(await commentCount()).toBe(0);
    expect((await moderationNotices(author.id)).map((n) => n.event)).toEqual(["deleted"]);
  });

  it("locks a discussion: no new comments, also not a replayed post; unlocking opens it again", async () => {
    const member = await createActor("MEMBER");
    expect(await lockThread({ actor: coordinator, input: { updateId, reason: "De discussie loopt uit de hand" } })).toMatchObject({
      ok: true,
    });
    const post = () => postCommentService({ actor: member, input: { updateId, body: "Nog één ding", clientKey: crypto.randomUUID() } });
    expect(await post()).toEqual({ ok: false, error: "comment.threadLocked" });
    expect(await lockThread({ actor: coordinator, input: { updateId, reason: "Nog eens" } })).toEqual({
      ok: false,
      error: "moderation.alreadyLocked",
    });
    expect(await unlockThread({ actor: coordinator, input: { updateId, reason: "Weer open" } })).toMatchObject({ ok: true });
    expect(await post()).toMatchObject({ ok: true });
  });

  it("withdraws anyone's update with a reason and publishes it again", async () => {
    expect(await withdrawUpdateAsModerator({ actor: coordinator, input: { updateId, reason } })).toMatchObject({ ok: true });
    expect(await db.update.findUniqueOrThrow({ where: { id: updateId } })).toMatchObject({ status: "WITHDRAWN" });
    expect(await withdrawUpdateAsModerator({ actor: coordinator, input: { updateId, reason } })).toEqual({
      ok: false,
      error: "moderation.itemGone",
    });
    expect(await restoreUpdateAsModerator({ actor: coordinator, input: { updateId, reason: "Terecht gepubliceerd" } })).toMatchObject({
      ok: true,
    });
    expect(await db.update.findUniqueOrThrow({ where: { id: updateId } })).toMatchObject({ status: "PUBLISHED" });
    expect((await moderationNotices(author.id)).map((n) => n.event)).toEqual(["withdrawn", "republished"]);
    expect(await db.auditLog.count({ where: { targetId: updateId, action: { in: ["update.withdraw-any", "update.restore"] } } })).toBe(2);
  });

  it("hides an update: gone from everyone's lists but its author's and staff's", async () => {
    expect(await hideContent({ actor: coordinator, input: { targetType: "UPDATE", targetId: updateId, reason } })).toMatchObject({
      ok: true,
    });
    expect((await db.update.findUniqueOrThrow({ where: { id: updateId } })).hiddenAt).not.toBeNull();
    expect(await report(await createActor("MEMBER"))).toEqual({ ok: false, error: "moderation.itemGone" });
  });
});

describe("reasons with line breaks", () => {
  it("counts a browser's CR LF as one character, as the textarea's limit does", async () => {
    const coordinator = await createActor("COORDINATOR");
    const author = await createUser({ role: "PROJECT_LEADER" });
    const update = await createPublishedUpdate({ authorId: author.id });
    const comment = await postComment({ updateId: update.id, authorId: author.id });
    const reason = `${"Regel\r\n".repeat(166)}ok`; // 998 characters as typed, 1,164 as sent
    expect(await hideContent({ actor: coordinator, input: { targetType: "COMMENT", targetId: comment.id, reason } })).toMatchObject({
      ok: true,
    });
    const row = await db.auditLog.findFirstOrThrow({ where: { targetId: comment.id, action: "comment.hide" } });
    expect(row.reason).not.toContain("\r");
  });
});
