/**
 * Uploads in an S3-compatible bucket (AWS S3, MinIO, Ceph, Scaleway, …), for
 * deployments with several instances. Objects stay private: no ACL is set and
 * no address of the bucket ever reaches a browser; the app reads the bytes and
 * serves them itself through /beelden/<id>, which checks the session.
 */
import { createHash } from "node:crypto";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import type { S3Config } from "./storage-config";
import { assertValidKey, isValidKey, UploadStorageError, type StoredStream, type UploadStorage } from "./storage-interface";

/** The object's own record of its SHA-256, written with every put, so a copy can be checked without reading it back. */
export const SHA256_METADATA = "sha256";

export type S3ObjectInfo = { byteSize: number; etag: string | null; sha256: string | null };

export type S3StorageOptions = {
  /** Attempts per request, the first included (the SDK retries throttling, 5xx and dropped connections). */
  maxAttempts?: number;
};

/** "AccessDenied (HTTP 403)" or "ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:9000": what went wrong, on one line. */
function describeError(error: unknown): string {
  if (error instanceof S3ServiceException) {
    const status = error.$metadata?.httpStatusCode;
    const hint =
      status === 403
        ? ": geen toegang, controleer de sleutels en de rechten op de bucket"
        : status === 404
          ? ": de bucket bestaat niet"
          : "";
    const message = error.message && error.message !== "UnknownError" && error.message !== error.name ? `: ${error.message}` : "";
    return `${error.name}${status ? ` (HTTP ${status})` : ""}${hint || message}`.replace(/\s+/g, " ");
  }
  const { code, message } = error as { code?: string; message?: string };
  return (code ? `${code}: ${message ?? ""}` : (message ?? String(error))).replace(/\s+/g, " ").trim();
}

/** A missing object; a missing bucket is a configuration problem and stays an error. */
function isMissingObject(error: unknown): boolean {
  return (
    error instanceof S3ServiceException &&
    error.name !== "NoSuchBucket" &&
    (error.name === "NoSuchKey" || error.$metadata?.httpStatusCode === 404)
  );
}

export class S3UploadStorage implements UploadStorage {
  readonly config: S3Config;
  private readonly client: S3Client;

  constructor(config: S3Config, { maxAttempts = 3 }: S3StorageOptions = {}) {
    this.config = config;
    this.client = new S3Client({
      endpoint: config.endpoint ?? undefined,
      region: config.region,
      forcePathStyle: config.forcePathStyle,
      credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
      maxAttempts,
      // Only the checksums S3 has always asked for: many S3-compatible servers refuse the newer CRC trailers.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
      requestHandler: { connectionTimeout: 5_000, requestTimeout: 30_000, throwOnRequestTimeout: true },
    });
  }

  /** "S3-opslag (bucket "x" op http://minio:9000)", for messages. */
  get label(): string {
    return `S3-opslag (bucket "${this.config.bucket}" op ${this.config.endpoint ?? `AWS ${this.config.region}`})`;
  }

  private objectKey(key: string): string {
    assertValidKey(key);
    return this.config.prefix + key;
  }

  private failure(what: string, error: unknown): UploadStorageError {
    return new UploadStorageError(`${this.label}: ${what} mislukt: ${describeError(error)}`, { cause: error });
  }

  async put(key: string, data: Buffer, contentType: string): Promise<void> {
    const Key = this.objectKey(key);
    try {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.config.bucket,
          Key,
          Body: data,
          ContentType: contentType,
          ContentLength: data.byteLength,
          // The server checks the bytes it received against this and refuses a damaged upload.
          ContentMD5: createHash("md5").update(data).digest("base64"),
          Metadata: { [SHA256_METADATA]: createHash("sha256").update(data).digest("hex") },
        }),
      );
    } catch (error) {
      throw this.failure(`opslaan van ${key}`, error);
    }
  }

  async get(key: string): Promise<Buffer | null> {
    const stored = await this.stream(key);
    if (!stored) return null;
    return Buffer.from(await new Response(stored.body).arrayBuffer());
  }

  async stream(key: string): Promise<StoredStream | null> {
    const Key = this.objectKey(key);
    try {
      const answer = await this.client.send(new GetObjectCommand({ Bucket: this.config.bucket, Key }));
      const body = answer.Body ? answer.Body.transformToWebStream() : new Response(new Uint8Array(0)).body!;
      return { body, byteSize: answer.ContentLength ?? 0 };
    } catch (error) {
      if (isMissingObject(error)) return null;
      throw this.failure(`lezen van ${key}`, error);
    }
  }

  async delete(key: string): Promise<void> {
    const Key = this.objectKey(key);
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.config.bucket, Key }));
    } catch (error) {
      throw this.failure(`verwijderen van ${key}`, error);
    }
  }

  async *list(): AsyncGenerator<string> {
    let ContinuationToken: string | undefined;
    do {
      let page;
      try {
        page = await this.client.send(
          new ListObjectsV2Command({ Bucket: this.config.bucket, Prefix: this.config.prefix || undefined, ContinuationToken }),
        );
      } catch (error) {
        throw this.failure("de lijst van afbeeldingen opvragen", error);
      }
      for (const object of page.Contents ?? []) {
        const key = object.Key?.slice(this.config.prefix.length);
        if (key && isValidKey(key)) yield key;
      }
      ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (ContinuationToken);
  }

  /** Size, ETag and recorded SHA-256 of an object, or null when it is not there. */
  async stat(key: string): Promise<S3ObjectInfo | null> {
    const Key = this.objectKey(key);
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.config.bucket, Key }));
      return { byteSize: head.ContentLength ?? 0, etag: head.ETag ?? null, sha256: head.Metadata?.[SHA256_METADATA] ?? null };
    } catch (error) {
      if (isMissingObject(error)) return null;
      throw this.failure(`opvragen van ${key}`, error);
    }
  }

  /** Whether the bucket answers with these keys: for /api/ready and the move command (no write, so it can run often). */
  async check(): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.config.bucket }));
    } catch (error) {
      throw this.failure("de bucket bereiken", error);
    }
  }

  /** Closes the client's open connections (tests, scripts). */
  close(): void {
    this.client.destroy();
  }
}
