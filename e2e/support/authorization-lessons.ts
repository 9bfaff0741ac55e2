import { newId, sql } from "./authorization-database";

/**
 * The authorization world's lessons: for every caller a lesson to edit, cite
 * into and change the status of (with one citation to remove) and a lesson to
 * delete, so one caller's call never changes what the next one meets.
 */

export type LessonRows = { lesson: string; evidence: string; remove: string };

export async function seedLessonRows<K extends string>(input: {
  tag: string;
  callers: readonly K[];
  authorId: string;
  /** A shown comment on a listed update: what each lesson already cites. */
  commentId: string;
}): Promise<Record<K, LessonRows>> {
  const rows = {} as Record<K, LessonRows>;
  const addLesson = async (label: string) => {
    const id = newId();
    await sql(`INSERT INTO "Lesson" (id, title, body, status, "authorId", "updatedAt") VALUES ($1, $2, $3, 'HYPOTHESE', $4, now())`, [
      id,
      `Authz les ${label} ${input.tag}`,
      "Een les voor de autorisatietest.",
      input.authorId,
    ]);
    return id;
  };
  for (const caller of input.callers) {
    const lesson = await addLesson(caller);
    const evidence = newId();
    await sql(`INSERT INTO "LessonEvidence" (id, "lessonId", "commentId", note) VALUES ($1, $2, $3, 'Voor de autorisatietest.')`, [
      evidence,
      lesson,
      input.commentId,
    ]);
    rows[caller] = { lesson, evidence, remove: await addLesson(`${caller}-verwijderen`) };
  }
  return rows;
}
