import "server-only";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/policy/permissions";
import { isListedUpdate } from "@/lib/policy/updates";

/** How many marked an update or comment useful. */
export function countAppreciations(target: { updateId: string } | { commentId: string }): Promise<number> {
  return db.appreciation.count({ where: target });
}

/**
 * The "nuttig" state of an update for its page: the count, whether the actor
 * marked it, whether they may (not on their own, only while published), and —
 * for the update's author alone — who marked it. Null if the update is not there.
 */
export async function getUpdateAppreciation(actor: Actor, updateId: string) {
  const [update, count, mine] = await Promise.all([
    db.update.findUnique({ where: { id: updateId }, select: { authorId: true, status: true, hiddenAt: true } }),
    db.appreciation.count({ where: { updateId } }),
    db.appreciation.findUnique({ where: { userId_updateId: { userId: actor.id, updateId } }, select: { id: true } }),
  ]);
  if (!update) return null;
  const appreciators = update.authorId === actor.id ? await listAppreciatorsOfUpdate(actor, updateId) : null;
  return {
    count,
    appreciatedByMe: Boolean(mine),
    canAppreciate: can(actor, "appreciation:create") && isListedUpdate(update) && update.authorId !== actor.id,
    appreciators,
  };
}

/**
 * Who marked an update useful, oldest mark first — only for the update's own
 * author; everybody else gets null (the counts are public, the names are not).
 */
export async function listAppreciatorsOfUpdate(actor: Actor | null, updateId: string) {
  if (!actor) return null;
  const rows = await db.appreciation.findMany({
    where: { updateId, update: { authorId: actor.id } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { user: { select: { id: true, name: true, municipality: { select: { name: true } } } } },
  });
  if (rows.length === 0) {
    // Nothing found: either no marks yet (author: an empty list) or not the author (null).
    const own = await db.update.count({ where: { id: updateId, authorId: actor.id } });
    return own ? [] : null;
  }
  return rows.map(({ user }) => ({ id: user.id, name: user.name, municipality: user.municipality?.name ?? null }));
}
