"use server";

import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { formValues, ok, type ActionResult } from "@/lib/action-result";
import { deliverQueued } from "@/lib/email/queue";
import { getCurrentUser } from "@/lib/session";
import { requestFeedback } from "./service";

// Thin wrapper: read the form, find the signed-in user, call the service, refresh the update's page.

/** Asks the chosen peers for feedback on one's own update. */
export async function requestFeedbackAction(_previous: unknown, formData: FormData): Promise<ActionResult<{ id: string }>> {
  const result = await requestFeedback({ actor: await getCurrentUser(), input: formValues(formData, ["peerIds"]) });
  if (!result.ok) return result;
  revalidatePath(`/updates/${result.data.updateId}`);
  // Immediate notification emails were queued in the request's transaction; send them once the answer is out.
  after(() => deliverQueued());
  return ok({ id: result.data.id });
}
