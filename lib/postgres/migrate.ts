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
import { randomUUID } from "node:crypto";
import path from "node:path";
import type pg from "pg";
import { LOCK_KEYS, LockTimeoutError, withLock } from "./advisory-lock";
import { readMigrationFiles, type Migration } from "./migration-files";

export { checksum, compareMigrations, type Migration, type MigrationState } from "./migration-files";

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, "../../prisma/migrations");

/** The migration lock's key as a number (restores take it too, lib/backup/restore.ts). */
export const LOCK_KEY = Number(LOCK_KEYS.migrate);

/** How long a runner waits for another instance's migrations (MIGRATION_LOCK_TIMEOUT_S): longer than any migration should take. */
const DEFAULT_LOCK_TIMEOUT_MS = 10 * 60 * 1000;

function lockTimeoutFromEnv(): number {
  const seconds = Number(process.env.MIGRATION_LOCK_TIMEOUT_S);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : DEFAULT_LOCK_TIMEOUT_MS;
}

export class MigrationError extends Error {}

/** Migrations on disk, oldest first (folder names start with a timestamp). */
export function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  return readMigrationFiles(dir);
}

export const CREATE_TABLE = `
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
export async function migrate(
  databaseUrl: string,
  options: { dir?: string; log?: (line: string) => void; lockTimeoutMs?: number } = {},
): Promise<MigrateResult> {
  const log = options.log ?? (() => {});
  const migrations = await readMigrations(options.dir);
  const timeoutMs = options.lockTimeoutMs ?? lockTimeoutFromEnv();
  // Instances starting at once take turns: the first applies, the others wait and then find nothing pending.
  const onWait = (holder: string) =>
    log(
      `Een andere instantie past de migraties toe (${holder}); deze wacht tot die klaar is (hoogstens ${Math.round(timeoutMs / 1000)} s).`,
    );
  try {
    return await withLock(databaseUrl, LOCK_KEYS.migrate, { role: "migrate", timeoutMs, onWait }, (client) =>
      applyPending(client, migrations, options.dir, log),
    );
  } catch (error) {
    if (!(error instanceof LockTimeoutError)) throw error;
    throw new MigrationError(
      `Na ${Math.round(timeoutMs / 1000)} s wachten houdt ${error.message} het migratieslot nog vast; er is niets toegepast. Staat die migratie vast, stop dat proces (zie pg_stat_activity) of verhoog MIGRATION_LOCK_TIMEOUT_S.`,
    );
  }
}

async function applyPending(
  client: pg.Client,
  migrations: Migration[],
  dir: string | undefined,
  log: (line: string) => void,
): Promise<MigrateResult> {
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
        `De database heeft migratie ${name}, maar die staat niet in ${path.relative(process.cwd(), dir ?? MIGRATIONS_DIR)}: de code is ouder dan de database.`,
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
}
