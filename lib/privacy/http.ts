import "server-only";
import { errorMessage } from "@/lib/uploads/http";

/** The answers of the two download routes (the person's own and an admin's on their behalf). */

const PRIVATE = { "Cache-Control": "no-store, private", "X-Content-Type-Options": "nosniff" } as const;

/** The archive as an attachment, never cached: it is personal data. */
export function exportResponse(stream: ReadableStream<Uint8Array>, filename: string): Response {
  return new Response(stream, {
    status: 200,
    headers: { ...PRIVATE, "Content-Type": "application/zip", "Content-Disposition": `attachment; filename="${filename}"` },
  });
}

/** A refusal as plain text in the language of the cookie; `key` is under `errors.` in the catalogs. */
export function refusal(status: 401 | 403 | 404, key: string, locale: string | undefined): Response {
  return new Response(errorMessage(key, locale), { status, headers: { ...PRIVATE, "Content-Type": "text/plain; charset=utf-8" } });
}

export function exportFilename(now: Date, suffix?: string): string {
  return `koppelkans-gegevens${suffix ? `-${suffix}` : ""}-${now.toISOString().slice(0, 10)}.zip`;
}
