import "server-only";
import { fail, ok, type ActionResult } from "@/lib/action-result";
import type { Prisma } from "@/lib/generated/prisma/client";
import { mutation, type Tx } from "@/lib/mutation";
import { listedCommentWhere } from "@/lib/policy/comments";
import { listedUpdateWhere } from "@/lib/policy/updates";
import { onUpdateAppreciated, onUpdateAppreciationWithdrawn } from "./notify";
import { appreciationTargetSchema } from "./schema";

export type AppreciationState = {
  appreciated: boolean;
  count: number;
  /** The update the mark belongs to (for a comment: the update it is on). */
  updateId: string;
};

/** The target, if it may be marked: a listed update, or a shown comment on one. */
async function findTarget(tx: Tx, target: { updateId?: string; commentId?: string }) {
  if (target.updateId) {
    const update = await tx.update.findFirst({
      where: { id: target.updateId, ...listedUpdateWhere },
      select: { id: true, authorId: true },
    });
    return update ? { updateId: update.id, authorId: update.authorId } : null;
  }
  return tx.comment.findFirst({ where: { id: target.commentId, ...listedCommentWhere }, select: { updateId: true, authorId: true } });
}

/**
 * One "nuttig" mark per person per update or comment, switched on or off.
 * Every signed-in role may mark, but not their own update or comment: a mark
 * says someone else found it useful. A unique index keeps it at one mark per
 * person, also under double clicks (the insert skips an existing mark).
 */
export const toggleAppreciation = mutation("appreciation:create", {
  schema: appreciationTargetSchema,
  refuse: () => fail("comment.appreciationTargetGone"),
  run: async ({ tx, actor, data: { updateId, commentId, appreciated: wanted } }): Promise<ActionResult<AppreciationState>> => {
    const target = await findTarget(tx, { updateId, commentId });
    if (!target) return fail("comment.appreciationTargetGone");
    if (target.authorId === actor.id) return fail("comment.appreciateOwn");

    const where: Prisma.AppreciationWhereInput = updateId ? { updateId } : { commentId };
    const existing = await tx.appreciation.findFirst({ where: { userId: actor.id, ...where }, select: { id: true } });
    const appreciated = wanted ?? !existing;
    if (appreciated && !existing) {
      const [made] = await tx.appreciation.createManyAndReturn({
        data: [{ userId: actor.id, updateId: updateId ?? null, commentId: commentId ?? null }],
        skipDuplicates: true,
        select: { createdAt: true },
      });
      // The author hears of a mark on their update (not on a comment); a skipped duplicate was told already.
      if (made && updateId) await onUpdateAppreciated(tx, { updateId, appreciatorId: actor.id, appreciatedAt: made.createdAt });
    } else if (!appreciated && existing) {
      await tx.appreciation.deleteMany({ where: { userId: actor.id, ...where } });
      if (updateId) await onUpdateAppreciationWithdrawn(tx, { updateId });
    }
    const count = await tx.appreciation.count({ where });
    return ok({ appreciated, count, updateId: target.updateId });
  },
});
