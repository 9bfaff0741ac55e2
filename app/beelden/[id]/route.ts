import type { NextRequest } from "next/server";
import { LOCALE_COOKIE } from "@/lib/i18n/config";
import { getLogger } from "@/lib/log/logger";
import { getCurrentUser } from "@/lib/session";
import { errorMessage, etagMatches, IMAGE_CACHE_CONTROL, uploadEtag } from "@/lib/uploads/http";
import { describeStorageError, findUpload } from "@/lib/uploads/service";
import { getUploadStorage } from "@/lib/uploads/storage";

/**
 * No scripts, no requests, a sandbox: an SVG could never get here, but any
 * active content stays inert anyway. On every answer, not only the image;
 * proxy.ts leaves /beelden/ without the page CSP so that this one counts.
 */
const IMAGE_CSP = "default-src 'none'; sandbox";

function plain(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": IMAGE_CSP,
    },
  });
}

/** An uploaded image, for signed-in users only. The bytes of an id never change, so it is cached for a year. */
export async function GET(request: NextRequest, context: RouteContext<"/beelden/[id]">): Promise<Response> {
  const locale = request.cookies.get(LOCALE_COOKIE)?.value;
  const { id } = await context.params;
  // proxy.ts already sends visitors to the sign-in page; check here anyway.
  const user = await getCurrentUser();
  if (!user) return plain(401, errorMessage("upload.signInRequired", locale));

  const upload = await findUpload({ actor: user, id });
  const notFound = () => plain(404, errorMessage("upload.notFound", locale));
  if (!upload) return notFound();

  const etag = uploadEtag(upload.id);
  const cacheHeaders = {
    "Cache-Control": IMAGE_CACHE_CONTROL,
    ETag: etag,
    "Last-Modified": upload.createdAt.toUTCString(),
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": IMAGE_CSP,
  };
  if (etagMatches(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers: cacheHeaders });

  let stored;
  try {
    stored = await getUploadStorage().stream(upload.storageKey);
  } catch (error) {
    getLogger("beelden").error({ uploadId: upload.id }, `Afbeelding lezen mislukt: ${describeStorageError(error)}`);
    return plain(503, errorMessage("upload.storageReadFailed", locale));
  }
  if (!stored) return notFound();
  // Streamed from the store (S3 or disk): a large image is never held in memory whole.
  return new Response(stored.body, {
    status: 200,
    headers: {
      ...cacheHeaders,
      "Content-Type": upload.contentType,
      "Content-Length": String(stored.byteSize),
      "Content-Disposition": "inline",
    },
  });
}
