"use server";

import { revalidatePath } from "next/cache";
import { formValues, type ActionResult } from "@/lib/action-result";
import { getCurrentUser } from "@/lib/session";
import { saveEmailPreferences } from "./preferences";
import { markAllNotificationsRead, markNotificationRead } from "./service";
import { recordVisit } from "./visits";

// Thin wrappers: find the signed-in user, call the service, refresh the pages
// that show the result. The two mark-read actions are plain form actions, so
// the buttons work without JavaScript too.

export async function markNotificationReadAction(formData: FormData): Promise<void> {
  const result = await markNotificationRead({ actor: await getCurrentUser(), input: formValues(formData) });
  if (result.ok) revalidatePath("/", "layout");
}

export async function markAllNotificationsReadAction(_formData: FormData): Promise<void> {
  const result = await markAllNotificationsRead({ actor: await getCurrentUser() });
  if (result.ok) revalidatePath("/", "layout");
}

export async function saveEmailPreferencesAction(_previous: unknown, formData: FormData): Promise<ActionResult<unknown>> {
  const result = await saveEmailPreferences({ actor: await getCurrentUser(), input: formValues(formData) });
  if (result.ok) revalidatePath("/instellingen/e-mail");
  return result;
}

/**
 * Called by <VisitRecorder> after an update page has rendered in the browser
 * (so link prefetches do not count as visits). No revalidation: the "nieuw"
 * marks on the page the reader is looking at stay until the next visit.
 */
export async function recordVisitAction(updateId: string): Promise<void> {
  const user = await getCurrentUser();
  if (!user || typeof updateId !== "string" || updateId.length > 100) return;
  await recordVisit(user.id, updateId);
}
