/**
 * The project's migration runner. Prisma generates the SQL (`migrate diff`);
 * this applies pending files from prisma/migrations in order, each in its own
 * transaction, and records them in a `_prisma_migrations` table that
 * `prisma migrate deploy` reads the same way.
 *
 * It talks to PostgreSQL through `pg`, the driver under @prisma/adapter-pg,
 * because a migration file holds many statements and only the simple query
 * protocol runs them in one round trip.
 */
import { createHash, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, "../../prisma/migrations");

/** Any number that is ours alone: serialises runners starting at the same time. */
const LOCK_KEY = 7_240_118_201;

export type Migration = { name: string; sql: string; checksum: string };

export class MigrationError extends Error {}

export function checksum(sql: string): string {
  return createHash("sha256").update(sql).digest("hex");
}

/** Migrations on disk, oldest first (folder names start with a timestamp). */
export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: checksum(sql) };
    }),
  );
}

const CREATE_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"            VARCHAR(64) NOT NULL,
  "finished_at"         TIMESTAMPTZ,
  "migration_name"      VARCHAR(255) NOT NULL,
  "logs"                TEXT,
  "rolled_back_at"      TIMESTAMPTZ,
  "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export type MigrateResult = { applied: string[]; alreadyApplied: number };

/**
 * Applies every pending migration. Refuses to go on when an applied migration's
 * file changed since (checksum), or when the database knows a migration that
 * is not on disk (the code is older than the database).
 */
export async function migrate(databaseUrl: string, options: { dir?: string; log?: (line: string) => void } = {}): Promise<MigrateResult> {
  const log = options.log ?? (() => {});
  const migrations = await readMigrations(options.dir);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
    await client.query(CREATE_TABLE);
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations"
        WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const applied = new Map(rows.map((row) => [row.migration_name, row.checksum]));
    const onDisk = new Set(migrations.map((migration) => migration.name));

    for (const name of applied.keys()) {
      if (!onDisk.has(name)) {
        throw new MigrationError(
          `De database heeft migratie ${name}, maar die staat niet in ${path.relative(process.cwd(), options.dir ?? MIGRATIONS_DIR)}: de code is ouder dan de database.`,
        );
      }
    }
    for (const migration of migrations) {
      const known = applied.get(migration.name);
      if (known && known !== migration.checksum) {
        throw new MigrationError(
          `Migratie ${migration.name} is gewijzigd nadat hij is toegepast (checksum verschilt). Zet het bestand terug en maak voor de wijziging een nieuwe migratie.`,
        );
      }
    }

    const pending = migrations.filter((migration) => !applied.has(migration.name));
    for (const migration of pending) {
      const id = randomUUID();
      await client.query("BEGIN");
      try {
        await client.query(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())`, [
          id,
          migration.checksum,
          migration.name,
        ]);
        await client.query(migration.sql);
        await client.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
        await client.query("COMMIT");
        log(`Migratie toegepast: ${migration.name}`);
      } catch (error) {
        await client.query("ROLLBACK");
        throw new MigrationError(`Migratie ${migration.name} mislukt: ${(error as Error).message}`);
      }
    }
    return { applied: pending.map((migration) => migration.name), alreadyApplied: applied.size };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]).catch(() => {});
    await client.end();
  }
}
