"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formValues, type ActionResult } from "@/lib/action-result";
import { isId } from "@/lib/route-params";
import { getCurrentUser } from "@/lib/session";
import { saveEmailPreferences } from "./preferences";
import { markAllNotificationsRead, markNotificationRead, openNotification } from "./service";
import { recordVisit } from "./visits";

// Thin wrappers: find the signed-in user, call the service, refresh the pages
// that show the result. The mark-read and open actions are plain form actions, so
// the buttons work without JavaScript too.

export async function markNotificationReadAction(formData: FormData): Promise<void> {
  const result = await markNotificationRead({ actor: await getCurrentUser(), input: formValues(formData) });
  if (result.ok) revalidatePath("/", "layout");
}

/**
 * Opening a notification from the list: marks it read, then goes to the exact
 * comment (`/updates/<id>#reactie-<commentId>`). A POST, so that nothing but
 * the person's own click changes it; someone else's or an unknown id goes back to the list.
 */
export async function openNotificationAction(formData: FormData): Promise<void> {
  const { notificationId } = formValues(formData);
  const target = await openNotification({
    actor: await getCurrentUser(),
    notificationId: typeof notificationId === "string" ? notificationId.trim() : "",
  });
  if (target) revalidatePath("/", "layout");
  redirect(target ?? "/meldingen");
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
  // A plain argument, not FormData: anything but an id (a NUL byte, say) is not looked up.
  if (!user || !isId(updateId)) return;
  await recordVisit(user.id, updateId);
}
