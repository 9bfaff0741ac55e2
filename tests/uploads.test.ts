import { mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import en from "@/lib/i18n/messages/en.json";
import nl from "@/lib/i18n/messages/nl.json";
import type { Actor } from "@/lib/policy/permissions";
import { errorMessage, etagMatches, isSameOrigin, MAX_REQUEST_BYTES, readBodyLimited } from "@/lib/uploads/http";
import { MAX_DIMENSION, MAX_UPLOAD_BYTES, processImage } from "@/lib/uploads/process";
import { findUpload, newStorageKey, readUpload, uploadImage } from "@/lib/uploads/service";
import { assertValidKey, getUploadStorage, InvalidStorageKeyError, LocalDiskStorage } from "@/lib/uploads/storage";
import { actorOf, createActor, createUser } from "./support/factories";

// The routes ask lib/session.ts for the user; here the test decides who that is.
const session = vi.hoisted(() => ({ user: null as (Actor & { email?: string }) | null }));
vi.mock("@/lib/session", () => ({ getCurrentUser: async () => session.user }));

const { POST } = await import("@/app/api/uploads/route");
const { GET } = await import("@/app/beelden/[id]/route");

let dataDir: string;
let uploadsDir: string;
let leader: Actor;
const originalDataDir = process.env.DATA_DIR;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "koppelkans-uploads-"));
  process.env.DATA_DIR = dataDir;
  uploadsDir = path.join(dataDir, "uploads");
  leader = await createActor("PROJECT_LEADER");
});

afterAll(async () => {
  if (originalDataDir === undefined) delete process.env.DATA_DIR;
  else process.env.DATA_DIR = originalDataDir;
  await rm(dataDir, { recursive: true, force: true });
});

beforeEach(() => {
  session.user = null;
});

// ---------------------------------------------------------------- images

type Format = "png" | "jpeg" | "webp";

function image(format: Format, width = 64, height = 48) {
  const base = sharp({ create: { width, height, channels: 3, background: { r: 200, g: 60, b: 20 } } });
  return (format === "png" ? base.png() : format === "jpeg" ? base.jpeg() : base.webp()).toBuffer();
}

/** A JPEG with a copyright line, a GPS position and an orientation tag ("turn 90° clockwise"). */
function jpegWithMetadata() {
  return sharp({ create: { width: 40, height: 20, channels: 3, background: "blue" } })
    .jpeg()
    .withMetadata({
      orientation: 6,
      exif: {
        IFD0: { Copyright: "secret", Artist: "Geheime Fotograaf" },
        IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 33/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "5/1 5/1 0/1" },
      },
    })
    .toBuffer();
}

const svg = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>',
);
const gif = () =>
  sharp({ create: { width: 8, height: 8, channels: 3, background: "red" } })
    .gif()
    .toBuffer();
const tiff = () =>
  sharp({ create: { width: 8, height: 8, channels: 3, background: "red" } })
    .tiff()
    .toBuffer();
const text = Buffer.from("Dit is geen afbeelding, maar een tekstbestand.\n");

/** Every file under the uploads folder, relative to it. */
async function storedFiles(): Promise<string[]> {
  try {
    const entries = await readdir(uploadsDir, { recursive: true, withFileTypes: true });
    return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(uploadsDir, path.join(entry.parentPath, entry.name)));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

const rowCount = () => db.upload.count();

// ---------------------------------------------------------------- storage

describe("LocalDiskStorage", () => {
  it("puts, gets and deletes bytes under its folder", async () => {
    const root = path.join(dataDir, "storage-unit");
    const storage = new LocalDiskStorage(root);
    const data = Buffer.from([1, 2, 3, 4, 5]);
    await storage.put("2026/01/cabc123.png", data, "image/png");
    expect(await readFile(path.join(root, "2026/01/cabc123.png"))).toEqual(data);
    expect(await storage.get("2026/01/cabc123.png")).toEqual(data);
    // No temporary file is left next to it.
    expect(await readdir(path.join(root, "2026/01"))).toEqual(["cabc123.png"]);

    await storage.put("2026/01/cabc123.png", Buffer.from("new"), "image/png");
    expect((await storage.get("2026/01/cabc123.png"))?.toString()).toBe("new");

    await storage.delete("2026/01/cabc123.png");
    expect(await storage.get("2026/01/cabc123.png")).toBeNull();
    await expect(storage.delete("2026/01/cabc123.png")).resolves.toBeUndefined();
  });

  it("answers null for a key that was never stored", async () => {
    expect(await new LocalDiskStorage(path.join(dataDir, "storage-empty")).get("2026/01/cnothing.png")).toBeNull();
  });

  it.each([
    "../escape.png",
    "../../etc/passwd",
    "2026/../../escape.png",
    "2026/01/../../../escape.png",
    "/etc/passwd",
    "/tmp/absolute.png",
    "2026\\01\\x.png",
    "..\\escape.png",
    "2026/01/.hidden",
    "2026//01/x.png",
    "2026/01/x.png/",
    "2026/01/x.png\0.txt",
    "2026/01/X.PNG",
    "",
    "noextension",
    "a/b/c/d/e/f.png",
  ])("refuses the key %j for put, get and delete", async (key) => {
    const root = path.join(dataDir, "storage-traversal");
    const storage = new LocalDiskStorage(root);
    expect(() => assertValidKey(key)).toThrow(InvalidStorageKeyError);
    await expect(storage.put(key, Buffer.from("x"), "image/png")).rejects.toThrow(InvalidStorageKeyError);
    await expect(storage.get(key)).rejects.toThrow(InvalidStorageKeyError);
    await expect(storage.delete(key)).rejects.toThrow(InvalidStorageKeyError);
    await expect(stat(path.join(dataDir, "escape.png"))).rejects.toThrow();
    await expect(stat(path.join(root, "..", "escape.png"))).rejects.toThrow();
  });

  it("is the default store, under DATA_DIR/uploads", () => {
    const storage = getUploadStorage();
    expect(storage).toBeInstanceOf(LocalDiskStorage);
    expect((storage as LocalDiskStorage).root).toBe(path.resolve(dataDir, "uploads"));
  });

  it("refuses an unknown UPLOAD_STORAGE instead of silently storing locally", () => {
    process.env.UPLOAD_STORAGE = "ftp";
    try {
      expect(() => getUploadStorage()).toThrow(/UPLOAD_STORAGE=ftp/);
    } finally {
      delete process.env.UPLOAD_STORAGE;
    }
    process.env.UPLOAD_STORAGE = "LOCAL";
    try {
      expect(getUploadStorage()).toBeInstanceOf(LocalDiskStorage);
    } finally {
      delete process.env.UPLOAD_STORAGE;
    }
  });

  it("generates keys of the form yyyy/mm/<random>.<ext> that stay inside the folder", () => {
    const keys = new Set<string>();
    const storage = new LocalDiskStorage(uploadsDir);
    for (let i = 0; i < 200; i++) {
      const key = newStorageKey("webp", new Date(Date.UTC(2026, 10, 27)));
      expect(key).toMatch(/^2026\/11\/c[a-z0-9]{25}\.webp$/);
      expect(() => assertValidKey(key)).not.toThrow();
      expect(path.relative(uploadsDir, storage.pathFor(key)).startsWith("..")).toBe(false);
      keys.add(key);
    }
    expect(keys.size).toBe(200);
  });
});

// ---------------------------------------------------------------- processing

describe("processImage", () => {
  it.each([
    ["png", "image/png"],
    ["jpeg", "image/jpeg"],
    ["webp", "image/webp"],
  ] as const)("accepts a %s and re-encodes it in the same format", async (format, contentType) => {
    const result = await processImage(await image(format, 64, 48));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data).toMatchObject({ format, contentType, width: 64, height: 48, byteSize: result.data.data.length });
    expect((await sharp(result.data.data).metadata()).format).toBe(format);
  });

  it("removes EXIF (copyright, GPS) and turns the image upright by its orientation", async () => {
    const input = await jpegWithMetadata();
    const before = await sharp(input).metadata();
    expect(before.exif).toBeDefined();
    expect(before.exif!.includes(Buffer.from("secret"))).toBe(true);
    expect(before.orientation).toBe(6);

    const result = await processImage(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const after = await sharp(result.data.data).metadata();
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.iptc).toBeUndefined();
    expect(after.orientation).toBeUndefined();
    expect(result.data.data.includes(Buffer.from("secret"))).toBe(false);
    expect(result.data.data.includes(Buffer.from("Geheime Fotograaf"))).toBe(false);
    // 40×20 turned a quarter: 20×40.
    expect([result.data.width, result.data.height]).toEqual([20, 40]);
    expect([after.width, after.height]).toEqual([20, 40]);
  });

  it("removes XMP metadata from a PNG", async () => {
    const input = await sharp({ create: { width: 10, height: 10, channels: 3, background: "green" } })
      .png()
      .withXmp(
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description>secret-xmp</rdf:Description></rdf:RDF></x:xmpmeta>',
      )
      .toBuffer();
    expect((await sharp(input).metadata()).xmp).toBeDefined();
    const result = await processImage(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect((await sharp(result.data.data).metadata()).xmp).toBeUndefined();
    expect(result.data.data.includes(Buffer.from("secret-xmp"))).toBe(false);
  });

  it(`scales the longest side down to ${MAX_DIMENSION} px, and never up`, async () => {
    const big = await processImage(await image("jpeg", 4800, 1200));
    expect(big.ok && [big.data.width, big.data.height]).toEqual([2400, 600]);
    const tall = await processImage(await image("png", 1000, 3000));
    expect(tall.ok && [tall.data.width, tall.data.height]).toEqual([800, 2400]);
    const small = await processImage(await image("webp", 30, 20));
    expect(small.ok && [small.data.width, small.data.height]).toEqual([30, 20]);
  });

  it("refuses text, also when it would be called photo.png", async () => {
    expect(await processImage(text)).toEqual({ ok: false, error: "upload.notAnImage" });
  });

  it("refuses a damaged (truncated) image", async () => {
    const noisy = await sharp({
      create: { width: 300, height: 300, channels: 3, background: "black", noise: { type: "gaussian", mean: 128, sigma: 30 } },
    })
      .png()
      .toBuffer();
    expect(await processImage(noisy.subarray(0, 2000))).toEqual({ ok: false, error: "upload.notAnImage" });
  });

  it("refuses SVG, GIF and TIFF", async () => {
    expect(await processImage(svg)).toEqual({ ok: false, error: "upload.unsupportedType" });
    expect(await processImage(await gif())).toEqual({ ok: false, error: "upload.unsupportedType" });
    expect(await processImage(await tiff())).toEqual({ ok: false, error: "upload.unsupportedType" });
  });

  it("refuses an empty file and one over the size limit", async () => {
    expect(await processImage(Buffer.alloc(0))).toEqual({ ok: false, error: "upload.empty" });
    // A real PNG with padding after it (decoders ignore trailing bytes): only the size is wrong.
    const padded = Buffer.concat([await image("png"), Buffer.alloc(MAX_UPLOAD_BYTES)]);
    expect(await processImage(padded)).toEqual({ ok: false, error: "upload.tooLarge" });
  });

  it("refuses an image of more than 40 megapixels, however small the file", async () => {
    // 8000×6000 of one colour compresses to a few hundred kB: a "decompression bomb".
    const bomb = await sharp({ create: { width: 8000, height: 6000, channels: 3, background: "white" } })
      .png({ compressionLevel: 9 })
      .toBuffer();
    expect(bomb.length).toBeLessThan(MAX_UPLOAD_BYTES);
    expect(await processImage(bomb)).toEqual({ ok: false, error: "upload.tooManyPixels" });
  });
});

// ---------------------------------------------------------------- service

describe("uploadImage", () => {
  it.each([
    ["png", "image/png", "png"],
    ["jpeg", "image/jpeg", "jpg"],
    ["webp", "image/webp", "webp"],
  ] as const)("lets a project leader upload a %s: row and file stored", async (format, contentType, extension) => {
    const result = await uploadImage({ actor: leader, file: { name: `foto.${extension}`, bytes: await image(format, 120, 80) } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { id, url, width, height } = result.data;
    expect(url).toBe(`/beelden/${id}`);
    expect([width, height]).toEqual([120, 80]);

    const row = await db.upload.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ uploaderId: leader.id, updateId: null, contentType, width: 120, height: 80 });
    expect(row.storageKey).toMatch(new RegExp(`^\\d{4}/\\d{2}/c[a-z0-9]{25}\\.${extension}$`));
    const onDisk = await readFile(path.join(uploadsDir, row.storageKey));
    expect(onDisk.length).toBe(row.byteSize);
    expect((await sharp(onDisk).metadata()).format).toBe(format);
  });

  it("stores a JPEG with EXIF and GPS data without them", async () => {
    const result = await uploadImage({ actor: leader, file: { name: "vakantie.jpg", bytes: await jpegWithMetadata() } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const row = await db.upload.findUniqueOrThrow({ where: { id: result.data.id } });
    const onDisk = await readFile(path.join(uploadsDir, row.storageKey));
    const metadata = await sharp(onDisk).metadata();
    expect(metadata.exif).toBeUndefined();
    expect(onDisk.includes(Buffer.from("secret"))).toBe(false);
    expect([row.width, row.height]).toEqual([20, 40]);
  });

  it("takes the type from the bytes, not the name: a JPEG called photo.png is stored as JPEG", async () => {
    const result = await uploadImage({ actor: leader, file: { name: "photo.png", bytes: await image("jpeg") } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const row = await db.upload.findUniqueOrThrow({ where: { id: result.data.id } });
    expect(row.contentType).toBe("image/jpeg");
    expect(row.storageKey.endsWith(".jpg")).toBe(true);
  });

  it.each([
    ["a text file named photo.png", "photo.png", () => Promise.resolve(text), "upload.notAnImage"],
    ["an SVG", "tekening.svg", () => Promise.resolve(svg), "upload.unsupportedType"],
    ["an SVG named .png", "tekening.png", () => Promise.resolve(svg), "upload.unsupportedType"],
    ["a GIF", "animatie.gif", gif, "upload.unsupportedType"],
    [
      "an HTML page behind a PNG signature (a polyglot)",
      "pagina.png",
      () => Promise.resolve(Buffer.concat([Buffer.from("89504e470d0a1a0a", "hex"), Buffer.from("<html><script>alert(1)</script></html>")])),
      "upload.notAnImage",
    ],
    [
      "a file over the limit",
      "groot.png",
      async () => Buffer.concat([await image("png"), Buffer.alloc(MAX_UPLOAD_BYTES)]),
      "upload.tooLarge",
    ],
  ] as const)("refuses %s, and stores nothing", async (_label, name, bytes, error) => {
    const [rowsBefore, filesBefore] = await Promise.all([rowCount(), storedFiles()]);
    expect(await uploadImage({ actor: leader, file: { name, bytes: await bytes() } })).toEqual({ ok: false, error });
    expect(await rowCount()).toBe(rowsBefore);
    expect(await storedFiles()).toEqual(filesBefore);
  });

  it("re-encodes a real image that carries a script after its end, so the stored bytes hold no script", async () => {
    const polyglot = Buffer.concat([await image("png"), Buffer.from("<script>alert(document.cookie)</script>")]);
    const result = await uploadImage({ actor: leader, file: { name: "slim.png", bytes: polyglot } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const row = await db.upload.findUniqueOrThrow({ where: { id: result.data.id } });
    const stored = await readFile(path.join(uploadsDir, row.storageKey));
    expect(stored.includes("<script")).toBe(false);
    expect(stored.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  });

  it.each(["MEMBER", "COORDINATOR", "ADMIN"] as const)("refuses a %s, and stores nothing", async (role) => {
    const actor = await createActor(role);
    const [rowsBefore, filesBefore] = await Promise.all([rowCount(), storedFiles()]);
    expect(await uploadImage({ actor, file: { name: "foto.png", bytes: await image("png") } })).toEqual({
      ok: false,
      error: "permission.denied",
    });
    expect(await db.upload.count({ where: { uploaderId: actor.id } })).toBe(0);
    expect(await rowCount()).toBe(rowsBefore);
    expect(await storedFiles()).toEqual(filesBefore);
  });

  it("refuses a visitor without an account, and stores nothing", async () => {
    const [rowsBefore, filesBefore] = await Promise.all([rowCount(), storedFiles()]);
    expect(await uploadImage({ actor: null, file: { name: "foto.png", bytes: await image("png") } })).toEqual({
      ok: false,
      error: "permission.denied",
    });
    expect(await rowCount()).toBe(rowsBefore);
    expect(await storedFiles()).toEqual(filesBefore);
  });

  it("removes the stored file again when the row cannot be written", async () => {
    const ghost = { id: "does-not-exist", role: "PROJECT_LEADER", municipalityId: null } as const;
    const filesBefore = await storedFiles();
    await expect(uploadImage({ actor: ghost, file: { name: "foto.png", bytes: await image("png") } })).rejects.toThrow();
    expect(await storedFiles()).toEqual(filesBefore);
  });

  it("keeps every stored file inside the uploads folder", async () => {
    const rows = await db.upload.findMany({ select: { storageKey: true } });
    expect(rows.length).toBeGreaterThan(0);
    for (const { storageKey } of rows) {
      const relative = path.relative(uploadsDir, path.resolve(uploadsDir, storageKey));
      expect(relative.startsWith("..") || path.isAbsolute(relative)).toBe(false);
    }
    for (const file of await storedFiles()) expect(file).toMatch(/^\d{4}\/\d{2}\/c[a-z0-9]{25}\.(png|jpg|webp)$/);
  });
});

describe("readUpload", () => {
  let id: string;
  beforeAll(async () => {
    const result = await uploadImage({ actor: leader, file: { name: "wijk.webp", bytes: await image("webp") } });
    if (!result.ok) throw new Error(result.error);
    id = result.data.id;
  });

  it("gives the bytes to any signed-in user", async () => {
    const member = await createActor("MEMBER");
    const upload = await readUpload({ actor: member, id });
    expect(upload?.contentType).toBe("image/webp");
    expect((await sharp(upload!.data).metadata()).format).toBe("webp");
  });

  it("gives nothing to a visitor without an account", async () => {
    expect(await readUpload({ actor: null, id })).toBeNull();
    expect(await findUpload({ actor: null, id })).toBeNull();
  });

  it("answers null for an unknown or malformed id", async () => {
    expect(await readUpload({ actor: leader, id: "cunknown000000000000000000" })).toBeNull();
    expect(await readUpload({ actor: leader, id: "../../etc/passwd" })).toBeNull();
    expect(await readUpload({ actor: leader, id: "" })).toBeNull();
  });

  it("answers null when the file has gone missing from the store", async () => {
    const result = await uploadImage({ actor: leader, file: { name: "weg.png", bytes: await image("png") } });
    if (!result.ok) throw new Error(result.error);
    const row = await db.upload.findUniqueOrThrow({ where: { id: result.data.id } });
    await getUploadStorage().delete(row.storageKey);
    expect(await readUpload({ actor: leader, id: row.id })).toBeNull();
  });
});

// ---------------------------------------------------------------- helpers

describe("route helpers", () => {
  it("translates error keys, Dutch by default and English for the en cookie", () => {
    expect(errorMessage("upload.notAnImage", undefined)).toBe(nl.errors.upload.notAnImage);
    expect(errorMessage("upload.notAnImage", "nl")).toBe(nl.errors.upload.notAnImage);
    expect(errorMessage("upload.notAnImage", "en")).toBe(en.errors.upload.notAnImage);
    expect(errorMessage("permission.denied", "nl")).toBe(nl.errors.permission.denied);
    expect(errorMessage("no.such.key", "nl")).toBe(nl.errors.unexpected);
    expect(errorMessage("__proto__", "nl")).toBe(nl.errors.unexpected);
  });

  it("has the same upload keys in both catalogs", () => {
    expect(Object.keys(en.errors.upload).sort()).toEqual(Object.keys(nl.errors.upload).sort());
  });

  it("matches If-None-Match by (weak) comparison", () => {
    expect(etagMatches('"abc"', '"abc"')).toBe(true);
    expect(etagMatches('W/"abc"', '"abc"')).toBe(true);
    expect(etagMatches('"x", "abc"', '"abc"')).toBe(true);
    expect(etagMatches("*", '"abc"')).toBe(true);
    expect(etagMatches('"abcd"', '"abc"')).toBe(false);
    expect(etagMatches(null, '"abc"')).toBe(false);
  });

  it("compares Origin with the host", () => {
    expect(isSameOrigin(new Headers({ host: "localhost:3000" }))).toBe(true);
    expect(isSameOrigin(new Headers({ host: "localhost:3000", origin: "http://localhost:3000" }))).toBe(true);
    expect(isSameOrigin(new Headers({ host: "localhost:3000", origin: "https://evil.example" }))).toBe(false);
    expect(
      isSameOrigin(
        new Headers({ host: "internal:3000", "x-forwarded-host": "koppelkans.example.nl", origin: "https://koppelkans.example.nl" }),
      ),
    ).toBe(true);
    expect(isSameOrigin(new Headers({ host: "localhost:3000", origin: "null" }))).toBe(false);
  });

  it("stops reading a body as soon as it passes the limit", async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(64 * 1024));
      },
    });
    expect(await readBodyLimited(endless, 1024 * 1024)).toBeNull();
    expect(pulled).toBeLessThan(40);
    const small = new Response("hallo").body;
    expect((await readBodyLimited(small, 1024))?.toString()).toBe("hallo");
  });
});

// ---------------------------------------------------------------- routes

function uploadRequest(file: Blob | null, options: { name?: string; headers?: Record<string, string>; locale?: string } = {}) {
  const form = new FormData();
  if (file) form.append("file", file, options.name ?? "foto.png");
  const headers = new Headers(options.headers);
  if (options.locale) headers.set("cookie", `NEXT_LOCALE=${options.locale}`);
  return new NextRequest("http://localhost:3000/api/uploads", { method: "POST", body: form, headers });
}

type NextRequestInit = ConstructorParameters<typeof NextRequest>[1];

const blobOf = (bytes: Buffer, type = "application/octet-stream") => new Blob([new Uint8Array(bytes)], { type });

describe("POST /api/uploads", () => {
  it("answers 401 to a visitor without a session", async () => {
    const response = await POST(uploadRequest(blobOf(await image("png"))));
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ ok: false, error: nl.errors.upload.signInRequired });
  });

  it.each(["MEMBER", "COORDINATOR"] as const)("answers 403 to a %s, and stores nothing", async (role) => {
    session.user = await createActor(role);
    const rowsBefore = await rowCount();
    const response = await POST(uploadRequest(blobOf(await image("png"))));
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ ok: false, error: nl.errors.permission.denied });
    expect(await rowCount()).toBe(rowsBefore);
  });

  it("stores an image for a project leader and answers its url and Markdown", async () => {
    session.user = leader;
    const response = await POST(uploadRequest(blobOf(await image("png"), "image/png"), { headers: { origin: "http://localhost:3000" } }));
    expect(response.status).toBe(201);
    const body = (await response.json()) as { ok: true; data: { id: string; url: string; markdown: string } };
    expect(body.ok).toBe(true);
    expect(body.data.url).toBe(`/beelden/${body.data.id}`);
    expect(body.data.markdown).toBe(`![](/beelden/${body.data.id})`);
    expect(await db.upload.count({ where: { id: body.data.id, uploaderId: leader.id } })).toBe(1);
  });

  it("refuses a text file named photo.png with the Dutch message, or the English one for the en cookie", async () => {
    session.user = leader;
    const dutch = await POST(uploadRequest(blobOf(text, "image/png"), { name: "photo.png" }));
    expect(dutch.status).toBe(400);
    expect(await dutch.json()).toEqual({ ok: false, error: nl.errors.upload.notAnImage });
    const english = await POST(uploadRequest(blobOf(text, "image/png"), { name: "photo.png", locale: "en" }));
    expect(english.status).toBe(400);
    expect(await english.json()).toEqual({ ok: false, error: en.errors.upload.notAnImage });
  });

  it("refuses an SVG and a GIF with 400", async () => {
    session.user = leader;
    for (const bytes of [svg, await gif()]) {
      const response = await POST(uploadRequest(blobOf(bytes)));
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ ok: false, error: nl.errors.upload.unsupportedType });
    }
  });

  it("answers 400 when there is no file field, or no multipart body", async () => {
    session.user = leader;
    const noFile = await POST(uploadRequest(null));
    expect(noFile.status).toBe(400);
    expect(await noFile.json()).toEqual({ ok: false, error: nl.errors.upload.missingFile });

    const form = new FormData();
    form.append("file", "just a string");
    const stringField = await POST(new NextRequest("http://localhost:3000/api/uploads", { method: "POST", body: form }));
    expect(stringField.status).toBe(400);

    const json = await POST(
      new NextRequest("http://localhost:3000/api/uploads", { method: "POST", body: "{}", headers: { "content-type": "application/json" } }),
    );
    expect(json.status).toBe(400);
    expect(await json.json()).toEqual({ ok: false, error: nl.errors.upload.missingFile });

    const broken = await POST(
      new NextRequest("http://localhost:3000/api/uploads", {
        method: "POST",
        body: "not really multipart",
        headers: { "content-type": "multipart/form-data; boundary=xyz" },
      }),
    );
    expect(broken.status).toBe(400);
  });

  it("answers 413 for a file over the limit", async () => {
    session.user = leader;
    const big = Buffer.concat([await image("png"), Buffer.alloc(MAX_UPLOAD_BYTES)]);
    const response = await POST(uploadRequest(blobOf(big)));
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ ok: false, error: nl.errors.upload.tooLarge });
  });

  it("answers 413 from the Content-Length alone, without reading the body", async () => {
    session.user = leader;
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(1024));
      },
    });
    const request = new NextRequest("http://localhost:3000/api/uploads", {
      method: "POST",
      body,
      duplex: "half",
      headers: { "content-type": "multipart/form-data; boundary=xyz", "content-length": String(MAX_REQUEST_BYTES + 1) },
    } as NextRequestInit);
    const response = await POST(request);
    expect(response.status).toBe(413);
    expect(pulled).toBeLessThanOrEqual(1);
  });

  it("answers 413 for a body without Content-Length that keeps growing", async () => {
    session.user = leader;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new Uint8Array(256 * 1024));
      },
    });
    const request = new NextRequest("http://localhost:3000/api/uploads", {
      method: "POST",
      body,
      duplex: "half",
      headers: { "content-type": "multipart/form-data; boundary=xyz" },
    } as NextRequestInit);
    expect((await POST(request)).status).toBe(413);
  });

  it("refuses an upload posted from another site", async () => {
    session.user = leader;
    const response = await POST(uploadRequest(blobOf(await image("png")), { headers: { origin: "https://evil.example" } }));
    expect(response.status).toBe(403);
  });

  it("answers 500 with a message, not a stack trace, when storage fails", async () => {
    session.user = leader;
    process.env.UPLOAD_STORAGE = "broken";
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const response = await POST(uploadRequest(blobOf(await image("png"))));
      expect(response.status).toBe(500);
      const text = await response.text();
      expect(JSON.parse(text)).toEqual({ ok: false, error: nl.errors.unexpected });
      expect(text).not.toMatch(/UPLOAD_STORAGE|at .*\.ts/);
    } finally {
      delete process.env.UPLOAD_STORAGE;
      spy.mockRestore();
    }
  });
});

describe("GET /beelden/[id]", () => {
  let id: string;
  let bytes: Buffer;
  beforeAll(async () => {
    const result = await uploadImage({ actor: leader, file: { name: "plein.jpg", bytes: await image("jpeg", 50, 50) } });
    if (!result.ok) throw new Error(result.error);
    id = result.data.id;
    const row = await db.upload.findUniqueOrThrow({ where: { id } });
    bytes = await readFile(path.join(uploadsDir, row.storageKey));
  });

  const get = (imageId: string, headers: Record<string, string> = {}) =>
    GET(new NextRequest(`http://localhost:3000/beelden/${imageId}`, { headers }), { params: Promise.resolve({ id: imageId }) });

  it("answers 401 to a visitor without a session", async () => {
    const response = await get(id);
    expect(response.status).toBe(401);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.text()).toBe(nl.errors.upload.signInRequired);
  });

  it("serves the bytes to a member, with caching and safety headers", async () => {
    session.user = actorOf(await createUser());
    const response = await get(id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/jpeg");
    expect(response.headers.get("cache-control")).toBe("private, max-age=31536000, immutable");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-disposition")).toBe("inline");
    expect(response.headers.get("etag")).toBe(`"${id}"`);
    expect(response.headers.get("content-length")).toBe(String(bytes.length));
    expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes);
  });

  it("answers 304 without a body for a matching If-None-Match", async () => {
    session.user = leader;
    const response = await get(id, { "if-none-match": `"${id}"` });
    expect(response.status).toBe(304);
    expect(response.headers.get("etag")).toBe(`"${id}"`);
    expect(response.headers.get("cache-control")).toBe("private, max-age=31536000, immutable");
    expect(await response.text()).toBe("");
    expect((await get(id, { "if-none-match": '"something-else"' })).status).toBe(200);
  });

  it("answers 404 for an unknown id, in English for the en cookie", async () => {
    session.user = leader;
    const response = await get("cunknown000000000000000000");
    expect(response.status).toBe(404);
    expect(await response.text()).toBe(nl.errors.upload.notFound);
    const english = await get("cunknown000000000000000000", { cookie: "NEXT_LOCALE=en" });
    expect(await english.text()).toBe(en.errors.upload.notFound);
    expect((await get("..%2F..%2Fetc%2Fpasswd")).status).toBe(404);
  });
});
