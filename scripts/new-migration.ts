/**
 * `npm run db:migration -- <name>`: writes the next migration from the change
 * in prisma/schema.prisma since the last migration. Each migration folder keeps
 * a copy of the schema it was made from, so the diff is schema to schema and
 * needs no shadow database.
 *
 * Hand-written SQL that Prisma cannot express (generated tsvector columns,
 * partial indexes) is appended to the generated file by hand.
 */
import { copyFile, mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "../lib/postgres/embedded";
import { MIGRATIONS_DIR, readMigrations } from "../lib/postgres/migrate";
import { migrateDiff, SCHEMA_PATH } from "../lib/postgres/schema-diff";

async function main() {
  const name = (process.argv[2] ?? "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "");
  if (!name) {
    console.error("Geef een naam: npm run db:migration -- add_updates");
    process.exit(1);
  }
  const last = (await readMigrations()).at(-1);
  const fromSchema = last ? path.join(MIGRATIONS_DIR, last.name, "schema.prisma") : null;

  // The JS schema engine connects even for a schema-to-schema diff.
  const cluster = process.env.DATABASE_URL
    ? null
    : await startEmbeddedPostgres({ clusterDir: path.join(await mkdtemp(path.join(tmpdir(), "kk-diff-")), "pg"), persistent: false });
  try {
    const sql = migrateDiff({ from: fromSchema, databaseUrl: process.env.DATABASE_URL ?? cluster!.url });
    if (!sql.trim()) {
      console.log("schema.prisma is niet veranderd sinds de laatste migratie: niets te doen.");
      return;
    }
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, "migration.sql"), sql);
    await copyFile(SCHEMA_PATH, path.join(dir, "schema.prisma"));
    console.log(`Nieuwe migratie: ${path.relative(process.cwd(), dir)}/migration.sql`);
  } finally {
    await cluster?.stop();
  }
}

await main();
