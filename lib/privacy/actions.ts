"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { formValues, type ActionResult } from "@/lib/action-result";
import { clearSessionCookie } from "@/lib/auth";
import { clientIp } from "@/lib/http/client-ip";
import { getCurrentUser } from "@/lib/session";
import * as privacy from "./service";

// Thin wrappers: read the form, find the signed-in user, call the service, then refresh or leave.

/** Deletes the signed-in person's account; this browser's cookie goes with it and they land on the privacy page. */
export async function deleteOwnAccountAction(_previous: unknown, formData: FormData): Promise<ActionResult> {
  const requestHeaders = await headers();
  // The address comes from the server, never from the form.
  const input = { ...formValues(formData), ip: clientIp(requestHeaders) };
  const result = await privacy.deleteOwnAccount({ actor: await getCurrentUser(), input });
  if (!result.ok) return result;
  await clearSessionCookie();
  redirect("/privacy?status=accountDeleted");
}

export async function anonymiseOnBehalfAction(_previous: unknown, formData: FormData): Promise<ActionResult> {
  const input = formValues(formData);
  const result = await privacy.anonymiseOnBehalf({ actor: await getCurrentUser(), input });
  if (result.ok) {
    revalidatePath(`/beheer/gebruikers/${String(input.userId)}/gegevens`);
    revalidatePath("/beheer/gebruikers");
  }
  return result;
}
