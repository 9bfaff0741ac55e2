"use server";

import { revalidatePath } from "next/cache";
import { formValues } from "@/lib/action-result";
import { getCurrentUser } from "@/lib/session";
import { follow, unfollow } from "./service";

/** `changed` is set once the person used the button, so the page can say what happened. */
export type FollowState = { following: boolean; error: string | null; changed?: boolean };

/**
 * The follow button's action: `intent` says what the person saw ("follow" or
 * "unfollow"), so a double submit does not flip it back. Answers the new state.
 * `previous` comes from the client and may be anything (null, say, from a
 * form posted before the page was interactive).
 */
export async function setFollowAction(previous: unknown, formData: FormData): Promise<FollowState> {
  const input = formValues(formData);
  const actor = await getCurrentUser();
  const result = input.intent === "unfollow" ? await unfollow({ actor, input }) : await follow({ actor, input });
  if (!result.ok) {
    // Unchanged: what the person saw, from the state or else from what the button offered.
    const shown = typeof previous === "object" && previous !== null ? (previous as { following?: unknown }).following : undefined;
    return { following: typeof shown === "boolean" ? shown : input.intent === "unfollow", error: result.error, changed: true };
  }
  revalidatePath("/volgend");
  return { following: result.data.following, error: null, changed: true };
}

/** The unfollow buttons on /volgend (plain form action, works without JavaScript). */
export async function unfollowAction(formData: FormData): Promise<void> {
  const result = await unfollow({ actor: await getCurrentUser(), input: formValues(formData) });
  if (result.ok) revalidatePath("/volgend");
}
