import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/ready/route";
import { db } from "@/lib/db";
import { checkReadiness } from "@/lib/ops/readiness";
import { readMigrations } from "@/lib/postgres/migrate";
import { markShuttingDown } from "@/lib/shutdown";
import { LocalDiskStorage } from "@/lib/uploads/storage";

// /api/ready tells a load balancer whether to send this instance traffic.

let folder: string;
const previousDataDir = process.env.DATA_DIR;

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "kk-ready-"));
  process.env.DATA_DIR = folder;
});

afterAll(async () => {
  process.env.DATA_DIR = previousDataDir;
  await rm(folder, { recursive: true, force: true });
});

async function answer() {
  const response = await GET();
  return { status: response.status, cacheControl: response.headers.get("cache-control"), body: (await response.json()) as unknown };
}

describe("GET /api/ready", () => {
  it("is 200 when the database answers, every migration is applied and the upload folder can be used", async () => {
    expect(await answer()).toEqual({
      status: 200,
      cacheControl: "no-store",
      body: { status: "ready", checks: { database: "ok", migrations: "current", storage: "ok" } },
    });
  });

  it("is 503 while a migration of this code is not applied yet, and 200 again once it is", async () => {
    const [latest] = await db.$queryRaw<{ id: string; migration_name: string }[]>`
      SELECT id, migration_name FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1`;
    await db.$executeRaw`UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE id = ${latest!.id}`;
    try {
      expect(await answer()).toMatchObject({
        status: 503,
        body: { status: "unavailable", checks: { database: "ok", migrations: "pending", storage: "ok" } },
      });
    } finally {
      await db.$executeRaw`UPDATE "_prisma_migrations" SET rolled_back_at = NULL WHERE id = ${latest!.id}`;
    }
    expect((await answer()).status).toBe(200);
  });

  it("stays ready when the database is ahead of this code (a newer version is rolling out)", async () => {
    await db.$executeRaw`
      INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count)
      VALUES ('ready-test-ahead', 'x', '29991231000000_from_a_newer_version', now(), 1)`;
    try {
      expect(await answer()).toMatchObject({ status: 200, body: { checks: { migrations: "ahead" } } });
    } finally {
      await db.$executeRaw`DELETE FROM "_prisma_migrations" WHERE id = 'ready-test-ahead'`;
    }
  });

  it("is 503 when the upload folder cannot be used, naming no path", async () => {
    const blocked = path.join(folder, "a-file");
    await writeFile(blocked, "not a folder");
    process.env.DATA_DIR = blocked;
    try {
      const result = await answer();
      expect(result).toMatchObject({ status: 503, body: { status: "unavailable", checks: { database: "ok", storage: "unreachable" } } });
      expect(JSON.stringify(result.body)).not.toContain(folder);
    } finally {
      process.env.DATA_DIR = folder;
    }
  });
});

describe("checkReadiness", () => {
  const storage = () => new LocalDiskStorage(folder);

  it("calls an unreachable database unreachable (and the migrations unknown), without its error text", async () => {
    const readiness = await checkReadiness({
      appliedMigrations: () => Promise.reject(new Error("connect ECONNREFUSED 10.0.0.5:5432 password=geheim")),
      migrationsOnDisk: () => readMigrations(),
      storage,
    });
    expect(readiness.checks).toMatchObject({ database: "unreachable", migrations: "unknown" });
    expect(JSON.stringify(readiness)).not.toMatch(/ECONNREFUSED|geheim|10\.0\.0\.5/);
  });

  it("gives a check that hangs at most its timeout", async () => {
    const started = Date.now();
    const readiness = await checkReadiness({
      appliedMigrations: () => new Promise(() => {}),
      migrationsOnDisk: () => readMigrations(),
      storage: () => ({ ...storage(), check: () => new Promise<void>(() => {}) }) as unknown as LocalDiskStorage,
      timeoutMs: 200,
    });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(readiness.checks).toMatchObject({ database: "unreachable", storage: "unreachable" });
  });

  it("is not ready without migration files to compare with", async () => {
    const readiness = await checkReadiness({ appliedMigrations: async () => new Map(), migrationsOnDisk: async () => [], storage });
    expect(readiness).toMatchObject({ status: "unavailable", checks: { migrations: "unknown" } });
  });
});

// Last: the shutdown mark cannot be taken back within this file.
describe("GET /api/ready after SIGTERM", () => {
  it("is 503 from SIGTERM on, so the load balancer stops sending while in-flight requests finish", async () => {
    markShuttingDown();
    expect(await answer()).toMatchObject({ status: 503, body: { status: "unavailable", stopping: true } });
  });
});
