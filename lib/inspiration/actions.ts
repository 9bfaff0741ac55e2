"use server";

import { revalidatePath } from "next/cache";
import { fail, formValues, type ActionResult } from "@/lib/action-result";
import { getCurrentUser } from "@/lib/session";
import * as inspiration from "./service";

// Thin wrappers: the form, the signed-in person, the service (which checks
// permission, authorship and input), then the pages that show the entry.

type Changed = { entryId: string; updateId: string };
type Service = (args: { actor: Awaited<ReturnType<typeof getCurrentUser>>; input: unknown }) => Promise<ActionResult<Changed>>;
/** The result says which step went through, so one form can name it. */
type Stepped = ActionResult<Changed & { step: string }>;

async function run(service: Service, formData: FormData, step = "saved"): Promise<Stepped> {
  const result = await service({ actor: await getCurrentUser(), input: formValues(formData) });
  if (!result.ok) return result;
  revalidatePath(`/updates/${encodeURIComponent(result.data.updateId)}`);
  revalidatePath("/inspiratie");
  revalidatePath("/beheer/inspiratie");
  revalidatePath("/profiel");
  return { ok: true, data: { ...result.data, step } };
}

/** The button that was used, from a form with several (name="step"). */
function stepOf(formData: FormData): string {
  const step = formData instanceof FormData ? formData.get("step") : null;
  return typeof step === "string" ? step : "";
}

export async function proposeInspirationAction(_previous: unknown, formData: FormData) {
  return run(inspiration.proposeInspirationEntry, formData, "proposed");
}

export async function editInspirationAction(_previous: unknown, formData: FormData) {
  return run(inspiration.editInspirationEntry, formData);
}

const publication: Record<string, Service> = {
  publish: inspiration.publishInspirationEntry,
  unpublish: inspiration.unpublishInspirationEntry,
};

/** "Publiceren" or "Uit het boek halen" on the curation page. */
export async function setInspirationPublicationAction(_previous: unknown, formData: FormData): Promise<Stepped> {
  const step = stepOf(formData);
  return Object.hasOwn(publication, step) ? run(publication[step]!, formData, step) : fail("form.invalid");
}

export async function removeInspirationAction(_previous: unknown, formData: FormData) {
  return run(inspiration.removeInspirationEntry, formData, "removed");
}

const answers: Record<string, Service> = {
  accept: inspiration.acceptInspiration,
  decline: inspiration.declineInspiration,
  withdraw: inspiration.withdrawInspirationConsent,
};

/** The author's answer: accept, decline, or withdraw consent given earlier. */
export async function answerInspirationAction(_previous: unknown, formData: FormData): Promise<Stepped> {
  const step = stepOf(formData);
  return Object.hasOwn(answers, step) ? run(answers[step]!, formData, step) : fail("form.invalid");
}
