/**
 * `npm run db:backup`: a logical backup written by the project itself, because
 * the embedded PostgreSQL ships no pg_dump and a system pg_dump older than the
 * server refuses to dump it. Everything is read in ONE `REPEATABLE READ READ
 * ONLY` transaction, so the tables, the migration list and the list of images
 * all come from the same snapshot while the portal keeps writing.
 */
import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, open, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import pg from "pg";
import { applicationName } from "../postgres/advisory-lock";
import type { UploadStorage } from "../uploads/storage-interface";
import { currentSchema, listSequences, listTables, qualified, quoteIdent } from "./catalog";
import { copyOut } from "./copy";
import { BackupError } from "./errors";
import {
  BACKUP_APPLICATION,
  BACKUP_FORMAT,
  COPY_SETTINGS,
  MANIFEST_NAME,
  MARKER_NAME,
  MARKER_TEXT,
  sha256,
  tableFile,
  uploadFile,
  type Manifest,
} from "./manifest";
import { TAR_END, tarFile } from "./tar";

export type BackupOptions = {
  databaseUrl: string;
  file: string;
  storage: UploadStorage;
  appVersion: string;
  log?: (line: string) => void;
  /**
   * Awaited once the snapshot is taken (writes committed from then on are not
   * in the backup), with its exported id: another connection can `SET
   * TRANSACTION SNAPSHOT` to it and read exactly what the backup reads.
   */
  onSnapshot?: (snapshotId: string) => Promise<void> | void;
};

export type BackupResult = { file: string; manifest: Manifest; bytes: number };

async function readMigrationList(client: pg.Client, schema: string) {
  const { rows: exists } = await client.query(
    "SELECT 1 FROM pg_class WHERE relnamespace = $1::regnamespace AND relname = '_prisma_migrations'",
    [quoteIdent(schema)],
  );
  if (!exists.length) throw new BackupError("De database heeft nog geen Koppelkans-schema (geen migraties): er is niets om te back-uppen.");
  const { rows } = await client.query<{ name: string; checksum: string }>(
    `SELECT migration_name AS name, checksum FROM ${qualified(schema, "_prisma_migrations")}
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows;
}

/** The archive's blocks, produced while the snapshot transaction is open. */
async function* archive(client: pg.Client, options: BackupOptions, result: { manifest?: Manifest }): AsyncGenerator<Buffer> {
  const log = options.log ?? (() => {});
  await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  try {
    for (const setting of COPY_SETTINGS) await client.query(setting);
    // The snapshot is taken by this first query.
    const schema = await currentSchema(client);
    const migrations = await readMigrationList(client, schema);
    if (options.onSnapshot) {
      const { rows } = await client.query<{ id: string }>("SELECT pg_export_snapshot() AS id");
      await options.onSnapshot(rows[0]!.id);
    }
    const createdAt = new Date();
    yield* tarFile(MARKER_NAME, Buffer.from(MARKER_TEXT), createdAt);

    const tables: Manifest["tables"] = [];
    for (const table of await listTables(client, schema)) {
      const columns = table.columns.map(quoteIdent).join(", ");
      const { data, rows } = await copyOut(client, `COPY ${qualified(schema, table.name)} (${columns}) TO STDOUT`);
      const file = tableFile(table.name);
      tables.push({ name: table.name, columns: table.columns, rows, file, bytes: data.length, sha256: sha256(data) });
      yield* tarFile(file, data, createdAt);
    }
    const sequences = await listSequences(client, schema);

    const uploads: Manifest["uploads"] = [];
    const missingUploads: string[] = [];
    if (tables.some((table) => table.name === "Upload")) {
      const { rows } = await client.query<{ key: string; contentType: string }>(
        `SELECT "storageKey" AS key, "contentType" FROM ${qualified(schema, "Upload")} ORDER BY "storageKey"`,
      );
      for (const { key, contentType } of rows) {
        const data = await options.storage.get(key);
        if (!data) {
          missingUploads.push(key);
          continue;
        }
        const file = uploadFile(key);
        uploads.push({ key, contentType, file, bytes: data.length, sha256: sha256(data) });
        yield* tarFile(file, data, createdAt);
      }
    }
    if (missingUploads.length)
      log(
        `${missingUploads.length} afbeelding(en) ontbreken in de opslag en zitten niet in de back-up: ` +
          `${missingUploads.slice(0, 10).join(", ")}${missingUploads.length > 10 ? ", …" : ""} (alle in manifest.json).`,
      );

    const { rows: version } = await client.query<{ server_version: string }>("SHOW server_version");
    const manifest: Manifest = {
      application: BACKUP_APPLICATION,
      format: BACKUP_FORMAT,
      createdAt: createdAt.toISOString(),
      appVersion: options.appVersion,
      postgresVersion: version[0]?.server_version ?? "",
      migrations,
      tables,
      sequences,
      uploads,
      missingUploads,
    };
    yield* tarFile(MANIFEST_NAME, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), createdAt);
    yield TAR_END;
    await client.query("COMMIT");
    result.manifest = manifest;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

/** Writes the backup next to `file` and renames it into place once it is complete and on disk. */
export async function createBackup(options: BackupOptions): Promise<BackupResult> {
  const file = path.resolve(options.file);
  await mkdir(path.dirname(file), { recursive: true });
  const partial = `${file}.${randomBytes(4).toString("hex")}.partial`;
  const client = new pg.Client({ connectionString: options.databaseUrl, application_name: applicationName("backup") });
  await client.connect();
  const result: { manifest?: Manifest } = {};
  try {
    await pipeline(Readable.from(archive(client, options, result)), createGzip(), createWriteStream(partial, { mode: 0o600 }));
    const handle = await open(partial, "r+");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(partial, file);
    return { file, manifest: result.manifest!, bytes: (await stat(file)).size };
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
}
