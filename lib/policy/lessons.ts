import type { Prisma } from "@/lib/generated/prisma/client";
import { isShownComment, listedCommentWhere } from "./comments";
import { isListedUpdate, listedUpdateWhere } from "./updates";

/**
 * Which of a lesson's citations still count, written once: a citation of a
 * listed update, or of a shown comment on one. A citation of hidden,
 * withdrawn or deleted content stays with the lesson, but shows as "niet
 * meer beschikbaar" and counts nowhere (lists, update pages, the report).
 */

/** Citations whose content everyone may read. */
export const availableEvidenceWhere = {
  OR: [{ update: listedUpdateWhere }, { comment: listedCommentWhere }],
} as const satisfies Prisma.LessonEvidenceWhereInput;

/** Available citations of one update: of the update itself or of a shown comment on it. */
export function evidenceOfUpdateWhere(updateId: string): Prisma.LessonEvidenceWhereInput {
  return { OR: [{ updateId, update: listedUpdateWhere }, { comment: { updateId, ...listedCommentWhere } }] };
}

type HeldUpdate = { status: string; hiddenAt: Date | null };

/** Is this citation available? For code that already holds its update or comment (with the comment's update). */
export function isAvailableEvidence(evidence: {
  update: HeldUpdate | null;
  comment: { deletedAt: Date | null; hiddenAt: Date | null; update: HeldUpdate } | null;
}): boolean {
  if (evidence.update) return isListedUpdate(evidence.update);
  if (evidence.comment) return isShownComment(evidence.comment) && isListedUpdate(evidence.comment.update);
  return false;
}
