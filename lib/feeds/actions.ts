"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/action-result";
import { appUrl } from "@/lib/app-url";
import { getCurrentUser } from "@/lib/session";
import * as feeds from "./service";

// Thin wrappers: find the signed-in user, call the service, refresh the profile page.

/** Makes a new personal feed link (the old one stops) and answers it, once. */
export async function createFeedTokenAction(_previous: unknown, _formData: FormData): Promise<ActionResult<{ url: string }>> {
  const result = await feeds.createFeedToken({ actor: await getCurrentUser() });
  if (!result.ok) return result;
  revalidatePath("/profiel");
  return { ok: true, data: { url: appUrl(`/feed/${result.data.token}`) } };
}

export async function revokeFeedTokenAction(_previous: unknown, _formData: FormData): Promise<ActionResult> {
  const result = await feeds.revokeFeedToken({ actor: await getCurrentUser() });
  if (result.ok) revalidatePath("/profiel");
  return result;
}
