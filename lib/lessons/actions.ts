"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formValues, type ActionResult } from "@/lib/action-result";
import { getCurrentUser } from "@/lib/session";
import * as lessons from "./service";

// Thin wrappers: read the form, find the signed-in user, call the service
// (which validates and checks permission), refresh the affected pages.

type Service<T> = (options: { actor: Awaited<ReturnType<typeof getCurrentUser>>; input: unknown }) => Promise<ActionResult<T>>;

/** Lessons show on their own pages and, through their citations, on update pages. */
function revalidateLessons() {
  revalidatePath("/lessen");
  revalidatePath("/lessen/[id]", "page");
  revalidatePath("/updates/[id]", "page");
}

async function run<T>(service: Service<T>, formData: FormData): Promise<ActionResult<T>> {
  const result = await service({ actor: await getCurrentUser(), input: formValues(formData) });
  if (result.ok) revalidateLessons();
  return result;
}

/** A new lesson; on success, to its page (where the evidence is added). */
export async function createLessonAction(_previous: unknown, formData: FormData) {
  const result = await run(lessons.createLesson, formData);
  if (result.ok) redirect(`/lessen/${encodeURIComponent(result.data.id)}`);
  return result;
}

/** Saves the title and text; on success, back to the lesson's page. */
export async function updateLessonAction(_previous: unknown, formData: FormData) {
  const result = await run(lessons.updateLesson, formData);
  if (result.ok) redirect(`/lessen/${encodeURIComponent(result.data.id)}`);
  return result;
}

export async function changeLessonStatusAction(_previous: unknown, formData: FormData) {
  return run(lessons.changeLessonStatus, formData);
}

export async function citeInLessonAction(_previous: unknown, formData: FormData) {
  return run(lessons.citeInLesson, formData);
}

export async function removeEvidenceAction(_previous: unknown, formData: FormData) {
  return run(lessons.removeEvidence, formData);
}

/** The lesson's pages are gone afterwards: back to the list, which says it worked. */
export async function deleteLessonAction(_previous: unknown, formData: FormData) {
  const result = await run(lessons.deleteLesson, formData);
  if (result.ok) redirect("/lessen?deleted=1");
  return result;
}
