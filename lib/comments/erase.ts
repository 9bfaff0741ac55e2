import type { Tx } from "@/lib/mutation";

/**
 * Empties a comment for good (its author deleting it, a coordinator, or an
 * account being removed). The row stays, so replies keep their thread
 * ("verwijderd" shows where it had replies); the text, its earlier versions,
 * its mentions and its appreciations go, and a shown comment stops counting.
 * Returns false when it was already deleted.
 */
export async function eraseComment(tx: Tx, commentId: string): Promise<boolean> {
  const existing = await tx.comment.findFirst({
    where: { id: commentId, deletedAt: null },
    select: { id: true, updateId: true, hiddenAt: true },
  });
  if (!existing) return false;
  const { count } = await tx.comment.updateMany({ where: { id: existing.id, deletedAt: null }, data: { deletedAt: new Date(), body: "" } });
  if (count === 0) return false;
  await tx.commentRevision.deleteMany({ where: { commentId: existing.id } });
  await tx.mention.deleteMany({ where: { commentId: existing.id } });
  await tx.appreciation.deleteMany({ where: { commentId: existing.id } });
  // A hidden comment was not counted any more.
  if (!existing.hiddenAt) await tx.update.update({ where: { id: existing.updateId }, data: { commentCount: { decrement: 1 } } });
  return true;
}
