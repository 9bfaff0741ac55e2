import "server-only";
import { fail, ok, type ActionResult } from "@/lib/action-result";
import { mutation, type Tx } from "@/lib/mutation";
import { listedCommentWhere } from "@/lib/policy/comments";
import { listedUpdateWhere } from "@/lib/policy/updates";
import {
  citationSchema,
  evidenceRemoveSchema,
  lessonDeleteSchema,
  lessonSchema,
  lessonStatusSchema,
  lessonUpdateSchema,
  type CitationTarget,
} from "./schema";

// Coordinators and admins curate the programme's lessons: each write goes
// through the pipeline (lib/mutation.ts) with its audit event in the same
// transaction. A lesson's status may move either way (new evidence can
// weaken a lesson too); every change is in the audit log with its reason.

type Saved = { id: string };

const notFound = () => fail("lessons.notFound");

/** Marks the lesson as just changed (new or removed evidence), so lists show it as recent; false when it is gone. */
async function touchLesson(tx: Tx, lessonId: string): Promise<boolean> {
  const { count } = await tx.lesson.updateMany({ where: { id: lessonId }, data: { updatedAt: new Date() } });
  return count === 1;
}

/**
 * The row to store for a citation, if everyone may read what it cites: a
 * listed update, or a shown comment on one. A comment citation stores only the
 * comment, so deleting the comment leaves both ids empty ("niet meer beschikbaar").
 */
async function citableTarget(tx: Tx, target: CitationTarget): Promise<ActionResult<{ updateId: string | null; commentId: string | null }>> {
  if (target.commentId) {
    const comment = await tx.comment.findFirst({
      where: { id: target.commentId, updateId: target.updateId, ...listedCommentWhere },
      select: { id: true },
    });
    return comment ? ok({ updateId: null, commentId: comment.id }) : fail("form.invalid", { link: ["lessons.commentNotCitable"] });
  }
  const update = await tx.update.findFirst({ where: { id: target.updateId, ...listedUpdateWhere }, select: { id: true } });
  return update ? ok({ updateId: update.id, commentId: null }) : fail("form.invalid", { link: ["lessons.updateNotCitable"] });
}

export const createLesson = mutation("lesson:curate", {
  schema: lessonSchema,
  run: async ({ tx, actor, data }) => ok(await tx.lesson.create({ data: { ...data, authorId: actor.id }, select: { id: true } })),
  audit: ({ data, result }) => ({ type: "lesson.create", targetId: result.id, data: { title: data.title, status: data.status } }),
});

export const updateLesson = mutation("lesson:curate", {
  schema: lessonUpdateSchema,
  run: async ({ tx, data: { lessonId, ...after }, record }): Promise<ActionResult<Saved>> => {
    const before = await tx.lesson.findUnique({ where: { id: lessonId }, select: { title: true, body: true } });
    if (!before) return notFound();
    await tx.lesson.update({ where: { id: lessonId }, data: after });
    record({ type: "lesson.update", targetId: lessonId, data: { before, after } });
    return ok({ id: lessonId });
  },
});

export const changeLessonStatus = mutation("lesson:curate", {
  schema: lessonStatusSchema,
  run: async ({ tx, data: { lessonId, status, reason }, record }): Promise<ActionResult<Saved & { changed: boolean }>> => {
    const before = await tx.lesson.findUnique({ where: { id: lessonId }, select: { status: true } });
    if (!before) return notFound();
    // Choosing the status it already has changes nothing, so there is nothing to log.
    if (before.status === status) return ok({ id: lessonId, changed: false });
    await tx.lesson.update({ where: { id: lessonId }, data: { status } });
    record({ type: "lesson.status-change", targetId: lessonId, reason, data: { before, after: { status } } });
    return ok({ id: lessonId, changed: true });
  },
});

export const deleteLesson = mutation("lesson:curate", {
  schema: lessonDeleteSchema,
  run: async ({ tx, data: { lessonId }, record }): Promise<ActionResult<Saved>> => {
    const before = await tx.lesson.findUnique({
      where: { id: lessonId },
      select: { title: true, status: true, _count: { select: { evidence: true } } },
    });
    if (!before) return notFound();
    // Its citations go with it (onDelete: Cascade); the audit row keeps the title and how many there were.
    const { count } = await tx.lesson.deleteMany({ where: { id: lessonId } });
    if (count !== 1) return notFound();
    record({
      type: "lesson.delete",
      targetId: lessonId,
      data: { title: before.title, status: before.status, evidence: before._count.evidence },
    });
    return ok({ id: lessonId });
  },
});

export const citeInLesson = mutation("lesson:curate", {
  schema: citationSchema,
  run: async ({ tx, data: { lessonId, link, note }, record }): Promise<ActionResult<Saved & { lessonId: string }>> => {
    if (!(await touchLesson(tx, lessonId))) return notFound();
    const target = await citableTarget(tx, link);
    if (!target.ok) return target;
    const cited = target.data;
    const already = await tx.lessonEvidence.count({ where: { lessonId, ...cited } });
    if (already) return fail("form.invalid", { link: ["lessons.alreadyCited"] });
    const evidence = await tx.lessonEvidence.create({ data: { lessonId, ...cited, note }, select: { id: true } });
    record({ type: "lesson.cite", targetId: lessonId, data: { evidenceId: evidence.id, ...cited, note } });
    return ok({ id: evidence.id, lessonId });
  },
});

export const removeEvidence = mutation("lesson:curate", {
  schema: evidenceRemoveSchema,
  run: async ({ tx, data: { evidenceId }, record }): Promise<ActionResult<Saved & { lessonId: string }>> => {
    const evidence = await tx.lessonEvidence.findUnique({
      where: { id: evidenceId },
      select: { lessonId: true, updateId: true, commentId: true, note: true },
    });
    if (!evidence) return fail("lessons.evidenceNotFound");
    const { count } = await tx.lessonEvidence.deleteMany({ where: { id: evidenceId } });
    if (count !== 1) return fail("lessons.evidenceNotFound");
    await touchLesson(tx, evidence.lessonId);
    const { lessonId, ...cited } = evidence;
    record({ type: "lesson.uncite", targetId: lessonId, data: { evidenceId, ...cited } });
    return ok({ id: evidenceId, lessonId });
  },
});
