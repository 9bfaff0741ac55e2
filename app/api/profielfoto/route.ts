import { revalidatePath } from "next/cache";
import type { NextRequest } from "next/server";
import { uploadAvatar } from "@/lib/profiles/service";
import { getCurrentUser } from "@/lib/session";
import { isSameOrigin, MAX_REQUEST_BYTES, readBodyLimited } from "@/lib/uploads/http";
import { MAX_UPLOAD_BYTES } from "@/lib/uploads/process";

const SETTINGS_PATH = "/profiel/gegevens";

/** Back to the settings page, which shows the outcome (an error key it knows, or "saved"). */
function backToSettings(outcome: { saved: true } | { error: string }): Response {
  const query = "saved" in outcome ? "foto=opgeslagen" : `fotofout=${encodeURIComponent(outcome.error)}`;
  return new Response(null, { status: 303, headers: { Location: `${SETTINGS_PATH}?${query}#foto`, "Cache-Control": "no-store" } });
}

/**
 * POST multipart/form-data with one field "photo", from the plain form on
 * /profiel/gegevens (it works without JavaScript, and a phone photo may be
 * larger than a server action takes): stores the signed-in person's own
 * profile photo and sends them back to the page.
 */
export async function POST(request: NextRequest): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return new Response("Log eerst in.", { status: 401, headers: { "Cache-Control": "no-store" } });
  if (!isSameOrigin(request.headers, request.nextUrl.host)) return new Response(null, { status: 403 });

  const declaredLength = Number(request.headers.get("content-length") ?? "0");
  if (Number.isFinite(declaredLength) && declaredLength > MAX_REQUEST_BYTES) return backToSettings({ error: "upload.tooLarge" });
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("multipart/form-data")) return backToSettings({ error: "upload.missingFile" });
  const body = await readBodyLimited(request.body, MAX_REQUEST_BYTES);
  if (!body) return backToSettings({ error: "upload.tooLarge" });

  let photo: FormDataEntryValue | null;
  try {
    photo = (await new Response(new Uint8Array(body), { headers: { "content-type": contentType } }).formData()).get("photo");
  } catch {
    return backToSettings({ error: "upload.missingFile" });
  }
  if (!(photo instanceof Blob)) return backToSettings({ error: "upload.missingFile" });
  if (photo.size === 0) return backToSettings({ error: "upload.missingFile" });
  if (photo.size > MAX_UPLOAD_BYTES) return backToSettings({ error: "upload.tooLarge" });

  const result = await uploadAvatar({ actor: user, input: { userId: user.id }, file: { bytes: Buffer.from(await photo.arrayBuffer()) } });
  if (!result.ok) return backToSettings({ error: result.error });
  // The face shows on many pages (updates, comments, the table): refresh them all.
  revalidatePath("/", "layout");
  return backToSettings({ saved: true });
}
