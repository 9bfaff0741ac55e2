"use server";

import { revalidatePath } from "next/cache";
import { formValues, type ActionResult } from "@/lib/action-result";
import { getCurrentUser } from "@/lib/session";
import { toggleAppreciation, type AppreciationState } from "./service";

/** Switches a "nuttig" mark on an update or comment; the form says which state it wants. */
export async function toggleAppreciationAction(_previous: unknown, formData: FormData): Promise<ActionResult<AppreciationState>> {
  const result = await toggleAppreciation({ actor: await getCurrentUser(), input: formValues(formData) });
  if (result.ok) revalidatePath(`/updates/${result.data.updateId}`);
  return result;
}
