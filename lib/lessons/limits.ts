/**
 * The lesson limits and statuses, without zod: the lesson forms (client
 * components) need them, and zod in the browser probes `new Function`, which
 * the CSP refuses. schema.ts builds on them for the server.
 */
import { LessonStatus } from "@/lib/generated/prisma/enums";

/** The statuses in the order a lesson grows: hypothese → onderbouwd → bevestigd. */
export const lessonStatuses = Object.values(LessonStatus);

export const LESSON_TITLE_MAX = 160;
export const LESSON_BODY_MAX = 20_000;
export const EVIDENCE_NOTE_MAX = 1000;
