import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { applicationName, LOCK_KEYS } from "@/lib/postgres/advisory-lock";
import { compareMigrations, migrate, MigrationError, readMigrations } from "@/lib/postgres/migrate";
import { createDatabaseFrom } from "./support/test-database";

// Several instances start at once on one empty database: the migration lock
// lets one apply every migration and the others wait, then find nothing to do.

const serverUrl = inject("databaseServerUrl");
const created: { drop: () => Promise<unknown> }[] = [];

async function emptyDatabase() {
  const database = await createDatabaseFrom(serverUrl, null, "kk_concurrent");
  created.push(database);
  return database;
}

async function appliedNames(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ migration_name: string }>(
      `SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    return rows.map((row) => row.migration_name);
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  await Promise.all(created.map((database) => database.drop()));
});

describe("two instances migrating one database at once", () => {
  it("apply each migration exactly once; the second waits, says so, and finds nothing pending", async () => {
    const { url } = await emptyDatabase();
    const onDisk = await readMigrations();
    const logs: [string[], string[]] = [[], []];

    const results = await Promise.all([
      migrate(url, { log: (line) => logs[0].push(line) }),
      migrate(url, { log: (line) => logs[1].push(line) }),
    ]);

    const counts = results.map((result) => result.applied.length).sort((a, b) => a - b);
    expect(counts).toEqual([0, onDisk.length]);
    expect(await appliedNames(url)).toEqual(onDisk.map((migration) => migration.name));
    const waiter = results[0].applied.length === 0 ? 0 : 1;
    expect(results[waiter]!.alreadyApplied).toBe(onDisk.length);
    const waitLines = logs[waiter].filter((line) => line.startsWith("Een andere instantie past de migraties toe"));
    expect(waitLines).toHaveLength(1);
    expect(waitLines[0]).toContain(applicationName("migrate"));
  });

  it("give up after the lock timeout with one line naming who holds the lock, applying nothing", async () => {
    const { url } = await emptyDatabase();
    const holder = new pg.Client({ connectionString: url, application_name: "vastgelopen-migratie" });
    await holder.connect();
    try {
      await holder.query("SELECT pg_advisory_lock($1::bigint)", [LOCK_KEYS.migrate.toString()]);
      const attempt = migrate(url, { lockTimeoutMs: 300 });
      await expect(attempt).rejects.toBeInstanceOf(MigrationError);
      const message = ((await attempt.catch((error: unknown) => error)) as Error).message;
      expect(message).toContain("vastgelopen-migratie");
      expect(message).toContain("er is niets toegepast");
      expect(message.split("\n")).toHaveLength(1);
      const tables = await holder.query(`SELECT to_regclass('"_prisma_migrations"') AS name`);
      expect(tables.rows[0].name).toBeNull();
    } finally {
      await holder.end();
    }
  });
});

describe("compareMigrations", () => {
  const files = [
    { name: "1_a", sql: "", checksum: "a" },
    { name: "2_b", sql: "", checksum: "b" },
  ];
  it.each([
    [
      "current",
      [
        ["1_a", "a"],
        ["2_b", "b"],
      ],
    ],
    ["pending", [["1_a", "a"]]],
    [
      "changed",
      [
        ["1_a", "a"],
        ["2_b", "x"],
      ],
    ],
    [
      "ahead",
      [
        ["1_a", "a"],
        ["2_b", "b"],
        ["3_c", "c"],
      ],
    ],
  ] as const)("says %s", (state, applied) => {
    expect(compareMigrations(new Map(applied), files)).toBe(state);
  });
});
