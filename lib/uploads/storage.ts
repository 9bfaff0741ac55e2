import { randomBytes } from "node:crypto";
import { constants } from "node:fs";
import { access, mkdir, open, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { S3UploadStorage } from "./s3-storage";
import { readUploadStorageConfig } from "./storage-config";
import { assertValidKey, InvalidStorageKeyError, isValidKey, type StoredStream, type UploadStorage } from "./storage-interface";

export { assertValidKey, InvalidStorageKeyError, isValidKey, UploadStorageError } from "./storage-interface";
export type { StoredStream, UploadStorage } from "./storage-interface";

/** The default folder: `${DATA_DIR ?? "./data"}/uploads`, resolved when the store is made. */
export function defaultUploadDir(): string {
  return path.resolve(process.env.DATA_DIR ?? "./data", "uploads");
}

/** Files on the local disk, for the embedded (single-instance) setup. */
export class LocalDiskStorage implements UploadStorage {
  readonly root: string;

  constructor(root: string = defaultUploadDir()) {
    this.root = path.resolve(root);
  }

  /** The absolute file path of a key; refuses any key that would leave `root`. */
  pathFor(key: string): string {
    assertValidKey(key);
    const file = path.resolve(this.root, key);
    const relative = path.relative(this.root, file);
    if (relative === "" || relative.startsWith("..") || path.isAbsolute(relative)) throw new InvalidStorageKeyError(key);
    return file;
  }

  async put(key: string, data: Buffer, _contentType: string): Promise<void> {
    const file = this.pathFor(key);
    await mkdir(path.dirname(file), { recursive: true });
    // Write next to the target and rename, so a reader never sees half a file.
    const temporary = `${file}.${randomBytes(6).toString("hex")}.tmp`;
    try {
      await writeFile(temporary, data, { flag: "wx", mode: 0o640 });
      await rename(temporary, file);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Buffer | null> {
    const file = this.pathFor(key);
    try {
      return await readFile(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async stream(key: string): Promise<StoredStream | null> {
    const file = this.pathFor(key);
    let handle;
    try {
      handle = await open(file, "r");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
    try {
      const { size } = await handle.stat();
      // The stream closes the file when it ends or is cancelled.
      return { body: Readable.toWeb(handle.createReadStream()) as ReadableStream<Uint8Array>, byteSize: size };
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathFor(key), { force: true });
  }

  async *list(): AsyncGenerator<string> {
    let entries;
    try {
      entries = await readdir(this.root, { recursive: true, withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
      throw error;
    }
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      // Leftover `.tmp` files of an interrupted put are no keys and are left out.
      const key = path.relative(this.root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/");
      if (isValidKey(key)) yield key;
    }
  }

  async check(): Promise<void> {
    await mkdir(this.root, { recursive: true });
    await access(this.root, constants.R_OK | constants.W_OK);
  }
}

/** One S3 client per configuration: it keeps its connections open between requests. */
let cachedS3: { signature: string; storage: S3UploadStorage } | null = null;

/**
 * The configured store: `UPLOAD_STORAGE=local` (the default) keeps files under
 * DATA_DIR; `UPLOAD_STORAGE=s3` uses the bucket of the S3_* variables (see
 * lib/uploads/storage-config.ts). Read on every call, so tests can switch it.
 */
export function getUploadStorage(): UploadStorage {
  const config = readUploadStorageConfig(process.env);
  if (config.kind === "local") return new LocalDiskStorage();
  const signature = JSON.stringify(config.s3);
  if (cachedS3?.signature !== signature) {
    cachedS3?.storage.close();
    cachedS3 = { signature, storage: new S3UploadStorage(config.s3) };
  }
  return cachedS3.storage;
}
