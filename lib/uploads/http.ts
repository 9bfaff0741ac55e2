import "server-only";
import en from "@/lib/i18n/messages/en.json";
import nl from "@/lib/i18n/messages/nl.json";
import { MAX_UPLOAD_BYTES } from "./process";

/**
 * Helpers for the two upload routes (app/api/uploads, app/beelden/[id]).
 * Route files may only export handlers, so these live here and are tested directly.
 */

/** Room for the multipart boundaries and headers around the file itself. */
export const MULTIPART_OVERHEAD_BYTES = 64 * 1024;
/** The largest request body /api/uploads reads. */
export const MAX_REQUEST_BYTES = MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD_BYTES;

/** Ids never change content, so a browser may keep an image for a year (but only for this user). */
export const IMAGE_CACHE_CONTROL = "private, max-age=31536000, immutable";

/** The message of an error key (under `errors.`) in Dutch, or in English when the language cookie says "en". */
export function errorMessage(key: string, locale: string | undefined): string {
  const catalog = locale === "en" ? en : nl;
  let node: unknown = catalog.errors;
  for (const part of key.split(".")) {
    node = node !== null && typeof node === "object" && Object.hasOwn(node, part) ? (node as Record<string, unknown>)[part] : undefined;
  }
  return typeof node === "string" ? node : catalog.errors.unexpected;
}

/** The HTTP status for an error key of the upload service. */
export function statusForError(key: string): 400 | 401 | 403 | 413 | 500 | 503 {
  switch (key) {
    case "upload.signInRequired":
      return 401;
    case "permission.denied":
      return 403;
    case "upload.tooLarge":
    case "upload.tooManyPixels":
      return 413;
    case "unexpected":
      return 500;
    case "upload.storageUnavailable":
      return 503;
    default:
      return 400;
  }
}

/** `{ ok: false, error }` with the translated message; never a stack trace. */
export function uploadErrorResponse(key: string, locale: string | undefined, status: number = statusForError(key)): Response {
  return Response.json({ ok: false, error: errorMessage(key, locale) }, { status, headers: { "Cache-Control": "no-store" } });
}

/**
 * Reads a request body, but stops (and answers null) as soon as it grows past
 * `limit` bytes: a missing or false Content-Length cannot make the server
 * buffer an unbounded upload.
 */
export async function readBodyLimited(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Buffer | null> {
  if (!body) return Buffer.alloc(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

/**
 * A browser sends Origin with every POST from script or form; a request from
 * another site is refused (server actions do the same check). Clients that
 * send no Origin (curl, tests) are let through: they need the session cookie anyway.
 */
export function isSameOrigin(headers: Headers, requestHost?: string): boolean {
  const origin = headers.get("origin");
  if (!origin) return true;
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host") || requestHost || null;
  try {
    return host !== null && new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** The ETag of an upload: its id, which never gets other bytes. */
export function uploadEtag(id: string): string {
  return `"${id}"`;
}

/** Whether an If-None-Match header matches `etag` (weak comparison, as RFC 9110 asks for GET). */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = etag.replace(/^W\//, "");
  return ifNoneMatch.split(",").some((candidate) => {
    const value = candidate.trim();
    return value === "*" || value.replace(/^W\//, "") === bare;
  });
}
