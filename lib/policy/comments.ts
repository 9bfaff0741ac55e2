import { Prisma } from "@/lib/generated/prisma/client";
import { can, type Actor } from "./permissions";
import { listedUpdateWhere, visibleUpdatesWhere } from "./updates";

/**
 * Which comments a person sees, written once. A deleted or hidden comment
 * shows as a placeholder only where it holds a thread together; its text,
 * its count and its notifications are gone for everyone.
 */

/** Comments whose text is shown and counted. */
export const shownCommentWhere = { deletedAt: null, hiddenAt: null } as const satisfies Prisma.CommentWhereInput;

/** `shownCommentWhere` for raw SQL over the "Comment" table under `alias`. */
export function shownCommentSql(alias: string): Prisma.Sql {
  const table = Prisma.raw(`"${alias.replace(/"/g, "")}"`);
  return Prisma.sql`(${table}."deletedAt" IS NULL AND ${table}."hiddenAt" IS NULL)`;
}

/** Is this comment's text shown? For code that already holds the row. */
export function isShownComment(comment: { deletedAt: Date | null; hiddenAt: Date | null }): boolean {
  return comment.deletedAt === null && comment.hiddenAt === null;
}

/** Shown comments on updates that everyone sees (lists, counts, feeds, digests). */
export const listedCommentWhere = { ...shownCommentWhere, update: listedUpdateWhere } as const satisfies Prisma.CommentWhereInput;

/** Shown comments on updates the actor may read. */
export function visibleCommentsWhere(actor: Pick<Actor, "id" | "role">): Prisma.CommentWhereInput {
  return { ...shownCommentWhere, update: visibleUpdatesWhere(actor) };
}

/** The comments an actor may edit or delete as their author: their own, shown, on a listed update. */
export function ownCommentsWhere(actor: Pick<Actor, "id">): Prisma.CommentWhereInput {
  return { authorId: actor.id, ...shownCommentWhere, update: listedUpdateWhere };
}

/** Comments whose text the actor may read: shown ones, and hidden ones for their author and staff (with a banner). */
export function readableCommentWhere(actor: Pick<Actor, "id" | "role">): Prisma.CommentWhereInput {
  if (can(actor, "comment:read-hidden")) return { deletedAt: null };
  return { deletedAt: null, OR: [{ hiddenAt: null }, { authorId: actor.id }] };
}

/** May the actor read this (not deleted) comment's text, hidden or not? */
export function mayReadComment(
  actor: Pick<Actor, "id" | "role">,
  comment: { authorId: string; hiddenAt: Date | null; deletedAt: Date | null },
): boolean {
  if (comment.deletedAt) return false;
  return !comment.hiddenAt || comment.authorId === actor.id || can(actor, "comment:read-hidden");
}
