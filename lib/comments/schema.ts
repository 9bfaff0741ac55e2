import { z } from "zod";
import { COMMENT_BODY_MAX } from "./limits";

export { COMMENT_BODY_MAX, COMMENTS_PER_PAGE } from "./limits";

const id = z.string().trim().min(1).max(100);

/** Line breaks as the browser sends them (CRLF) count as one character, like in the text field. */
const commentBody = z
  .string({ error: "comment.bodyRequired" })
  .transform((text) => text.replace(/\r\n?/g, "\n").trim())
  .pipe(z.string().min(1, { error: "comment.bodyRequired" }).max(COMMENT_BODY_MAX, { error: "comment.bodyTooLong" }));

/** An empty form field means "no value". */
const optionalId = z
  .string()
  .trim()
  .max(100)
  .optional()
  .transform((value) => value || undefined);

export const postCommentSchema = z.object({
  updateId: id,
  body: commentBody,
  /** The comment this one answers (a thread's first comment or a reply in it). */
  parentId: optionalId,
  /** The feedback request this comment answers; only a peer the request asked may set it. */
  feedbackRequestId: optionalId,
  /** Made by the form (crypto.randomUUID()); the same key twice posts once. */
  clientKey: z
    .string({ error: "comment.formExpired" })
    .trim()
    .min(8, { error: "comment.formExpired" })
    .max(100, { error: "comment.formExpired" })
    .regex(/^[A-Za-z0-9_-]+$/, { error: "comment.formExpired" }),
});
export type PostCommentInput = z.infer<typeof postCommentSchema>;

export const editCommentSchema = z.object({ commentId: id, body: commentBody });

export const deleteCommentSchema = z.object({ commentId: id });

export const locateCommentSchema = z.object({ updateId: id, commentId: id });
