import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeSummary, isMoveComplete, moveUploadsToS3 } from "@/lib/uploads/move-to-s3";
import { S3UploadStorage } from "@/lib/uploads/s3-storage";
import { LocalDiskStorage } from "@/lib/uploads/storage";
import { unique } from "./support/factories";
import { startS3Server, type S3TestServer } from "./support/s3-server";

const ROOT = path.resolve(import.meta.dirname, "..");

let s3: S3TestServer;
let work: string;

beforeAll(async () => {
  s3 = await startS3Server();
  work = await mkdtemp(path.join(tmpdir(), "kk-to-s3-"));
});

afterAll(async () => {
  await s3.close();
  await rm(work, { recursive: true, force: true });
});

/** A local store with `count` images (distinct bytes), and a leftover `.tmp` of an interrupted write. */
async function localStore(count: number) {
  const root = path.join(work, unique(), "uploads");
  const store = new LocalDiskStorage(root);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const key = `2026/${i % 2 ? "11" : "12"}/c${unique()}${"abcdefghij".slice(i)}.${i % 2 ? "webp" : "png"}`;
    const data = Buffer.from(`image ${i} ${unique()} `.repeat(100 + i * 37));
    await store.put(key, data, "image/png");
    files.set(key, data);
  }
  await mkdir(path.join(root, "2026/12"), { recursive: true });
  await writeFile(path.join(root, "2026/12/chalf.png.a1b2c3.tmp"), "half");
  return { root, store, files };
}

/** A fresh prefix per test keeps each test's objects apart in the one bucket. */
function target(prefix = unique()) {
  return new S3UploadStorage(s3.config({ prefix: `${prefix}/` }));
}

async function keysOf(store: { list(): AsyncIterable<string> }) {
  const keys: string[] = [];
  for await (const key of store.list()) keys.push(key);
  return keys.sort();
}

describe("moving local uploads to S3", () => {
  it("copies and verifies each, skips what is already there and equal, and keeps the local files", async () => {
    const { store, files } = await localStore(4);
    const bucket = target();
    const [same, stale] = [...files.keys()];
    // One already copied, one copied earlier with other bytes (a broken earlier attempt).
    await bucket.put(same!, files.get(same!)!, "image/png");
    await bucket.put(stale!, Buffer.from("stale"), "image/png");
    try {
      const summary = await moveUploadsToS3({ source: store, target: bucket });
      expect(summary).toEqual({ total: 4, copied: 3, present: 1, mismatched: [], failed: [], deletedLocal: 0 });
      expect(isMoveComplete(summary)).toBe(true);
      for (const [key, data] of files) expect(await bucket.get(key)).toEqual(data);
      expect(await keysOf(bucket)).toEqual([...files.keys()].sort());
      expect(await keysOf(store)).toEqual([...files.keys()].sort());

      const again = await moveUploadsToS3({ source: store, target: bucket });
      expect(again).toMatchObject({ total: 4, copied: 0, present: 4 });
      expect(describeSummary(again)).toBe(
        "4 afbeelding(en), 0 gekopieerd en gecontroleerd, 4 stonden er al (gelijk), 0 verschil(len), 0 fout(en)",
      );
    } finally {
      bucket.close();
    }
  });

  it("removes local files only after their copy is equal, with deleteLocal", async () => {
    const { root, store, files } = await localStore(3);
    const bucket = target();
    try {
      const summary = await moveUploadsToS3({ source: store, target: bucket, deleteLocal: true });
      expect(summary).toMatchObject({ total: 3, copied: 3, deletedLocal: 3 });
      expect(await keysOf(store)).toEqual([]);
      for (const [key, data] of files) expect(await bucket.get(key)).toEqual(data);
      // The leftover temporary file is no upload: it is neither copied nor removed.
      expect(await readdir(path.join(root, "2026/12"))).toEqual(["chalf.png.a1b2c3.tmp"]);
    } finally {
      bucket.close();
    }
  });

  it("reports a copy that reads back different, keeps the local file and removes the bad copy", async () => {
    const { store, files } = await localStore(2);
    const [bad] = [...files.keys()];
    // A store whose read-back of one object comes back altered, as a faulty gateway would.
    class Garbling extends S3UploadStorage {
      override async get(key: string) {
        const data = await super.get(key);
        return key === bad && data ? Buffer.concat([data, Buffer.from("!")]) : data;
      }
    }
    const prefix = unique();
    const bucket = new Garbling(s3.config({ prefix: `${prefix}/` }));
    const lines: string[] = [];
    try {
      const summary = await moveUploadsToS3({ source: store, target: bucket, deleteLocal: true, log: (line) => lines.push(line) });
      expect(summary).toMatchObject({ total: 2, copied: 1, mismatched: [bad], failed: [], deletedLocal: 1 });
      expect(isMoveComplete(summary)).toBe(false);
      expect(lines).toEqual([`${bad}: de kopie in S3 is anders dan het lokale bestand (grootte of controlegetal)`]);
      expect(await keysOf(store)).toEqual([bad]);
      expect(await bucket.stat(bad!)).toBeNull();
    } finally {
      bucket.close();
    }
  });

  it("counts a write the bucket refuses as a failure and goes on with the rest", async () => {
    const { store, files } = await localStore(2);
    const readOnly = new S3UploadStorage(s3.config({ endpoint: s3.readOnlyUrl, prefix: `${unique()}/` }));
    try {
      const summary = await moveUploadsToS3({ source: store, target: readOnly });
      expect(summary.failed.map((failure) => failure.key)).toEqual([...files.keys()].sort());
      expect(summary.failed[0]!.reason).toMatch(/AccessDenied \(HTTP 403\)/);
      expect(await keysOf(store)).toHaveLength(2);
    } finally {
      readOnly.close();
    }
  });
});

async function runCommand(env: Record<string, string>, args: string[] = []) {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/uploads-to-s3.ts"), ...args], {
    cwd: ROOT,
    // Only what the command needs: no DATABASE_URL, no S3_* of the machine running the tests.
    env: { NODE_ENV: "test", PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, "exit")) as [number | null];
  return { code, stdout, stderr };
}

describe("npm run uploads:to-s3", () => {
  it("moves DATA_DIR/uploads, says so in a summary, and is a no-op the second time", async () => {
    const { root, files } = await localStore(3);
    const prefix = unique();
    const env = { ...s3.env({ S3_PREFIX: prefix }), DATA_DIR: path.dirname(root) };

    const first = await runCommand(env);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(
      `3 afbeelding(en), 3 gekopieerd en gecontroleerd, 0 stonden er al (gelijk), 0 verschil(len), 0 fout(en).`,
    );
    const bucket = target(prefix);
    try {
      for (const [key, data] of files) expect(await bucket.get(key)).toEqual(data);
    } finally {
      bucket.close();
    }

    const second = await runCommand(env);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain("3 afbeelding(en), 0 gekopieerd en gecontroleerd, 3 stonden er al (gelijk)");
  });

  it("exits 1 with the reason when the bucket refuses writes, or when a setting is missing", async () => {
    const { root } = await localStore(1);
    const refused = await runCommand({ ...s3.env({ S3_ENDPOINT: s3.readOnlyUrl }) }, ["--from", root]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/opslaan van 2026\/12\/c\w+\.png mislukt: AccessDenied \(HTTP 403\)/);
    expect(refused.stdout).toContain(
      "1 afbeelding(en), 0 gekopieerd en gecontroleerd, 0 stonden er al (gelijk), 0 verschil(len), 1 fout(en)",
    );

    const unset = await runCommand({ ...s3.env({ S3_BUCKET: "" }) }, ["--from", root]);
    expect(unset.code).toBe(1);
    expect(unset.stderr.trim().split("\n").at(-1)).toBe(
      "[uploads:to-s3] S3_BUCKET ontbreekt: geef de naam van de bucket voor de afbeeldingen.",
    );
  });
});
