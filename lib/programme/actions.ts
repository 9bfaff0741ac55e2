"use server";

import { revalidatePath } from "next/cache";
import { formValues, type ActionResult } from "@/lib/action-result";
import { getCurrentUser } from "@/lib/session";
import * as programme from "./service";

// Thin wrappers: read the form, find the signed-in user, call the service
// (which validates and checks permission), refresh the affected pages.

type Saved = ActionResult<{ id: string; slug: string }>;

/** The form's fields; checkbox groups (several values under one name) as lists. */
function programmeValues(formData: FormData) {
  return formValues(formData, ["wijkIds", "leaderIds"]);
}

/** Names, counts and timelines of the programme show on all of these. */
function revalidateProgramme() {
  revalidatePath("/");
  revalidatePath("/gemeenten");
  revalidatePath("/gemeenten/[slug]", "page");
  revalidatePath("/experimenten/[slug]", "page");
  revalidatePath("/beheer/programma");
  revalidatePath("/beheer/programma/gemeenten/[id]", "page");
  revalidatePath("/beheer/programma/experimenten/[id]", "page");
}

async function run(
  service: (options: { actor: Awaited<ReturnType<typeof getCurrentUser>>; input: unknown }) => Promise<Saved>,
  formData: FormData,
) {
  const result = await service({ actor: await getCurrentUser(), input: programmeValues(formData) });
  if (result.ok) revalidateProgramme();
  return result;
}

export async function createMunicipalityAction(_previous: unknown, formData: FormData): Promise<Saved> {
  return run(programme.createMunicipality, formData);
}

export async function updateMunicipalityAction(_previous: unknown, formData: FormData): Promise<Saved> {
  return run(programme.updateMunicipality, formData);
}

export async function createWijkAction(_previous: unknown, formData: FormData): Promise<Saved> {
  return run(programme.createWijk, formData);
}

export async function updateWijkAction(_previous: unknown, formData: FormData): Promise<Saved> {
  return run(programme.updateWijk, formData);
}

export async function createExperimentAction(_previous: unknown, formData: FormData): Promise<Saved> {
  return run(programme.createExperiment, formData);
}

export async function updateExperimentAction(_previous: unknown, formData: FormData): Promise<Saved> {
  return run(programme.updateExperiment, formData);
}
