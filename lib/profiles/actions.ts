"use server";

import { revalidatePath } from "next/cache";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { formValues, type ActionResult } from "@/lib/action-result";
import { requestIsHttps } from "@/lib/auth";
import { LOCALE_COOKIE } from "@/lib/i18n/config";
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
  const secure = requestIsHttps(await headers());
  (await cookies()).set(LOCALE_COOKIE, result.data.locale, {
    path: "/",
    sameSite: "lax",
    httpOnly: true,
    secure,
    maxAge: 365 * 24 * 60 * 60,
  });
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
