"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { formValues, type ActionResult } from "@/lib/action-result";
import { clearSessionCookie } from "@/lib/auth";
import { clientIp } from "@/lib/http/client-ip";
import { getCurrentUser } from "@/lib/session";
import { readBlockNotice, type BlockNotice } from "./block-notice";
import * as accounts from "./service";

// Thin wrappers: read the form, find the signed-in user, call the service
// (which validates and checks permission), refresh the affected pages.

export async function createInvitationAction(_previous: unknown, formData: FormData): Promise<ActionResult<{ email: string }>> {
  const actor = await getCurrentUser();
  const input = formValues(formData);
  const result = await accounts.createInvitation({ actor, input });
  if (!result.ok) return result;
  revalidatePath("/beheer/uitnodigingen");
  return {
    ok: true,
    data: {
      email: String(input.email ?? "")
        .trim()
        .toLowerCase(),
    },
  };
}

export async function revokeInvitationAction(_previous: unknown, formData: FormData): Promise<ActionResult> {
  const result = await accounts.revokeInvitation({ actor: await getCurrentUser(), input: formValues(formData) });
  if (result.ok) revalidatePath("/beheer/uitnodigingen");
  return result;
}

export async function acceptInvitationAction(_previous: unknown, formData: FormData) {
  const result = await accounts.acceptInvitation({ input: formValues(formData), ip: clientIp(await headers()) });
  if (result.ok) redirect(`/inloggen?status=accountCreated&email=${encodeURIComponent(result.data.email)}`);
  return result;
}

export async function requestPasswordResetAction(_previous: unknown, formData: FormData) {
  return accounts.requestPasswordReset({ input: formValues(formData), ip: clientIp(await headers()) });
}

/** Ends every session of the signed-in person (this one too) and clears this browser's cookie. */
export async function signOutEverywhereAction(): Promise<void> {
  const user = await getCurrentUser();
  if (user) await accounts.signOutEverywhere({ actor: user });
  await clearSessionCookie();
  redirect(user ? "/inloggen?status=signedOutEverywhere" : "/inloggen");
}

export async function resetPasswordAction(_previous: unknown, formData: FormData) {
  const result = await accounts.resetPassword({ input: formValues(formData) });
  if (result.ok) redirect(`/inloggen?status=passwordChanged&email=${encodeURIComponent(result.data.email)}`);
  return result;
}

/** Blocks or unblocks, then shows the person's page again with a status line (the form it came from is gone then). */
async function setBlocked(formData: FormData, blocked: boolean): Promise<ActionResult> {
  const input = formValues(formData);
  const result = await accounts.setUserBlocked({ actor: await getCurrentUser(), input, blocked });
  if (!result.ok) return result;
  const userId = encodeURIComponent(String(input.userId));
  revalidatePath("/beheer/gebruikers", "layout");
  redirect(`/beheer/gebruikers/${userId}?status=${blocked ? "blocked" : "unblocked"}`);
}

export async function blockUserAction(_previous: unknown, formData: FormData): Promise<ActionResult> {
  return setBlocked(formData, true);
}

export async function unblockUserAction(_previous: unknown, formData: FormData): Promise<ActionResult> {
  return setBlocked(formData, false);
}

export async function changeUserRoleAction(_previous: unknown, formData: FormData) {
  const result = await accounts.changeUserRole({ actor: await getCurrentUser(), input: formValues(formData) });
  if (result.ok) revalidatePath("/beheer/gebruikers", "layout");
  return result;
}

/**
 * The reason and end of a block, for the sign-in form, in exchange for the
 * token that only a sign-in with the right password hands out (see
 * block-notice.ts); null for anything else.
 */
export async function blockNoticeAction(token: unknown): Promise<BlockNotice | null> {
  return readBlockNotice(token);
}
