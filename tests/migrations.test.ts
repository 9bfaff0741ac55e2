import { cp, mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { checksum, migrate, MigrationError, MIGRATIONS_DIR, readMigrations } from "@/lib/postgres/migrate";
import { migrateDiff, SCHEMA_PATH } from "@/lib/postgres/schema-diff";
import { readCatalog, type Catalog } from "./support/catalog";
import { createDatabaseFrom } from "./support/test-database";

const serverUrl = inject("databaseServerUrl");
const created: { drop: () => Promise<unknown> }[] = [];

async function emptyDatabase() {
  const database = await createDatabaseFrom(serverUrl, null, "kk_catalog");
  created.push(database);
  return database;
}

async function run(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Columns whose generation expression is written by hand in the migration SQL (Prisma cannot express them). */
const HAND_WRITTEN_COLUMNS = new Set(["Update.search"]);

/** Partial, covering indexes for the analytics SQL, written by hand in the migration SQL (Prisma 6 cannot express them). */
const HAND_WRITTEN_INDEXES = new Set(["Update_listed_id_idx", "Comment_shown_createdAt_idx"]);

function withoutHandWritten(catalog: Catalog): Catalog {
  return {
    ...catalog,
    indexes: catalog.indexes.filter((index) => !HAND_WRITTEN_INDEXES.has(index.indexname)),
    columns: catalog.columns.map((column) =>
      HAND_WRITTEN_COLUMNS.has(`${column.table_name}.${column.column_name}`)
        ? { ...column, is_generated: "(hand-written)", generation_expression: "(hand-written)" }
        : column,
    ),
  };
}

afterAll(async () => {
  await Promise.all(created.map((database) => database.drop()));
});

describe("migrations", () => {
  it("produce exactly the schema that schema.prisma describes", async () => {
    const migrated = await emptyDatabase();
    await migrate(migrated.url);
    const fromSchema = await emptyDatabase();
    await run(fromSchema.url, migrateDiff({ from: null, databaseUrl: fromSchema.url }));

    const [actual, expected] = await Promise.all([readCatalog(migrated.url), readCatalog(fromSchema.url)]);
    expect(actual.columns.length).toBeGreaterThan(50);
    // Everything but the hand-written generation expressions must be identical.
    expect(withoutHandWritten(actual)).toEqual(withoutHandWritten(expected));
    const search = actual.columns.find((column) => column.table_name === "Update" && column.column_name === "search");
    expect(search).toMatchObject({ is_generated: "ALWAYS", udt_name: "tsvector" });
    expect(search?.generation_expression).toContain("'dutch'::regconfig");
    const handWritten = actual.indexes.filter((index) => HAND_WRITTEN_INDEXES.has(index.indexname));
    expect(handWritten).toHaveLength(HAND_WRITTEN_INDEXES.size);
    expect(handWritten.every((index) => / INCLUDE \(.* WHERE /.test(index.indexdef))).toBe(true);
  });

  it("notice a schema change that has no migration", async () => {
    const folder = await mkdtemp(path.join(tmpdir(), "kk-schema-"));
    const changed = path.join(folder, "schema.prisma");
    const original = await readFile(SCHEMA_PATH, "utf8");
    await writeFile(changed, original.replace("model Municipality {", "model Municipality {\n  population Int?"));

    const migrated = await emptyDatabase();
    await migrate(migrated.url);
    const fromChanged = await emptyDatabase();
    await run(fromChanged.url, migrateDiff({ from: null, to: changed, databaseUrl: fromChanged.url }));

    const [actual, expected] = await Promise.all([readCatalog(migrated.url), readCatalog(fromChanged.url)]);
    expect(actual).not.toEqual(expected);
    expect(expected.columns.some((column) => column.column_name === "population")).toBe(true);
  });

  it("leave nothing to generate: the last migration's schema equals schema.prisma", async () => {
    const last = (await readMigrations()).at(-1);
    expect(last).toBeDefined();
    const database = await emptyDatabase();
    const sql = migrateDiff({ from: path.resolve("prisma/migrations", last!.name, "schema.prisma"), databaseUrl: database.url });
    expect(sql).toBe("");
  });

  it("record applied migrations like prisma migrate deploy and apply nothing twice", async () => {
    const database = await emptyDatabase();
    const first = await migrate(database.url);
    const second = await migrate(database.url);
    const migrations = await readMigrations();
    expect(first.applied).toEqual(migrations.map((migration) => migration.name));
    expect(second.applied).toEqual([]);

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query(
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    await client.end();
    expect(rows.map((row) => [row.migration_name, row.checksum, row.applied_steps_count])).toEqual(
      migrations.map((migration) => [migration.name, checksum(migration.sql), 1]),
    );
    expect(rows.every((row) => row.finished_at instanceof Date)).toBe(true);
  });

  it("refuse to run when an applied migration's file changed afterwards", async () => {
    const database = await emptyDatabase();
    await migrate(database.url);
    const folder = await mkdtemp(path.join(tmpdir(), "kk-migrations-"));
    await cp(MIGRATIONS_DIR, folder, { recursive: true });
    const [first] = await readMigrations();
    await writeFile(path.join(folder, first!.name, "migration.sql"), `${first!.sql}\n-- edited afterwards\n`);

    await expect(migrate(database.url, { dir: folder })).rejects.toThrow(MigrationError);
    await expect(migrate(database.url, { dir: folder })).rejects.toThrow(/gewijzigd nadat hij is toegepast/);
  });

  it("roll a failing migration back completely and report its name", async () => {
    const database = await emptyDatabase();
    const folder = await mkdtemp(path.join(tmpdir(), "kk-migrations-"));
    await mkdir(path.join(folder, "20000101000000_broken"));
    await writeFile(
      path.join(folder, "20000101000000_broken", "migration.sql"),
      `CREATE TABLE half_done (id int);\nSELECT * FROM missing_table;`,
    );

    await expect(migrate(database.url, { dir: folder })).rejects.toThrow(/20000101000000_broken/);
    const catalog = await readCatalog(database.url);
    expect(catalog.columns.filter((column) => column.table_name === "half_done")).toEqual([]);
  });
});
