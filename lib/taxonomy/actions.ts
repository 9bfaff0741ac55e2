"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formValues, type ActionResult } from "@/lib/action-result";
import { getCurrentUser } from "@/lib/session";
import * as taxonomy from "./service";

// Thin wrappers: read the form, find the signed-in user, call the service
// (which validates and checks permission), refresh the affected pages.

type Service<T> = (options: { actor: Awaited<ReturnType<typeof getCurrentUser>>; input: unknown }) => Promise<ActionResult<T>>;

/** Tags show on nearly every page (updates, timelines, the editor's choices, filters); these writes are rare, so refresh them all. */
function revalidateTaxonomy() {
  revalidatePath("/", "layout");
}

async function run<T>(service: Service<T>, formData: FormData): Promise<ActionResult<T>> {
  const result = await service({ actor: await getCurrentUser(), input: formValues(formData) });
  if (result.ok) revalidateTaxonomy();
  return result;
}

export async function createTaxonomyAction(_previous: unknown, formData: FormData) {
  return run(taxonomy.createTaxonomy, formData);
}

export async function updateTaxonomyAction(_previous: unknown, formData: FormData) {
  return run(taxonomy.updateTaxonomy, formData);
}

export async function moveTaxonomyAction(_previous: unknown, formData: FormData) {
  return run(taxonomy.moveTaxonomy, formData);
}

export async function archiveTaxonomyAction(_previous: unknown, formData: FormData) {
  return run(taxonomy.archiveTaxonomy, formData);
}

export async function unarchiveTaxonomyAction(_previous: unknown, formData: FormData) {
  return run(taxonomy.unarchiveTaxonomy, formData);
}

/** The merged one's edit page is gone afterwards: back to the lists, which say it worked. */
export async function mergeTaxonomyAction(_previous: unknown, formData: FormData) {
  const result = await run(taxonomy.mergeTaxonomy, formData);
  if (result.ok) redirect("/beheer/taxonomie?status=merged");
  return result;
}
