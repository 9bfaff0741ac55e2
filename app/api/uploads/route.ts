import type { NextRequest } from "next/server";
import { z } from "zod";
import { LOCALE_COOKIE } from "@/lib/i18n/config";
import { can } from "@/lib/policy/permissions";
import { getCurrentUser } from "@/lib/session";
import { isSameOrigin, MAX_REQUEST_BYTES, readBodyLimited, uploadErrorResponse } from "@/lib/uploads/http";
import { MAX_UPLOAD_BYTES } from "@/lib/uploads/process";
import { uploadImage } from "@/lib/uploads/service";

const formSchema = z.object({
  file: z.instanceof(Blob).refine((file) => file.size > 0, "upload.empty"),
});

/**
 * POST multipart/form-data with one field "file": stores an image for an
 * update body. Answers `{ ok: true, data: { id, url, markdown } }`, or
 * `{ ok: false, error }` with a message in the user's language.
 */
export async function POST(request: NextRequest): Promise<Response> {
  const locale = request.cookies.get(LOCALE_COOKIE)?.value;
  try {
    const user = await getCurrentUser();
    if (!user) return uploadErrorResponse("upload.signInRequired", locale);
    if (!isSameOrigin(request.headers, request.nextUrl.host) || !can(user, "update:publish"))
      return uploadErrorResponse("permission.denied", locale);

    // Refuse an oversized upload before reading it.
    const declaredLength = Number(request.headers.get("content-length") ?? "0");
    if (Number.isFinite(declaredLength) && declaredLength > MAX_REQUEST_BYTES) return uploadErrorResponse("upload.tooLarge", locale);
    const contentType = request.headers.get("content-type") ?? "";
    if (!contentType.toLowerCase().startsWith("multipart/form-data")) return uploadErrorResponse("upload.missingFile", locale);

    const body = await readBodyLimited(request.body, MAX_REQUEST_BYTES);
    if (!body) return uploadErrorResponse("upload.tooLarge", locale);
    let formData: FormData;
    try {
      formData = await new Response(new Uint8Array(body), { headers: { "content-type": contentType } }).formData();
    } catch {
      return uploadErrorResponse("upload.missingFile", locale);
    }

    const parsed = formSchema.safeParse({ file: formData.get("file") ?? undefined });
    if (!parsed.success) {
      const emptyFile = parsed.error.issues.some((issue) => issue.message === "upload.empty");
      return uploadErrorResponse(emptyFile ? "upload.empty" : "upload.missingFile", locale);
    }
    const { file } = parsed.data;
    if (file.size > MAX_UPLOAD_BYTES) return uploadErrorResponse("upload.tooLarge", locale);

    const result = await uploadImage({
      actor: user,
      file: { name: file instanceof File ? file.name : "", bytes: Buffer.from(await file.arrayBuffer()) },
    });
    if (!result.ok) return uploadErrorResponse(result.error, locale);
    const { id, url } = result.data;
    return Response.json(
      { ok: true, data: { id, url, markdown: `![](${url})` } },
      { status: 201, headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    console.error("Upload mislukt:", error);
    return uploadErrorResponse("unexpected", locale);
  }
}
