import "server-only";
import { strToU8, Zip, ZipDeflate, ZipPassThrough } from "fflate";
import { appUrl } from "@/lib/app-url";
import { getUploadStorage, type UploadStorage } from "@/lib/uploads/storage";
import { collectPersonalData, type PersonalData } from "./export-data";
import { exportReadme } from "./readme";

/**
 * The data export as a zip, streamed: the JSON files are built in memory (a
 * person's data is small), the images are read from storage one at a time
 * (at most 5 MB each) as the download asks for more, so memory stays flat
 * however many images someone uploaded.
 */

type Entry = { name: string; data: Uint8Array; compress: boolean };

const json = (value: unknown) => strToU8(`${JSON.stringify(value, null, 2)}\n`);

function imageName(upload: { id: string; storageKey: string }): string {
  return `afbeeldingen/${upload.id}.${upload.storageKey.split(".").pop() ?? "bin"}`;
}

async function* entries(data: PersonalData, storage: UploadStorage, exportedAt: Date): AsyncGenerator<Entry> {
  yield { name: "README.txt", data: strToU8(exportReadme({ exportedAt, privacyUrl: appUrl("/privacy") })), compress: true };
  const files: [string, unknown][] = [
    ["profiel.json", data.profile],
    ["updates.json", data.updates],
    ["reacties.json", data.comments],
    ["nuttig.json", data.appreciations],
    ["volgend.json", data.follows],
    ["meldingen.json", data.notifications],
    ["e-mailvoorkeuren.json", data.emailPreferences],
    ["bezoeken.json", data.visits],
    ["gemelde-berichten.json", data.reports],
    ["feedbackverzoeken.json", data.feedbackRequests],
    ["lessen.json", data.lessons],
    ["logboek.json", data.audit],
  ];
  for (const [name, value] of files) yield { name, data: json(value), compress: true };
  const images = [];
  for (const { storageKey, ...upload } of data.uploads) {
    const bytes = await storage.get(storageKey);
    const file = bytes ? imageName({ id: upload.id, storageKey }) : null;
    // Images are compressed already: stored as they are.
    if (bytes && file) yield { name: file, data: bytes, compress: false };
    images.push({ ...upload, file });
  }
  yield { name: "afbeeldingen.json", data: json(images), compress: true };
}

/** Zip bytes for the entries, as they become ready (fflate's streaming Zip emits synchronously on each push). */
export async function* zipChunks(files: AsyncIterable<Entry>, modified: Date): AsyncGenerator<Uint8Array> {
  const ready: Uint8Array[] = [];
  const state: { error: Error | null } = { error: null };
  const zip = new Zip((error, chunk) => {
    if (error) state.error = error;
    else ready.push(chunk);
  });
  for await (const file of files) {
    const entry = file.compress ? new ZipDeflate(file.name, { level: 6 }) : new ZipPassThrough(file.name);
    entry.mtime = modified;
    zip.add(entry);
    entry.push(file.data, true);
    if (state.error) throw state.error;
    yield* ready.splice(0);
  }
  zip.end();
  if (state.error) throw state.error;
  yield* ready.splice(0);
}

/** Pull-based: the next chunk is made only when the client has taken the last. */
export function toStream(chunks: AsyncGenerator<Uint8Array>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

/** The person's whole export as a zip stream; the data is read before the first byte goes out. */
export async function createExportArchive(
  userId: string,
  { now = new Date(), storage = getUploadStorage() }: { now?: Date; storage?: UploadStorage } = {},
): Promise<ReadableStream<Uint8Array>> {
  const data = await collectPersonalData(userId);
  return toStream(zipChunks(entries(data, storage, now), now));
}
