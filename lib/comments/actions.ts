"use server";

import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { fail, formValues, ok, withoutNul, type ActionResult } from "@/lib/action-result";
import { deliverQueued } from "@/lib/email/queue";
import { can } from "@/lib/policy/permissions";
import { isId } from "@/lib/route-params";
import { getCurrentUser } from "@/lib/session";
import { locateComment } from "./queries";
import { COMMENT_BODY_MAX, locateCommentSchema } from "./schema";
import * as comments from "./service";

// Thin wrappers: read the form, find the signed-in user, call the service
// (which validates and checks permission), refresh the update's page.

function revalidateComments(updateId: string) {
  revalidatePath(`/updates/${updateId}`);
  // The updates table shows the number of comments.
  revalidatePath("/updates");
}

/** Posts a comment or a reply. Answers the comment's id (also for a repeated clientKey). */
export async function postCommentAction(_previous: unknown, formData: FormData): Promise<ActionResult<{ id: string; threadId: string }>> {
  const result = await comments.postComment({ actor: await getCurrentUser(), input: formValues(formData) });
  if (!result.ok) return result;
  revalidateComments(result.data.updateId);
  // Immediate notification emails were queued in the comment's transaction; send them once the answer is out.
  after(() => deliverQueued());
  return ok({ id: result.data.id, threadId: result.data.threadId });
}

/** Saves an edit of one's own comment. */
export async function editCommentAction(_previous: unknown, formData: FormData): Promise<ActionResult<{ id: string }>> {
  const result = await comments.editComment({ actor: await getCurrentUser(), input: formValues(formData) });
  if (!result.ok) return result;
  revalidateComments(result.data.updateId);
  return ok({ id: result.data.id });
}

/** Deletes one's own comment. */
export async function deleteCommentAction(_previous: unknown, formData: FormData): Promise<ActionResult<{ id: string }>> {
  const result = await comments.deleteComment({ actor: await getCurrentUser(), input: formValues(formData) });
  if (!result.ok) return result;
  revalidateComments(result.data.updateId);
  return ok({ id: result.data.id });
}

/**
 * For a link to a comment (#reactie-<id>) that is not on the first page:
 * how many comments (`?reacties=`) the page must show to include it.
 */
export async function locateCommentAction(updateId: unknown, commentId: unknown): Promise<ActionResult<{ comments: number }>> {
  const actor = await getCurrentUser();
  if (!actor) return fail("permission.denied");
  // Plain arguments, not FormData: anything but an id (a NUL byte, say) is not looked up.
  if (!isId(updateId) || !isId(commentId)) return fail("comment.notFound");
  const parsed = locateCommentSchema.safeParse({ updateId, commentId });
  if (!parsed.success) return fail("comment.notFound");
  const found = await locateComment(actor, parsed.data.updateId, parsed.data.commentId);
  if (!found) return fail("comment.notFound");
  return ok({ comments: found.comments });
}

/**
 * The comment form's preview: checks the text as posting would (signed in,
 * may comment, not too long) and hands it back for the client to render with
 * the same Markdown component as the comment list. Writes nothing.
 */
export async function previewCommentAction(text: unknown): Promise<ActionResult<{ markdown: string }>> {
  const actor = await getCurrentUser();
  if (!can(actor, "comment:create")) return fail("permission.denied");
  if (typeof text !== "string") return fail("form.invalid");
  const markdown = withoutNul(text);
  if (markdown.length > COMMENT_BODY_MAX) return fail("comment.bodyTooLong");
  return ok({ markdown });
}
