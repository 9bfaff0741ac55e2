import "server-only";
import { fail, type ActionResult } from "@/lib/action-result";
import type { Tx } from "@/lib/mutation";
import type { Actor } from "@/lib/policy/permissions";
import { CLAIM_MINUTES } from "./limits";
import type { Target } from "./schema";

/** A reported or moderated update or comment, as moderation needs it. */
export type LoadedTarget = {
  targetType: "UPDATE" | "COMMENT";
  id: string;
  /** The update it belongs to: itself, or the update a comment is on. */
  updateId: string;
  commentId: string | null;
  authorId: string;
  hiddenAt: Date | null;
  deletedAt: Date | null;
  /** The state of the update it belongs to. */
  status: "DRAFT" | "PUBLISHED" | "WITHDRAWN";
  updateHiddenAt: Date | null;
};

export async function loadTarget(tx: Tx, target: Target): Promise<LoadedTarget | null> {
  if (target.targetType === "UPDATE") {
    const update = await tx.update.findUnique({
      where: { id: target.targetId },
      select: { id: true, authorId: true, hiddenAt: true, status: true },
    });
    return update
      ? {
          targetType: "UPDATE",
          id: update.id,
          updateId: update.id,
          commentId: null,
          authorId: update.authorId,
          hiddenAt: update.hiddenAt,
          deletedAt: null,
          status: update.status,
          updateHiddenAt: update.hiddenAt,
        }
      : null;
  }
  const comment = await tx.comment.findUnique({
    where: { id: target.targetId },
    select: {
      id: true,
      updateId: true,
      authorId: true,
      hiddenAt: true,
      deletedAt: true,
      update: { select: { status: true, hiddenAt: true } },
    },
  });
  return comment
    ? {
        targetType: "COMMENT",
        id: comment.id,
        updateId: comment.updateId,
        commentId: comment.id,
        authorId: comment.authorId,
        hiddenAt: comment.hiddenAt,
        deletedAt: comment.deletedAt,
        status: comment.update.status,
        updateHiddenAt: comment.update.hiddenAt,
      }
    : null;
}

/** The moderation record of a target, made on first need (one per target: a unique index). */
export async function ensureItem(tx: Tx, target: LoadedTarget) {
  const key = target.targetType === "UPDATE" ? { updateId: target.id } : { commentId: target.id };
  await tx.moderationItem.createMany({
    data: [{ targetType: target.targetType, ...key, contextUpdateId: target.updateId, authorId: target.authorId }],
    skipDuplicates: true,
  });
  return tx.moderationItem.findUniqueOrThrow({
    where: key,
    select: { id: true, openReports: true, claimedById: true, claimedUntil: true },
  });
}

/** Refuses when another coordinator holds a claim that has not run out. */
export function claimedByOther(
  item: { claimedById: string | null; claimedUntil: Date | null } | null,
  actor: Actor,
  now = new Date(),
): ActionResult<never> | null {
  if (!item?.claimedById || item.claimedById === actor.id || !item.claimedUntil || item.claimedUntil <= now) return null;
  return fail("moderation.claimedByOther");
}

export function claimExpiry(now = new Date()): Date {
  return new Date(now.getTime() + CLAIM_MINUTES * 60_000);
}

/** Closes the open reports of an item; answers who filed them (to tell them). */
export async function resolveReports(tx: Tx, itemId: string, status: "DISMISSED" | "ACTIONED"): Promise<string[]> {
  const open = await tx.report.findMany({ where: { itemId, status: "OPEN" }, select: { reporterId: true } });
  if (open.length) await tx.report.updateMany({ where: { itemId, status: "OPEN" }, data: { status, resolvedAt: new Date() } });
  await tx.moderationItem.update({ where: { id: itemId }, data: { openReports: 0, claimedById: null, claimedUntil: null } });
  return open.map((report) => report.reporterId);
}

/** Hides a shown target; a hidden comment stops counting. False when it was hidden already. */
export async function setHidden(tx: Tx, target: LoadedTarget, hidden: boolean): Promise<boolean> {
  if (Boolean(target.hiddenAt) === hidden) return false;
  const hiddenAt = hidden ? new Date() : null;
  if (target.targetType === "UPDATE") {
    await tx.update.update({ where: { id: target.id }, data: { hiddenAt } });
    return true;
  }
  await tx.comment.update({ where: { id: target.id }, data: { hiddenAt } });
  if (!target.deletedAt) {
    await tx.update.update({ where: { id: target.updateId }, data: { commentCount: hidden ? { decrement: 1 } : { increment: 1 } } });
  }
  return true;
}
