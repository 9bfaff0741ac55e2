"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { fail, formValues, ok, withoutNul, type ActionResult } from "@/lib/action-result";
import { deliverQueued } from "@/lib/email/queue";
import { can } from "@/lib/policy/permissions";
import { getCurrentUser } from "@/lib/session";
import { UPDATE_ARRAY_FIELDS, UPDATE_BODY_MAX } from "./schema";
import * as updates from "./service";

// Thin wrappers: read the form, find the signed-in user, call the service
// (which validates and checks permission), refresh the affected pages.

/** An optional id field from formValues: "" and absent both mean none. */
function optionalId(value: string | string[] | undefined): string | undefined {
  return typeof value === "string" && value.trim() ? value.trim() : undefined;
}

function revalidateUpdate(id: string) {
  revalidatePath("/updates");
  revalidatePath("/updates/concepten");
  revalidatePath(`/updates/${id}`);
  revalidatePath(`/updates/${id}/versies`);
  // Experiment and municipality pages show the timeline of published updates.
  revalidatePath("/experimenten/[slug]", "page");
  revalidatePath("/gemeenten/[slug]", "page");
}

/** Saves (or publishes) an update from the editor; on success, to the update's page. */
export async function saveUpdateAction(_previous: unknown, formData: FormData): Promise<ActionResult<{ id: string; status: string }>> {
  const input = formValues(formData, UPDATE_ARRAY_FIELDS);
  const result = await updates.saveUpdate({ actor: await getCurrentUser(), input, updateId: optionalId(input.updateId) });
  if (!result.ok) return result;
  revalidateUpdate(result.data.id);
  // Followers' immediate emails were queued in the update's transaction.
  after(() => deliverQueued());
  redirect(`/updates/${encodeURIComponent(result.data.id)}`);
}

/**
 * The editor's autosave: answers the draft's id and the time it was saved,
 * and stays on the page. It revalidates nothing, since that would re-render
 * the editor under the writer's hands; the pages that list drafts are
 * rendered per request.
 */
export async function autosaveUpdateAction(formData: FormData): Promise<ActionResult<{ id: string; savedAt: string }>> {
  const input = formValues(formData, UPDATE_ARRAY_FIELDS);
  const result = await updates.autosaveUpdate({ actor: await getCurrentUser(), input, updateId: optionalId(input.updateId) });
  return result.ok ? ok({ id: result.data.id, savedAt: result.data.updatedAt.toISOString() }) : result;
}

/** The author takes a published update back; it then shows as withdrawn on its page. */
export async function withdrawUpdateAction(_previous: unknown, formData: FormData): Promise<ActionResult> {
  const input = formValues(formData);
  const result = await updates.withdrawUpdate({ actor: await getCurrentUser(), input });
  if (!result.ok) return result;
  const id = String(input.updateId ?? "").trim();
  revalidateUpdate(id);
  redirect(`/updates/${encodeURIComponent(id)}`);
}

/**
 * The editor's preview: checks the text as saving would (signed in, may
 * write, not too long) and hands it back for the client to render with the
 * same sanitizing Markdown component the update page uses.
 */
export async function previewMarkdownAction(text: unknown): Promise<ActionResult<{ markdown: string }>> {
  const actor = await getCurrentUser();
  if (!can(actor, "markdown:preview")) return fail("permission.denied");
  if (typeof text !== "string") return fail("form.invalid");
  // The preview shows what saving would store: formValues drops NUL characters there.
  const markdown = withoutNul(text);
  if (markdown.length > UPDATE_BODY_MAX) return fail("update.bodyTooLong");
  return ok({ markdown });
}
