"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formValues, type ActionResult } from "@/lib/action-result";
import { rememberLocale } from "@/lib/i18n/locale-cookie";
import { getCurrentUser } from "@/lib/session";
import * as profiles from "./service";

// Thin wrappers: read the form, find the signed-in user, call the service, refresh what shows the person.

/** The person's name and face show on many pages: refresh them all. */
function revalidatePerson() {
  revalidatePath("/", "layout");
}

export async function updateProfileAction(_previous: unknown, formData: FormData): Promise<ActionResult> {
  const result = await profiles.updateProfile({ actor: await getCurrentUser(), input: formValues(formData) });
  if (!result.ok) return result;
  // The account's language applies at once in this browser, as the language switch does.
  await rememberLocale(result.data.locale);
  revalidatePerson();
  return { ok: true, data: null };
}

/** Back to initials; the page says so (its remove button is gone then, so it cannot hold the message). */
export async function removeAvatarAction(_previous: unknown, formData: FormData): Promise<ActionResult> {
  const result = await profiles.removeAvatar({ actor: await getCurrentUser(), input: formValues(formData) });
  if (!result.ok) return result;
  revalidatePerson();
  redirect("/profiel/gegevens?foto=verwijderd#foto");
}
