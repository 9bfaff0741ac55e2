/**
 * The migrations a restore runs in its staging schema: first exactly those
 * the backup was made at (so its rows fit), then, with the rows loaded, the
 * newer ones this code has. Each commits on its own and is recorded in
 * `_prisma_migrations` the way lib/postgres/migrate.ts does it, so
 * `npm run db:migrate` carries on from there.
 */
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { CREATE_TABLE, type Migration } from "../postgres/migrate";
import { BackupError } from "./errors";
import type { Manifest } from "./manifest";
import { inTransaction } from "./transaction";

export type MigrationPlan = { atBackup: Migration[]; pending: Migration[] };

/**
 * Splits this code's migrations into the backup's and the newer ones; refuses
 * a backup that knows a migration this code lacks or has a different file for.
 */
export function planMigrations(manifest: Pick<Manifest, "migrations">, onDisk: Migration[]): MigrationPlan {
  const byName = new Map(onDisk.map((migration) => [migration.name, migration]));
  const atBackup = manifest.migrations.map(({ name, checksum }) => {
    const migration = byName.get(name);
    if (!migration) {
      throw new BackupError(
        `De back-up komt van een nieuwere versie van Koppelkans (migratie ${name} ontbreekt in deze code): werk de code eerst bij.`,
      );
    }
    if (migration.checksum !== checksum) {
      throw new BackupError(
        `Migratie ${name} in deze code verschilt van die waarmee de back-up is gemaakt (controlesom): zet het migratiebestand terug.`,
      );
    }
    return migration;
  });
  const inBackup = new Set(atBackup.map((migration) => migration.name));
  return { atBackup, pending: onDisk.filter((migration) => !inBackup.has(migration.name)) };
}

export async function createMigrationsTable(client: pg.Client): Promise<void> {
  await client.query(CREATE_TABLE);
}

/** Runs each migration's SQL and records it, one transaction per migration, on the connection's search_path. */
export async function applyMigrations(client: pg.Client, migrations: Migration[]): Promise<void> {
  for (const migration of migrations) {
    await inTransaction(client, async () => {
      try {
        await client.query(migration.sql);
      } catch (error) {
        throw new BackupError(`Migratie ${migration.name} mislukt tijdens het herstellen: ${(error as Error).message}`, { cause: error });
      }
      await client.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
         VALUES ($1, $2, $3, now(), now(), 1)`,
        [randomUUID(), migration.checksum, migration.name],
      );
    });
  }
}
