import "server-only";
import { fail, ok, type ActionResult } from "@/lib/action-result";
import { eraseComment } from "@/lib/comments/erase";
import { mutation, type Tx } from "@/lib/mutation";
import { isShownComment } from "@/lib/policy/comments";
import { can, permissions, type Actor } from "@/lib/policy/permissions";
import { isListedUpdate } from "@/lib/policy/updates";
import { activeUserWhere } from "@/lib/policy/users";
import type { ModerationEvent } from "./events";
import { notifyModeration } from "./notify";
import { commentActionSchema, itemActionSchema, itemSchema, reportSchema, targetActionSchema, updateActionSchema } from "./schema";
import { autoHideThreshold } from "./settings";
import { claimedByOther, claimExpiry, ensureItem, loadTarget, resolveReports, setHidden, type LoadedTarget } from "./targets";

// Moderation as data (after decidim): every reported or moderated update or
// comment has one ModerationItem holding its open report count and claim.
// Each step below is one mutation: the change, the reports it closes, the
// people it tells and its audit row, in one transaction.

type Done = { targetType: "UPDATE" | "COMMENT"; id: string; updateId: string };

const staffTargetGate = (actor: Actor) => can(actor, "comment:hide") || can(actor, "update:hide");
const targetPermission = { UPDATE: "update:hide", COMMENT: "comment:hide" } as const;

function eventType<K extends string>(target: LoadedTarget, action: K) {
  return `${target.targetType === "UPDATE" ? "update" : "comment"}.${action}` as `update.${K}` | `comment.${K}`;
}

/** The coordinators and admins, who are told when something hid itself. */
async function staffIds(tx: Tx): Promise<string[]> {
  const staff = await tx.user.findMany({
    where: { role: { in: [...permissions["report:review"]] }, ...activeUserWhere() },
    select: { id: true },
  });
  return staff.map((user) => user.id);
}

/**
 * Every signed-in person reports an update or comment they can see, with a
 * reason; not their own, and once while their report is open (reporting again
 * after it was handled reopens it). At the threshold of open reports from
 * different people the item hides itself pending review, and staff are told.
 */
export const reportContent = mutation("report:create", {
  schema: reportSchema,
  run: async ({ tx, actor, data, record }): Promise<ActionResult<{ hidden: boolean }>> => {
    const target = await loadTarget(tx, data);
    // Only what everyone sees can be reported: a listed update, or a shown comment on one.
    const visible = target && isListedUpdate({ status: target.status, hiddenAt: target.updateHiddenAt }) && isShownComment(target);
    if (!target || !visible) return fail("moderation.itemGone");
    if (target.authorId === actor.id) return fail("moderation.reportOwn");
    const item = await ensureItem(tx, target);
    const earlier = await tx.report.findUnique({
      where: { itemId_reporterId: { itemId: item.id, reporterId: actor.id } },
      select: { status: true },
    });
    if (earlier?.status === "OPEN") return fail("moderation.alreadyReported");
    const report = { reason: data.reason, text: data.text, status: "OPEN" as const, createdAt: new Date(), resolvedAt: null };
    await tx.report.upsert({
      where: { itemId_reporterId: { itemId: item.id, reporterId: actor.id } },
      create: { itemId: item.id, reporterId: actor.id, ...report },
      update: report,
    });
    const openReports = await tx.report.count({ where: { itemId: item.id, status: "OPEN" } });
    await tx.moderationItem.update({ where: { id: item.id }, data: { openReports, lastReportedAt: new Date() } });
    record({ type: eventType(target, "report"), targetId: target.id, reason: data.text || undefined, data: { reportReason: data.reason } });

    const threshold = await autoHideThreshold(tx);
    if (openReports < threshold) return ok({ hidden: false });
    await setHidden(tx, target, true);
    record({ type: eventType(target, "auto-hide"), targetId: target.id, data: { openReports, threshold } });
    await notifyModeration(tx, {
      actorId: null,
      updateId: target.updateId,
      commentId: target.commentId,
      notices: [
        { userIds: await staffIds(tx), event: "autoHidden", reason: null },
        { userIds: [target.authorId], event: "hidden", reason: null },
      ],
    });
    return ok({ hidden: true });
  },
});

/** Loads a target for a staff step, with the claim check. */
async function staffTarget(tx: Tx, actor: Actor, data: { targetType: "UPDATE" | "COMMENT"; targetId: string }) {
  if (!can(actor, targetPermission[data.targetType])) return { refusal: fail("permission.denied") };
  const target = await loadTarget(tx, data);
  if (!target || target.status === "DRAFT") return { refusal: fail("moderation.itemGone") };
  const item = await ensureItem(tx, target);
  const claimed = claimedByOther(item, actor);
  return claimed ? { refusal: claimed } : { target, item };
}

/** Tells a step's author (with the reason) and the people whose reports it closed. */
async function tellAuthorAndReporters(
  tx: Tx,
  actor: Actor,
  target: LoadedTarget,
  event: ModerationEvent,
  reason: string,
  reporters: string[],
  commentId = target.commentId,
) {
  await notifyModeration(tx, {
    actorId: actor.id,
    updateId: target.updateId,
    commentId,
    notices: [
      { userIds: [target.authorId], event, reason },
      { userIds: reporters, event: "reportHandled", reason: null },
    ],
  });
}

/**
 * Hides an update or comment (with or without reports), closing its reports
 * as acted on; or shows a hidden one again, dismissing them. The author is told why.
 */
function visibility(hidden: boolean) {
  return mutation(staffTargetGate, {
    schema: targetActionSchema,
    run: async ({ tx, actor, data, record }): Promise<ActionResult<Done>> => {
      const found = await staffTarget(tx, actor, data);
      if (found.refusal) return found.refusal;
      const { target, item } = found;
      if (hidden && target.deletedAt) return fail("moderation.itemGone");
      if (!(await setHidden(tx, target, hidden))) return fail(hidden ? "moderation.alreadyHidden" : "moderation.notHidden");
      const reporters = await resolveReports(tx, item.id, hidden ? "ACTIONED" : "DISMISSED");
      record({ type: eventType(target, hidden ? "hide" : "unhide"), targetId: target.id, reason: data.reason });
      await tellAuthorAndReporters(tx, actor, target, hidden ? "hidden" : "restored", data.reason, reporters);
      return ok({ targetType: target.targetType, id: target.id, updateId: target.updateId });
    },
  });
}
export const hideContent = visibility(true);
export const unhideContent = visibility(false);

/** A coordinator deletes any comment for good (the thread keeps "verwijderd"); the author is told why. */
export const deleteCommentAsModerator = mutation("comment:delete-any", {
  schema: commentActionSchema,
  run: async ({ tx, actor, data, record }): Promise<ActionResult<Done>> => {
    const found = await staffTarget(tx, actor, { targetType: "COMMENT", targetId: data.commentId });
    if (found.refusal) return found.refusal;
    const { target, item } = found;
    if (!(await eraseComment(tx, target.id))) return fail("moderation.itemGone");
    const reporters = await resolveReports(tx, item.id, "ACTIONED");
    record({ type: "comment.delete-any", targetId: target.id, reason: data.reason });
    await tellAuthorAndReporters(tx, actor, target, "deleted", data.reason, reporters, null);
    return ok({ targetType: "COMMENT", id: target.id, updateId: target.updateId });
  },
});

/** Locks or unlocks an update's discussion: no new comments while locked (the page says so). */
function threadLock(locked: boolean) {
  return mutation("thread:lock", {
    schema: updateActionSchema,
    run: async ({ tx, actor, data, record }): Promise<ActionResult<{ updateId: string }>> => {
      const [update] = await tx.update.updateManyAndReturn({
        where: { id: data.updateId, status: "PUBLISHED", commentsLockedAt: locked ? null : { not: null } },
        data: { commentsLockedAt: locked ? new Date() : null },
        select: { authorId: true },
      });
      if (!update) return fail(locked ? "moderation.alreadyLocked" : "moderation.notLocked");
      record({ type: locked ? "thread.lock" : "thread.unlock", targetId: data.updateId, reason: data.reason });
      await notifyModeration(tx, {
        actorId: actor.id,
        updateId: data.updateId,
        commentId: null,
        notices: [{ userIds: [update.authorId], event: locked ? "locked" : "unlocked", reason: data.reason }],
      });
      return ok({ updateId: data.updateId });
    },
  });
}
export const lockThread = threadLock(true);
export const unlockThread = threadLock(false);

/** A coordinator withdraws anyone's published update, or publishes a withdrawn one again, with a reason. */
function withdrawal(withdraw: boolean) {
  return mutation("update:withdraw-any", {
    schema: updateActionSchema,
    run: async ({ tx, actor, data, record }): Promise<ActionResult<{ updateId: string }>> => {
      const item = await tx.moderationItem.findUnique({
        where: { updateId: data.updateId },
        select: { claimedById: true, claimedUntil: true },
      });
      const claimed = claimedByOther(item, actor);
      if (claimed) return claimed;
      const [update] = await tx.update.updateManyAndReturn({
        where: { id: data.updateId, status: withdraw ? "PUBLISHED" : "WITHDRAWN", publishedAt: { not: null } },
        data: withdraw ? { status: "WITHDRAWN", withdrawnAt: new Date() } : { status: "PUBLISHED", withdrawnAt: null },
        select: { authorId: true },
      });
      if (!update) return fail("moderation.itemGone");
      record({ type: withdraw ? "update.withdraw-any" : "update.restore", targetId: data.updateId, reason: data.reason });
      await notifyModeration(tx, {
        actorId: actor.id,
        updateId: data.updateId,
        commentId: null,
        notices: [{ userIds: [update.authorId], event: withdraw ? "withdrawn" : "republished", reason: data.reason }],
      });
      return ok({ updateId: data.updateId });
    },
  });
}
export const withdrawUpdateAsModerator = withdrawal(true);
export const restoreUpdateAsModerator = withdrawal(false);

/** The reports were unfounded: they are closed, the item stays as it is, the reporters are told. */
export const dismissReports = mutation("report:review", {
  schema: itemActionSchema,
  run: async ({ tx, actor, data, record }): Promise<ActionResult<{ itemId: string }>> => {
    const item = await tx.moderationItem.findUnique({
      where: { id: data.itemId },
      select: { id: true, claimedById: true, claimedUntil: true, contextUpdateId: true, commentId: true },
    });
    if (!item) return fail("moderation.itemGone");
    const claimed = claimedByOther(item, actor);
    if (claimed) return claimed;
    const reporters = await resolveReports(tx, item.id, "DISMISSED");
    if (reporters.length === 0) return fail("moderation.noOpenReports");
    record({ type: "moderation.dismiss", targetId: item.id, reason: data.reason, data: { reports: reporters.length } });
    await notifyModeration(tx, {
      actorId: actor.id,
      updateId: item.contextUpdateId,
      commentId: item.commentId,
      notices: [{ userIds: reporters, event: "reportHandled", reason: null }],
    });
    return ok({ itemId: item.id });
  },
});

/** A coordinator claims an item for CLAIM_MINUTES, so two do not act on it at once; claiming again extends it. */
export const claimItem = mutation("report:review", {
  schema: itemSchema,
  run: async ({ tx, actor, data }): Promise<ActionResult<{ claimedUntil: Date }>> => {
    const now = new Date();
    const claimedUntil = claimExpiry(now);
    const { count } = await tx.moderationItem.updateMany({
      where: { id: data.itemId, OR: [{ claimedById: null }, { claimedById: actor.id }, { claimedUntil: { lte: now } }] },
      data: { claimedById: actor.id, claimedUntil },
    });
    if (count > 0) return ok({ claimedUntil });
    return (await tx.moderationItem.count({ where: { id: data.itemId } }))
      ? fail("moderation.claimedByOther")
      : fail("moderation.itemGone");
  },
});

export const releaseItem = mutation("report:review", {
  schema: itemSchema,
  run: async ({ tx, actor, data }) => {
    await tx.moderationItem.updateMany({
      where: { id: data.itemId, claimedById: actor.id },
      data: { claimedById: null, claimedUntil: null },
    });
    return ok(null);
  },
});
