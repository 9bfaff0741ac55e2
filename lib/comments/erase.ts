import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/mutation";

/**
 * Empties a comment for good (its author deleting it, a coordinator, or an
 * account being removed). The row stays, so replies keep their thread
 * ("verwijderd" shows where it had replies); the text, its earlier versions,
 * its mentions and its appreciations go, and a shown comment stops counting.
 * `only` narrows which comment may be erased (its author's own). Returns what
 * was erased, or null when nothing matched (gone already, or not allowed).
 */
export async function eraseComment(
  tx: Tx,
  commentId: string,
  only: Prisma.CommentWhereInput = {},
): Promise<{ id: string; updateId: string } | null> {
  const existing = await tx.comment.findFirst({
    where: { ...only, id: commentId, deletedAt: null },
    select: { id: true, updateId: true, hiddenAt: true },
  });
  if (!existing) return null;
  const { count } = await tx.comment.updateMany({ where: { id: existing.id, deletedAt: null }, data: { deletedAt: new Date(), body: "" } });
  if (count === 0) return null;
  await tx.commentRevision.deleteMany({ where: { commentId: existing.id } });
  await tx.mention.deleteMany({ where: { commentId: existing.id } });
  await tx.appreciation.deleteMany({ where: { commentId: existing.id } });
  // A hidden comment was not counted any more.
  if (!existing.hiddenAt) await tx.update.update({ where: { id: existing.updateId }, data: { commentCount: { decrement: 1 } } });
  return { id: existing.id, updateId: existing.updateId };
}
