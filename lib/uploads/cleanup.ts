/**
 * Uploads that never made it into an update (the author uploaded, then
 * discarded the text) are removed after a week. No `server-only` import: the
 * scheduler inside the server and `npm run digest` run this.
 */
import { db } from "@/lib/db";
import { getUploadStorage, type UploadStorage } from "./storage";

export const UNUSED_UPLOAD_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export async function deleteUnusedUploads({
  now = new Date(),
  storage = getUploadStorage(),
  limit = 500,
}: { now?: Date; storage?: UploadStorage; limit?: number } = {}): Promise<number> {
  // Rows first, in one statement that still checks "unused": an upload tied to
  // an update in the meantime is left alone; then the files of the rows removed.
  // A profile photo has no update either, but is in use as long as a person has it.
  const removed = await db.$queryRaw<{ storageKey: string }[]>`
    DELETE FROM "Upload"
     WHERE id IN (SELECT id FROM "Upload" WHERE "updateId" IS NULL AND "avatarOfId" IS NULL AND "createdAt" < ${new Date(now.getTime() - UNUSED_UPLOAD_TTL_MS)} LIMIT ${limit})
       AND "updateId" IS NULL AND "avatarOfId" IS NULL
    RETURNING "storageKey"`;
  for (const { storageKey } of removed) await storage.delete(storageKey);
  return removed.length;
}
