/** What POST /api/uploads answered, read without trusting it. */
export type UploadResult = { ok: true; markdown: string } | { ok: false; error?: string };

/** Uploads one image through POST /api/uploads (same origin, the session's cookie). */
export async function uploadImage(file: File): Promise<UploadResult> {
  const data = new FormData();
  data.append("file", file);
  const response = await fetch("/api/uploads", { method: "POST", body: data, credentials: "same-origin" });
  const answer: unknown = await response.json().catch(() => null);
  return parseUploadAnswer(answer);
}

/** Reads the answer of POST /api/uploads: `{ ok: true, data: { url, markdown } }` or `{ ok: false, error }`. */
export function parseUploadAnswer(answer: unknown): UploadResult {
  if (!answer || typeof answer !== "object") return { ok: false };
  const record = answer as { ok?: unknown; data?: { markdown?: unknown }; error?: unknown };
  if (record.ok === true && typeof record.data?.markdown === "string") return { ok: true, markdown: record.data.markdown };
  return { ok: false, error: typeof record.error === "string" ? record.error : undefined };
}

/** The image files among pasted or dropped data (a pasted screenshot, files dragged from the desktop). */
export function imageFiles(data: DataTransfer | null): File[] {
  if (!data) return [];
  return Array.from(data.files).filter((file) => file.type.startsWith("image/"));
}
