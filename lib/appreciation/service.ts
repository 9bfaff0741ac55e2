import "server-only";
import { fail, ok, type ActionResult } from "@/lib/action-result";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { can, type Actor } from "@/lib/permissions";
import { appreciationTargetSchema } from "./schema";

export type AppreciationState = {
  appreciated: boolean;
  count: number;
  /** The update the mark belongs to (for a comment: the update it is on). */
  updateId: string;
};

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** The target, if it may be marked: a published update, or a shown comment on one. */
async function findTarget(target: { updateId?: string; commentId?: string }) {
  if (target.updateId) {
    const update = await db.update.findFirst({ where: { id: target.updateId, status: "PUBLISHED" }, select: { id: true, authorId: true } });
    return update ? { updateId: update.id, authorId: update.authorId } : null;
  }
  const comment = await db.comment.findFirst({
    where: { id: target.commentId, deletedAt: null, hiddenAt: null, update: { status: "PUBLISHED" } },
    select: { updateId: true, authorId: true },
  });
  return comment;
}

/**
 * One "nuttig" mark per person per update or comment, switched on or off.
 * Every signed-in role may mark (the same people who may comment), but not
 * their own update or comment: a mark says someone else found it useful.
 * A unique index keeps it at one mark per person, also under double clicks.
 */
export async function toggleAppreciation({ actor, input }: { actor: Actor | null; input: unknown }): Promise<ActionResult<AppreciationState>> {
  if (!can(actor, "comment:create")) return fail("permission.denied");
  const parsed = appreciationTargetSchema.safeParse(input);
  if (!parsed.success) return fail("comment.appreciationTargetGone");
  const { updateId, commentId, appreciated: wanted } = parsed.data;

  const target = await findTarget({ updateId, commentId });
  if (!target) return fail("comment.appreciationTargetGone");
  if (target.authorId === actor.id) return fail("comment.appreciateOwn");

  const where: Prisma.AppreciationWhereInput = updateId ? { updateId } : { commentId };
  const mine = updateId
    ? ({ userId_updateId: { userId: actor.id, updateId } } as const)
    : ({ userId_commentId: { userId: actor.id, commentId: commentId ?? "" } } as const);

  const existing = await db.appreciation.findUnique({ where: mine, select: { id: true } });
  const appreciated = wanted ?? !existing;
  if (appreciated && !existing) {
    try {
      await db.appreciation.create({ data: { userId: actor.id, updateId: updateId ?? null, commentId: commentId ?? null } });
    } catch (error) {
      // A second click that arrived at the same time: the mark is there, as wanted.
      if (!isUniqueViolation(error)) throw error;
    }
  } else if (!appreciated && existing) {
    await db.appreciation.deleteMany({ where: { userId: actor.id, ...where } });
  }
  const count = await db.appreciation.count({ where });
  return ok({ appreciated, count, updateId: target.updateId });
}
