/**
 * `npm run db:restore FILE`: checks the whole file first; then builds the
 * database aside, in a staging schema (lib/backup/staging.ts): the schema from
 * the migrations the backup was made at, the rows with COPY, the images into
 * the configured store, then this code's newer migrations; and last swaps it
 * for the application's schema in ONE transaction. Until that commit the old
 * database is untouched, so any failure leaves it as it was.
 */
import type pg from "pg";
import { LOCK_KEYS, LockTimeoutError, withLock } from "../postgres/advisory-lock";
import { readMigrations, type Migration } from "../postgres/migrate";
import type { UploadStorage } from "../uploads/storage-interface";
import {
  currentSchema,
  dropApplicationObjects,
  listTables,
  qualified,
  quoteIdent,
  restoreSequences,
  suspendForeignKeys,
  tablesWithRows,
} from "./catalog";
import { copyIn } from "./copy";
import { BackupError, UNTOUCHED } from "./errors";
import { COPY_SETTINGS, sha256, type Manifest } from "./manifest";
import { applyMigrations, createMigrationsTable, planMigrations, type MigrationPlan } from "./migrations";
import { readBackupEntries, verifyBackup } from "./read";
import { createStagingSchema, dropLeftoverStaging, dropStagingSchema, moveApplicationObjects } from "./staging";
import { inTransaction } from "./transaction";

export type RestoreOptions = {
  databaseUrl: string;
  file: string;
  storage: UploadStorage;
  /** Replace a database that holds rows; without it such a database is refused. */
  force?: boolean;
  /** This code's migrations; prisma/migrations unless given (a test plays an older version with fewer). */
  migrations?: Migration[];
  log?: (line: string) => void;
};

export type RestoreResult = { manifest: Manifest; rows: number; uploads: number; pending: string[] };

async function refuseFilledDatabase(client: pg.Client, schema: string) {
  const filled = await tablesWithRows(client, schema, await listTables(client, schema));
  if (!filled.length) return;
  const named = filled.slice(0, 3).join(", ") + (filled.length > 3 ? ", …" : "");
  throw new BackupError(
    `De database is niet leeg (rijen in ${named}); herstellen vervangt alles; is dat de bedoeling, voeg dan --force toe (npm run db:restore -- BESTAND --force).`,
  );
}

function assertSameTables(manifest: Manifest, tables: Set<string>) {
  const inBackup = new Set(manifest.tables.map((table) => table.name));
  const differ = [...tables].filter((name) => !inBackup.has(name)).concat([...inBackup].filter((name) => !tables.has(name)));
  if (differ.length)
    throw new BackupError(`Het schema na de migraties van de back-up past niet bij de back-up (tabel ${differ.join(", ")}).`);
}

/** Streams the archive a second time, checking each part again as it is loaded. */
async function loadParts(client: pg.Client, schema: string, options: RestoreOptions, manifest: Manifest) {
  const tableParts = new Map(manifest.tables.map((table) => [table.file, table]));
  const uploadParts = new Map(manifest.uploads.map((upload) => [upload.file, upload]));
  const loaded = new Set<string>();
  let rows = 0;
  for await (const entry of readBackupEntries(options.file)) {
    const part = tableParts.get(entry.name) ?? uploadParts.get(entry.name);
    if (!part) continue;
    if (sha256(entry.data) !== part.sha256) throw new BackupError(`${entry.name} is veranderd sinds de controle (controlesom).`);
    const table = tableParts.get(entry.name);
    if (table) {
      const columns = table.columns.map(quoteIdent).join(", ");
      let count: number;
      try {
        count = await copyIn(client, `COPY ${qualified(schema, table.name)} (${columns}) FROM STDIN`, entry.data);
      } catch (error) {
        throw new BackupError(`Tabel ${table.name} laden mislukt: ${(error as Error).message}.`, { cause: error });
      }
      if (count !== table.rows) throw new BackupError(`Tabel ${table.name}: ${count} rijen geladen, de back-up noemt er ${table.rows}.`);
      loaded.add(entry.name);
      rows += count;
    } else {
      const upload = uploadParts.get(entry.name)!;
      await options.storage.put(upload.key, entry.data, upload.contentType);
      loaded.add(entry.name);
    }
  }
  if (loaded.size !== tableParts.size + uploadParts.size)
    throw new BackupError("Het bestand is veranderd sinds de controle (er ontbreken delen).");
  return rows;
}

/** Loads the rows into `staging` with its foreign keys off, then checks them all at once by adding the keys back. */
async function loadRows(client: pg.Client, staging: string, options: RestoreOptions, manifest: Manifest): Promise<number> {
  return inTransaction(client, async () => {
    for (const setting of COPY_SETTINGS) await client.query(setting);
    const restoreForeignKeys = await suspendForeignKeys(client, staging);
    const rows = await loadParts(client, staging, options, manifest);
    try {
      await restoreForeignKeys();
    } catch (error) {
      throw new BackupError(`De rijen in de back-up verwijzen naar rijen die er niet in staan: ${(error as Error).message}.`, {
        cause: error,
      });
    }
    await restoreSequences(client, staging, manifest.sequences);
    return rows;
  });
}

async function restoreThroughStaging(client: pg.Client, options: RestoreOptions, manifest: Manifest, plan: MigrationPlan) {
  const log = options.log ?? (() => {});
  const target = await currentSchema(client);
  if (!options.force) await refuseFilledDatabase(client, target);
  await dropLeftoverStaging(client);
  const staging = await createStagingSchema(client);
  try {
    await client.query(`SET search_path TO ${quoteIdent(staging)}`);
    await createMigrationsTable(client);
    await applyMigrations(client, plan.atBackup);
    assertSameTables(manifest, new Set((await listTables(client, staging)).map((table) => table.name)));
    log(`Schema op migratie ${plan.atBackup.at(-1)?.name ?? "(geen)"}; rijen en afbeeldingen worden geladen…`);
    const rows = await loadRows(client, staging, options, manifest);
    if (plan.pending.length) log(`Nieuwere migraties: ${plan.pending.map((migration) => migration.name).join(", ")}`);
    await applyMigrations(client, plan.pending);
    await inTransaction(client, async () => {
      // Someone may have started using the database meanwhile.
      if (!options.force) await refuseFilledDatabase(client, target);
      await dropApplicationObjects(client, target);
      await moveApplicationObjects(client, staging, target);
    });
    return rows;
  } catch (error) {
    await dropStagingSchema(client, staging).catch(() => {});
    throw error;
  } finally {
    await client.query("RESET search_path").catch(() => {});
  }
}

/** How long a restore waits for migrations another instance is running. */
const LOCK_TIMEOUT_MS = 2 * 60 * 1000;

export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const log = options.log ?? (() => {});
  try {
    const manifest = await verifyBackup(options.file);
    const plan = planMigrations(manifest, options.migrations ?? (await readMigrations()));
    // The migration lock, for the whole restore: an instance starting meanwhile waits, and so does a second restore.
    const onWait = (holder: string) => log(`${holder} houdt het migratieslot vast; het herstellen wacht (hoogstens 2 minuten).`);
    const rows = await withLock(options.databaseUrl, LOCK_KEYS.migrate, { role: "restore", timeoutMs: LOCK_TIMEOUT_MS, onWait }, (client) =>
      restoreThroughStaging(client, options, manifest, plan),
    );
    return { manifest, rows, uploads: manifest.uploads.length, pending: plan.pending.map((migration) => migration.name) };
  } catch (error) {
    const message =
      error instanceof BackupError
        ? error.message
        : error instanceof LockTimeoutError
          ? `${error.message} houdt het migratieslot na 2 minuten nog vast; probeer het later opnieuw.`
          : `Herstellen mislukt: ${(error as Error).message}.`;
    throw new BackupError(`${message} ${UNTOUCHED}`, { cause: error });
  }
}
