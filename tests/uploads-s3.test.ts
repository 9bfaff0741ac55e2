import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import nl from "@/lib/i18n/messages/nl.json";
import type { Actor } from "@/lib/policy/permissions";
import { deleteUnusedUploads, UNUSED_UPLOAD_TTL_MS } from "@/lib/uploads/cleanup";
import { S3UploadStorage } from "@/lib/uploads/s3-storage";
import { readUpload, uploadImage } from "@/lib/uploads/service";
import { getUploadStorage, InvalidStorageKeyError, UploadStorageError } from "@/lib/uploads/storage";
import { createActor, createUser, unique } from "./support/factories";
import { closedPort, startS3Server, type S3TestServer } from "./support/s3-server";

// The routes ask lib/session.ts for the user; here the test decides who that is.
const session = vi.hoisted(() => ({ user: null as Actor | null }));
vi.mock("@/lib/session", () => ({ getCurrentUser: async () => session.user }));
// What the upload code logs, as { component, level, fields, message }.
const logged = vi.hoisted(() => [] as { component: string; level: string; fields: unknown; message: string }[]);
vi.mock("@/lib/log/logger", async (importOriginal) => {
  const record = (component: string, level: string) => (fields: unknown, message: string) =>
    logged.push({ component, level, fields, message });
  const getLogger = (component: string) => ({
    error: record(component, "error"),
    warn: record(component, "warn"),
    info: record(component, "info"),
  });
  return { ...(await importOriginal<object>()), getLogger };
});

const { POST } = await import("@/app/api/uploads/route");
const { GET } = await import("@/app/beelden/[id]/route");

let s3: S3TestServer;
let storage: S3UploadStorage;
let leader: Actor;
let dataDir: string;
const savedDataDir = process.env.DATA_DIR;

beforeAll(async () => {
  s3 = await startS3Server();
  storage = new S3UploadStorage(s3.config());
  leader = await createActor("PROJECT_LEADER");
  // Nothing may land on the local disk while S3 is configured.
  dataDir = await mkdtemp(path.join(tmpdir(), "kk-uploads-s3-"));
  process.env.DATA_DIR = dataDir;
});

afterAll(async () => {
  if (savedDataDir === undefined) delete process.env.DATA_DIR;
  else process.env.DATA_DIR = savedDataDir;
  storage.close();
  await s3.close();
  await rm(dataDir, { recursive: true, force: true });
});

beforeEach(() => {
  session.user = null;
  logged.length = 0;
});

const png = (width = 32) =>
  sharp({ create: { width, height: 16, channels: 3, background: { r: 10, g: 120, b: 60 } } })
    .png()
    .toBuffer();

async function keysInBucket(): Promise<string[]> {
  const keys: string[] = [];
  for await (const key of storage.list()) keys.push(key);
  return keys.sort();
}

/** Runs `body` with UPLOAD_STORAGE=s3 and the S3_* variables of `env`, as the server would see them. */
async function withS3Env<T>(env: Record<string, string>, body: () => Promise<T>): Promise<T> {
  const names = [...Object.keys(env), "S3_PREFIX"];
  const before = Object.fromEntries(names.map((name) => [name, process.env[name]]));
  Object.assign(process.env, env);
  try {
    return await body();
  } finally {
    for (const name of names) {
      if (before[name] === undefined) delete process.env[name];
      else process.env[name] = before[name];
    }
  }
}

function uploadRequest(bytes: Buffer) {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(bytes)], { type: "image/png" }), "wijk.png");
  return new NextRequest("http://localhost:3000/api/uploads", { method: "POST", body: form });
}

const imageRequest = (id: string) => GET(new NextRequest(`http://localhost:3000/beelden/${id}`), { params: Promise.resolve({ id }) });

describe("S3UploadStorage against s3rver over HTTP", () => {
  it("puts, gets, streams, lists and deletes an object, with its type and checksum", async () => {
    const key = `2026/12/c${unique()}abcdef.png`;
    const data = Buffer.from("koppelkans-bytes");
    await storage.put(key, data, "image/png");

    expect(await storage.get(key)).toEqual(data);
    const streamed = await storage.stream(key);
    expect(streamed?.byteSize).toBe(data.byteLength);
    expect(Buffer.from(await new Response(streamed!.body).arrayBuffer())).toEqual(data);
    expect(await storage.stat(key)).toMatchObject({ byteSize: data.byteLength, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(await keysInBucket()).toContain(key);

    await storage.delete(key);
    expect(await storage.get(key)).toBeNull();
    expect(await storage.stream(key)).toBeNull();
    expect(await storage.stat(key)).toBeNull();
    await expect(storage.delete(key)).resolves.toBeUndefined();
  });

  it("keeps a prefix in front of every key and leaves it out of the list", async () => {
    const prefixed = new S3UploadStorage(s3.config({ prefix: "portaal-a/" }));
    try {
      const key = `2026/12/c${unique()}prefix.webp`;
      await prefixed.put(key, Buffer.from("a"), "image/webp");
      expect(await storage.get(`portaal-a/${key}`)).toEqual(Buffer.from("a"));
      const listed: string[] = [];
      for await (const item of prefixed.list()) listed.push(item);
      expect(listed).toEqual([key]);
    } finally {
      prefixed.close();
    }
  });

  it.each(["../escape.png", "/etc/passwd", "2026/01/X.PNG", ""])("refuses the key %j before any request", async (key) => {
    await expect(storage.put(key, Buffer.from("x"), "image/png")).rejects.toThrow(InvalidStorageKeyError);
    await expect(storage.get(key)).rejects.toThrow(InvalidStorageKeyError);
    await expect(storage.delete(key)).rejects.toThrow(InvalidStorageKeyError);
  });

  it("answers check() when the bucket is there, and names the problem when it is not", async () => {
    await expect(storage.check()).resolves.toBeUndefined();
    const missing = new S3UploadStorage(s3.config({ bucket: "bestaat-niet" }));
    const unreachable = new S3UploadStorage(s3.config({ endpoint: `http://127.0.0.1:${await closedPort()}` }), { maxAttempts: 1 });
    try {
      await expect(missing.check()).rejects.toThrow(UploadStorageError);
      await expect(missing.check()).rejects.toThrow(/bucket "bestaat-niet".*HTTP 404.*de bucket bestaat niet/);
      await expect(unreachable.check()).rejects.toThrow(/ECONNREFUSED/);
    } finally {
      missing.close();
      unreachable.close();
    }
  });
});

describe("uploads through the app with UPLOAD_STORAGE=s3", () => {
  it("is the store getUploadStorage() gives, one client per configuration", async () => {
    await withS3Env(s3.env(), async () => {
      const first = getUploadStorage();
      expect(first).toBeInstanceOf(S3UploadStorage);
      expect(getUploadStorage()).toBe(first);
      process.env.S3_PREFIX = "ander";
      expect(getUploadStorage()).not.toBe(first);
    });
  });

  it("stores an upload in the bucket and serves it to signed-in people only, through the app", async () => {
    await withS3Env(s3.env(), async () => {
      session.user = leader;
      const response = await POST(uploadRequest(await png()));
      expect(response.status).toBe(201);
      const { data } = (await response.json()) as { data: { id: string; url: string } };
      expect(data.url).toBe(`/beelden/${data.id}`);
      const row = await db.upload.findUniqueOrThrow({ where: { id: data.id } });
      const stored = await storage.get(row.storageKey);
      expect(stored?.byteLength).toBe(row.byteSize);
      await expect(stat(path.join(dataDir, "uploads"))).rejects.toThrow();

      session.user = await createActor("MEMBER");
      const image = await imageRequest(data.id);
      expect(image.status).toBe(200);
      expect(image.headers.get("location")).toBeNull();
      expect(image.headers.get("content-type")).toBe("image/png");
      expect(image.headers.get("content-length")).toBe(String(row.byteSize));
      expect(Buffer.from(await image.arrayBuffer())).toEqual(stored);
      expect((await readUpload({ actor: session.user, id: data.id }))?.data).toEqual(stored);

      session.user = null;
      const visitor = await imageRequest(data.id);
      expect(visitor.status).toBe(401);
      expect(await visitor.text()).not.toContain(s3.url);
    });
  });

  it("answers 404 for an object gone from the bucket and 503 when the bucket cannot be reached", async () => {
    const result = await uploadImage({ actor: leader, file: { name: "a.png", bytes: await png() }, storage });
    if (!result.ok) throw new Error(result.error);
    session.user = leader;
    const port = await closedPort();
    await withS3Env(s3.env({ S3_ENDPOINT: `http://127.0.0.1:${port}` }), async () => {
      const down = await imageRequest(result.data.id);
      expect(down.status).toBe(503);
      expect(await down.text()).toBe(nl.errors.upload.storageReadFailed);
    });
    expect(logged).toEqual([
      {
        component: "beelden",
        level: "error",
        fields: { uploadId: result.data.id },
        message: expect.stringMatching(/^Afbeelding lezen mislukt: S3-opslag .*ECONNREFUSED/),
      },
    ]);
    const row = await db.upload.findUniqueOrThrow({ where: { id: result.data.id } });
    await storage.delete(row.storageKey);
    await withS3Env(s3.env(), async () => expect((await imageRequest(result.data.id)).status).toBe(404));
  });
});

describe("an S3 endpoint that refuses the write", () => {
  const cases = [
    ["a read-only bucket (403 AccessDenied)", () => s3.readOnlyUrl, {}, /AccessDenied \(HTTP 403\)/],
    ["a bucket that does not exist", () => s3.url, { S3_BUCKET: "bestaat-niet" }, /NoSuchBucket \(HTTP 404\)/],
    ["a closed port", async () => `http://127.0.0.1:${await closedPort()}`, {}, /ECONNREFUSED/],
  ] as const;

  it.each(cases)("%s: a clear Dutch message, one log line, no Upload row and no object", async (_name, endpoint, extra, cause) => {
    const rowsBefore = await db.upload.count();
    const keysBefore = await keysInBucket();
    await withS3Env(s3.env({ S3_ENDPOINT: await endpoint(), ...extra }), async () => {
      session.user = leader;
      const response = await POST(uploadRequest(await png(40)));
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ ok: false, error: nl.errors.upload.storageUnavailable });
    });
    expect(logged).toHaveLength(1);
    const [entry] = logged;
    expect(entry).toMatchObject({ component: "beelden", level: "error", fields: { userId: leader.id } });
    expect(entry!.message).toMatch(
      /^Afbeelding opslaan mislukt: S3-opslag \(bucket "[a-z-]+" op http:\/\/127\.0\.0\.1:\d+\): opslaan van 2026\/\d\d\/c\w+\.png mislukt: /,
    );
    expect(entry!.message).toMatch(cause);
    expect(entry!.message).not.toContain("\n");
    expect(await db.upload.count()).toBe(rowsBefore);
    expect(await keysInBucket()).toEqual(keysBefore);
  });

  it("lets the service answer the same failure to a direct caller", async () => {
    const readOnly = new S3UploadStorage(s3.config({ endpoint: s3.readOnlyUrl }));
    try {
      const result = await uploadImage({ actor: leader, file: { name: "b.png", bytes: await png(24) }, storage: readOnly });
      expect(result).toEqual({ ok: false, error: "upload.storageUnavailable" });
      expect(logged.map((entry) => entry.message)).toEqual([expect.stringMatching(/AccessDenied \(HTTP 403\)/)]);
    } finally {
      readOnly.close();
    }
  });
});

describe("cleanup of unused uploads on S3", () => {
  it("removes row and object after a week; used and recent ones stay", async () => {
    const uploader = await createUser({ role: "PROJECT_LEADER" });
    const experiment = await db.experiment.create({
      data: {
        title: "E",
        slug: `e-${unique()}`,
        summary: "-",
        municipalityId: uploader.municipalityId!,
        startDate: new Date("2024-01-01"),
      },
    });
    const update = await db.update.create({
      data: { title: "U", body: "", phase: "UITVOERING", experimentId: experiment.id, authorId: uploader.id },
    });
    async function upload(createdAt: Date, updateId: string | null) {
      const result = await uploadImage({ actor: leader, file: { name: "c.png", bytes: await png() }, storage });
      if (!result.ok) throw new Error(result.error);
      const row = await db.upload.update({ where: { id: result.data.id }, data: { createdAt, updateId } });
      return row;
    }
    const old = new Date(Date.now() - UNUSED_UPLOAD_TTL_MS - 60_000);
    const unusedOld = await upload(old, null);
    const usedOld = await upload(old, update.id);
    const unusedNew = await upload(new Date(), null);

    expect(await deleteUnusedUploads({ storage })).toBe(1);
    expect(await db.upload.findUnique({ where: { id: unusedOld.id } })).toBeNull();
    expect(await storage.get(unusedOld.storageKey)).toBeNull();
    for (const kept of [usedOld, unusedNew]) {
      expect(await db.upload.findUnique({ where: { id: kept.id } })).not.toBeNull();
      expect(await storage.get(kept.storageKey)).not.toBeNull();
    }
  });
});
