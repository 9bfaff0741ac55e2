import { z } from "zod";
import { LessonStatus } from "@/lib/generated/prisma/enums";
import { EVIDENCE_NOTE_MAX, LESSON_BODY_MAX, LESSON_TITLE_MAX } from "./limits";

export { EVIDENCE_NOTE_MAX, LESSON_BODY_MAX, LESSON_TITLE_MAX, lessonStatuses } from "./limits";

const CITATION_MAX = 2000;
const REASON_MAX = 500;

const idSchema = z.string({ error: "form.invalid" }).trim().min(1, { error: "form.invalid" }).max(100, { error: "form.invalid" });

const titleSchema = z
  .string({ error: "lessons.titleRequired" })
  .trim()
  .min(1, { error: "lessons.titleRequired", abort: true })
  .min(3, { error: "lessons.titleTooShort" })
  .max(LESSON_TITLE_MAX, { error: "lessons.titleTooLong" });

const bodySchema = z
  .string({ error: "lessons.bodyRequired" })
  .trim()
  .min(1, { error: "lessons.bodyRequired", abort: true })
  .max(LESSON_BODY_MAX, { error: "lessons.bodyTooLong" });

const statusSchema = z.enum(LessonStatus, { error: "lessons.statusInvalid" });

export const lessonSchema = z.object({ title: titleSchema, body: bodySchema, status: statusSchema.default("HYPOTHESE") });
export const lessonUpdateSchema = z.object({ lessonId: idSchema, title: titleSchema, body: bodySchema });

export const lessonStatusSchema = z.object({
  lessonId: idSchema,
  status: statusSchema,
  reason: z
    .string()
    .trim()
    .max(REASON_MAX, { error: "lessons.reasonTooLong" })
    .nullish()
    .transform((value) => value || undefined),
});

export const lessonDeleteSchema = z.object({
  lessonId: idSchema,
  confirm: z.literal("on", { error: "lessons.confirmDelete" }),
});

/** What a pasted link points at: an update, or one comment on it. */
export type CitationTarget = { updateId: string; commentId: string | null };

const ID = "[A-Za-z0-9_-]{1,100}";
const UPDATE_LINK = new RegExp(`(?:^|/)updates/(${ID})(?:[/?#]|$)`);
const COMMENT_ANCHOR = new RegExp(`#reactie-(${ID})$`);
const BARE_ID = new RegExp(`^${ID}$`);

/**
 * Reads what a coordinator pasted: the address of an update ("/updates/<id>",
 * with or without the site in front), the link to a comment on it
 * (".../updates/<id>#reactie-<commentId>", as "Link naar deze reactie" gives),
 * or an update's bare id. Null for anything else.
 */
export function parseCitationLink(text: string): CitationTarget | null {
  const value = text.trim();
  if (BARE_ID.test(value)) return { updateId: value, commentId: null };
  let path = value;
  try {
    // A full address: only its path and fragment matter, whatever the site.
    const url = new URL(value);
    path = `${url.pathname}${url.hash}`;
  } catch {
    // Not a full address: read it as a path.
  }
  const update = UPDATE_LINK.exec(path);
  if (!update?.[1]) return null;
  const comment = COMMENT_ANCHOR.exec(path);
  return { updateId: update[1], commentId: comment?.[1] ?? null };
}

const citationLinkSchema = z
  .string({ error: "lessons.citationRequired" })
  .trim()
  .min(1, { error: "lessons.citationRequired", abort: true })
  .max(CITATION_MAX, { error: "lessons.citationUnrecognised", abort: true })
  .transform((value, context) => {
    const target = parseCitationLink(value);
    if (!target) context.addIssue({ code: "custom", message: "lessons.citationUnrecognised" });
    return target ?? { updateId: "", commentId: null };
  });

export const citationSchema = z.object({
  lessonId: z
    .string({ error: "lessons.lessonRequired" })
    .trim()
    .min(1, { error: "lessons.lessonRequired" })
    .max(100, { error: "form.invalid" }),
  link: citationLinkSchema,
  note: z
    .string()
    .trim()
    .max(EVIDENCE_NOTE_MAX, { error: "lessons.noteTooLong" })
    .nullish()
    .transform((value) => value ?? ""),
});

export const evidenceRemoveSchema = z.object({ evidenceId: idSchema });

export type LessonInput = z.output<typeof lessonSchema>;
