/**
 * Copies every upload of a local store to an S3 bucket and checks each copy
 * (behind `npm run uploads:to-s3`). Keys stay the same, so the Upload rows
 * need no change: after the move, UPLOAD_STORAGE=s3 finds every image.
 * Running it again copies only what is missing or different.
 */
import { createHash } from "node:crypto";
import type { S3ObjectInfo, S3UploadStorage } from "./s3-storage";
import type { LocalDiskStorage } from "./storage";

export type MoveSummary = {
  total: number;
  /** Copied now, read back and found equal. */
  copied: number;
  /** Already in the bucket with the same size and checksum: left alone. */
  present: number;
  /** Read back from the bucket with another size or checksum. */
  mismatched: string[];
  /** Could not be read, written or checked, with the reason. */
  failed: { key: string; reason: string }[];
  /** Local files removed after their copy was found equal (only with `deleteLocal`). */
  deletedLocal: number;
};

type Outcome = "copied" | "present" | "mismatch";

const CONTENT_TYPES: Record<string, string> = { png: "image/png", jpg: "image/jpeg", jpeg: "image/jpeg", webp: "image/webp" };

function contentTypeOf(key: string): string {
  return CONTENT_TYPES[key.slice(key.lastIndexOf(".") + 1)] ?? "application/octet-stream";
}

const hex = (algorithm: "md5" | "sha256", data: Buffer) => createHash(algorithm).update(data).digest("hex");

/** A single-part upload's ETag is its MD5 in quotes; a multipart or encrypted one is something else and proves nothing. */
function etagMd5(etag: string | null): string | null {
  const bare = etag?.replace(/^W\//, "").replace(/"/g, "") ?? "";
  return /^[0-9a-f]{32}$/.test(bare) ? bare : null;
}

async function sameAsLocal(target: S3UploadStorage, key: string, info: S3ObjectInfo, data: Buffer): Promise<boolean> {
  if (info.byteSize !== data.byteLength) return false;
  // A plain ETag is the MD5 the server computed from the bytes it holds; the SHA-256 metadata is the one sent with them
  // (an encrypted bucket's ETag is no MD5, so either may prove it).
  const md5 = etagMd5(info.etag);
  if (md5 === hex("md5", data) || (info.sha256 !== null && info.sha256 === hex("sha256", data))) return true;
  if (md5 || info.sha256) return false;
  // Nothing to compare without reading: read it back.
  const stored = await target.get(key);
  return stored !== null && stored.equals(data);
}

async function moveOne(source: LocalDiskStorage, target: S3UploadStorage, key: string): Promise<Outcome> {
  const data = await source.get(key);
  if (!data) throw new Error("het lokale bestand is verdwenen");
  const info = await target.stat(key);
  if (info && (await sameAsLocal(target, key, info, data))) return "present";

  await target.put(key, data, contentTypeOf(key));
  // Read the copy back: only bytes that came back equal count as moved.
  const stored = await target.get(key);
  if (stored && stored.byteLength === data.byteLength && hex("sha256", stored) === hex("sha256", data)) return "copied";
  // A bad copy must not look "present and equal" to the next run by its metadata.
  await target.delete(key).catch(() => {});
  return "mismatch";
}

export async function moveUploadsToS3({
  source,
  target,
  deleteLocal = false,
  concurrency = 4,
  log = () => {},
}: {
  source: LocalDiskStorage;
  target: S3UploadStorage;
  deleteLocal?: boolean;
  concurrency?: number;
  log?: (line: string) => void;
}): Promise<MoveSummary> {
  const keys: string[] = [];
  for await (const key of source.list()) keys.push(key);
  keys.sort();
  const summary: MoveSummary = { total: keys.length, copied: 0, present: 0, mismatched: [], failed: [], deletedLocal: 0 };

  let next = 0;
  let done = 0;
  async function worker() {
    while (next < keys.length) {
      const key = keys[next++]!;
      try {
        const outcome = await moveOne(source, target, key);
        if (outcome === "mismatch") {
          summary.mismatched.push(key);
          log(`${key}: de kopie in S3 is anders dan het lokale bestand (grootte of controlegetal)`);
        } else {
          summary[outcome]++;
          if (deleteLocal) {
            await source.delete(key);
            summary.deletedLocal++;
          }
        }
      } catch (error) {
        const reason = ((error as Error).message ?? String(error)).replace(/\s+/g, " ");
        summary.failed.push({ key, reason });
        log(`${key}: mislukt: ${reason}`);
      }
      done++;
      if (done % 100 === 0) log(`${done} van ${keys.length} afgehandeld…`);
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, keys.length)) }, worker));
  summary.mismatched.sort();
  summary.failed.sort((a, b) => a.key.localeCompare(b.key));
  return summary;
}

/** The closing line of the command. */
export function describeSummary(summary: MoveSummary): string {
  const parts = [
    `${summary.total} afbeelding(en)`,
    `${summary.copied} gekopieerd en gecontroleerd`,
    `${summary.present} stonden er al (gelijk)`,
    `${summary.mismatched.length} verschil(len)`,
    `${summary.failed.length} fout(en)`,
  ];
  if (summary.deletedLocal) parts.push(`${summary.deletedLocal} lokaal verwijderd`);
  return parts.join(", ");
}

export function isMoveComplete(summary: MoveSummary): boolean {
  return summary.mismatched.length === 0 && summary.failed.length === 0;
}
