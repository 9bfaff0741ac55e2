import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { LessonStatus } from "@/lib/generated/prisma/enums";
import { availableEvidenceWhere, evidenceOfUpdateWhere, isAvailableEvidence } from "@/lib/policy/lessons";
import { tagFields } from "@/lib/taxonomy/tags";

// Reads for the lessons pages, the update page and the programme report.
// Which citations count is decided once, in lib/policy/lessons.ts.

const opgaveSelect = { select: { opgave: { select: { ...tagFields, sortOrder: true } } } } as const;
const updateRefSelect = {
  id: true,
  title: true,
  status: true,
  hiddenAt: true,
  experiment: { select: { municipality: { select: { name: true, slug: true } } } },
} as const;

type Tag = { id: string; name: string; slug: string; color: string; sortOrder: number };

/** The opgaven of all the cited updates, each once, in the coordinators' order. */
function distinctOpgaven(lists: { opgave: Tag }[][]): Omit<Tag, "sortOrder">[] {
  const byId = new Map<string, Tag>();
  for (const rows of lists) for (const { opgave } of rows) byId.set(opgave.id, opgave);
  return [...byId.values()]
    .sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, "nl"))
    .map(({ sortOrder: _order, ...tag }) => tag);
}

/** The lessons for /lessen (optionally of one status), most recently changed first, with their available evidence and its opgaven. */
export async function listLessons({ status }: { status?: LessonStatus } = {}) {
  const lessons = await db.lesson.findMany({
    where: status ? { status } : {},
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    select: {
      id: true,
      title: true,
      status: true,
      updatedAt: true,
      evidence: {
        where: availableEvidenceWhere,
        select: { update: { select: { opgaven: opgaveSelect } }, comment: { select: { update: { select: { opgaven: opgaveSelect } } } } },
      },
    },
  });
  return lessons.map(({ evidence, ...lesson }) => ({
    ...lesson,
    evidenceCount: evidence.length,
    opgaven: distinctOpgaven(evidence.map((row) => (row.update ?? row.comment?.update)?.opgaven ?? [])),
  }));
}

export type LessonListItem = Awaited<ReturnType<typeof listLessons>>[number];

const EXCERPT_LENGTH = 200;

/** A comment's first words as plain text (its Markdown marks left out), for a citation. */
export function commentExcerpt(body: string): string {
  const text = body
    .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_`>#~]+/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH - 1).trimEnd()}…` : text;
}

type UpdateRef = Prisma.UpdateGetPayload<{ select: typeof updateRefSelect }>;
const citedUpdate = (update: UpdateRef) => ({ id: update.id, title: update.title, municipality: update.experiment.municipality });

/** One lesson with all its citations; a citation of content no longer available carries nothing of that content. */
export async function getLesson(id: string) {
  const lesson = await db.lesson.findUnique({
    where: { id },
    select: {
      id: true,
      title: true,
      body: true,
      status: true,
      createdAt: true,
      updatedAt: true,
      author: { select: { name: true } },
      evidence: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          note: true,
          createdAt: true,
          update: { select: updateRefSelect },
          comment: {
            select: {
              id: true,
              body: true,
              deletedAt: true,
              hiddenAt: true,
              author: { select: { name: true } },
              update: { select: updateRefSelect },
            },
          },
        },
      },
    },
  });
  if (!lesson) return null;
  const evidence = lesson.evidence.map(({ update, comment, ...row }) => {
    const available = isAvailableEvidence({ update, comment });
    if (available && update) return { ...row, available: true as const, update: citedUpdate(update), comment: null };
    if (available && comment)
      return {
        ...row,
        available: true as const,
        update: citedUpdate(comment.update),
        comment: { id: comment.id, excerpt: commentExcerpt(comment.body), authorName: comment.author.name },
      };
    return { ...row, available: false as const };
  });
  return { ...lesson, evidence, evidenceCount: evidence.filter((row) => row.available).length };
}

export type LessonPage = NonNullable<Awaited<ReturnType<typeof getLesson>>>;
export type Citation = LessonPage["evidence"][number];

/** The lesson's fields for its edit form. */
export function getLessonForEdit(id: string) {
  return db.lesson.findUnique({ where: { id }, select: { id: true, title: true, body: true, status: true } });
}

/** The lessons that cite an update or one of its shown comments (the update page's "Lessen die deze update aanhalen"). */
export function listLessonsCiting(updateId: string) {
  return db.lesson.findMany({
    where: { evidence: { some: evidenceOfUpdateWhere(updateId) } },
    orderBy: [{ status: "desc" }, { title: "asc" }],
    select: { id: true, title: true, status: true },
  });
}

/** Every lesson's id and title, for the "add to a lesson" choice on an update page (staff only). */
export function listLessonChoices() {
  return db.lesson.findMany({ orderBy: [{ title: "asc" }, { id: "asc" }], select: { id: true, title: true } });
}

/**
 * The lessons for the programme report: status, title, how many citations
 * count, and the updates they cite (a comment citation counts for its update).
 * With a period (instants, both inclusive), only the lessons that existed by
 * its end, and only the citations added within it; without one, everything.
 * Confirmed lessons first.
 */
export async function listLessonsWithEvidence({ from, to }: { from?: Date; to?: Date } = {}) {
  const addedWithin: Prisma.DateTimeFilter = { ...(from ? { gte: from } : {}), ...(to ? { lte: to } : {}) };
  const lessons = await db.lesson.findMany({
    where: to ? { createdAt: { lte: to } } : {},
    orderBy: [{ status: "desc" }, { title: "asc" }, { id: "asc" }],
    select: {
      id: true,
      title: true,
      status: true,
      evidence: {
        where: { AND: [availableEvidenceWhere, { createdAt: addedWithin }] },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { update: { select: { id: true, title: true } }, comment: { select: { update: { select: { id: true, title: true } } } } },
      },
    },
  });
  return lessons.map(({ evidence, ...lesson }) => {
    const updates = new Map<string, { id: string; title: string }>();
    for (const row of evidence) {
      const update = row.update ?? row.comment?.update;
      if (update) updates.set(update.id, update);
    }
    return { ...lesson, evidenceCount: evidence.length, citedUpdates: [...updates.values()] };
  });
}

export type ReportLesson = Awaited<ReturnType<typeof listLessonsWithEvidence>>[number];
