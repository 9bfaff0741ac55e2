import "server-only";
import { randomBytes } from "node:crypto";
import { fail, ok, type ActionResult } from "@/lib/action-result";
import { db } from "@/lib/db";
import { getLogger } from "@/lib/log/logger";
import { can, type Actor } from "@/lib/policy/permissions";
import { processImage } from "./process";
import { getUploadStorage, UploadStorageError, type UploadStorage } from "./storage";

/** The address an upload is served at (app/beelden/[id]/route.ts). */
export function uploadUrl(id: string): string {
  return `/beelden/${id}`;
}

/** A new storage key: `yyyy/mm/<25 random lowercase characters>.<ext>`; nothing from the user goes in. */
export function newStorageKey(extension: string, now = new Date()): string {
  const year = String(now.getUTCFullYear());
  const month = String(now.getUTCMonth() + 1).padStart(2, "0");
  // 16 random bytes → base36, like a cuid: lowercase letters and digits only.
  const random = BigInt(`0x${randomBytes(16).toString("hex")}`)
    .toString(36)
    .padStart(25, "0");
  return `${year}/${month}/c${random}.${extension}`;
}

/**
 * Stores an image a project leader uploads for an update body. The file name
 * is only informational: the type comes from the bytes (see processImage).
 * The Upload row starts without an update; the update editor links it.
 */
export async function uploadImage({
  actor,
  file,
  storage = getUploadStorage(),
}: {
  actor: Actor | null;
  file: { name: string; bytes: Buffer };
  storage?: UploadStorage;
}): Promise<ActionResult<{ id: string; url: string; width: number; height: number }>> {
  if (!can(actor, "update:publish")) return fail("permission.denied");

  const processed = await processImage(file.bytes);
  if (!processed.ok) return fail(processed.error);
  const image = processed.data;

  // The file first, then the row: a store that refuses the write leaves nothing behind.
  const storageKey = newStorageKey(image.extension);
  try {
    await storage.put(storageKey, image.data, image.contentType);
  } catch (error) {
    getLogger("beelden").error({ userId: actor.id }, `Afbeelding opslaan mislukt: ${describeStorageError(error)}`);
    return fail("upload.storageUnavailable");
  }
  try {
    const upload = await db.upload.create({
      data: {
        uploaderId: actor.id,
        storageKey,
        contentType: image.contentType,
        byteSize: image.byteSize,
        width: image.width,
        height: image.height,
      },
      select: { id: true, width: true, height: true },
    });
    return ok({ id: upload.id, url: uploadUrl(upload.id), width: upload.width, height: upload.height });
  } catch (error) {
    // No row, no file: do not leave an orphan behind.
    await storage.delete(storageKey).catch(() => {});
    throw error;
  }
}

/** One line for the log: the store's own message (it names the store and the cause), never a stack. */
export function describeStorageError(error: unknown): string {
  if (error instanceof UploadStorageError) return error.message;
  const { code, message } = error as { code?: string; message?: string };
  return `${code ? `${code}: ` : ""}${message ?? String(error)}`.replace(/\s+/g, " ");
}

/** Ids are cuids; anything else cannot match a row, so it is not looked up. */
const UPLOAD_ID_PATTERN = /^[a-z0-9]{1,40}$/;

/** The metadata of an upload, for a signed-in actor; null otherwise or when unknown. */
export async function findUpload({ actor, id }: { actor: Actor | null; id: string }) {
  if (!actor || !UPLOAD_ID_PATTERN.test(id)) return null;
  return db.upload.findUnique({
    where: { id },
    select: { id: true, storageKey: true, contentType: true, byteSize: true, createdAt: true },
  });
}

/**
 * The bytes of an upload for any signed-in user (every update is readable by
 * every member of the portal); null for a visitor, an unknown id, or a file
 * that has gone missing from the store.
 */
export async function readUpload({
  actor,
  id,
  storage = getUploadStorage(),
}: {
  actor: Actor | null;
  id: string;
  storage?: UploadStorage;
}): Promise<{ data: Buffer; contentType: string } | null> {
  const upload = await findUpload({ actor, id });
  if (!upload) return null;
  const data = await storage.get(upload.storageKey);
  if (!data) return null;
  return { data, contentType: upload.contentType };
}
