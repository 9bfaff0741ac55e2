"use server";

import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { formValues, type ActionResult } from "@/lib/action-result";
import { deliverQueued } from "@/lib/email/queue";
import { getCurrentUser } from "@/lib/session";
import * as moderation from "./service";
import { setAutoHideThreshold } from "./settings";

// Thin wrappers: the form, the signed-in person, the service (which checks
// permission and input), then the pages that show the item are refreshed and
// the notices' immediate emails sent.

type Service<T> = (args: { actor: Awaited<ReturnType<typeof getCurrentUser>>; input: unknown }) => Promise<ActionResult<T>>;

async function run<T>(service: Service<T>, formData: FormData): Promise<ActionResult<T>> {
  const input = formValues(formData);
  const result = await service({ actor: await getCurrentUser(), input });
  if (!result.ok) return result;
  const updateId =
    typeof input.updateId === "string" ? input.updateId : typeof input.contextUpdateId === "string" ? input.contextUpdateId : null;
  if (updateId) revalidatePath(`/updates/${encodeURIComponent(updateId)}`);
  revalidatePath("/updates");
  revalidatePath("/beheer/moderatie");
  revalidatePath("/meldingen");
  after(() => deliverQueued());
  return result;
}

export async function reportAction(_previous: unknown, formData: FormData) {
  return run(moderation.reportContent, formData);
}
export async function hideAction(_previous: unknown, formData: FormData) {
  return run(moderation.hideContent, formData);
}
export async function unhideAction(_previous: unknown, formData: FormData) {
  return run(moderation.unhideContent, formData);
}
export async function deleteCommentAsModeratorAction(_previous: unknown, formData: FormData) {
  return run(moderation.deleteCommentAsModerator, formData);
}
export async function lockThreadAction(_previous: unknown, formData: FormData) {
  return run(moderation.lockThread, formData);
}
export async function unlockThreadAction(_previous: unknown, formData: FormData) {
  return run(moderation.unlockThread, formData);
}
export async function withdrawUpdateAsModeratorAction(_previous: unknown, formData: FormData) {
  return run(moderation.withdrawUpdateAsModerator, formData);
}
export async function restoreUpdateAsModeratorAction(_previous: unknown, formData: FormData) {
  return run(moderation.restoreUpdateAsModerator, formData);
}
export async function dismissReportsAction(_previous: unknown, formData: FormData) {
  return run(moderation.dismissReports, formData);
}
export async function claimItemAction(_previous: unknown, formData: FormData) {
  return run(moderation.claimItem, formData);
}
export async function releaseItemAction(_previous: unknown, formData: FormData) {
  return run(moderation.releaseItem, formData);
}
export async function setAutoHideThresholdAction(_previous: unknown, formData: FormData) {
  return run(setAutoHideThreshold, formData);
}
