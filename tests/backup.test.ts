import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createBackup } from "@/lib/backup/create";
import { BackupError } from "@/lib/backup/errors";
import { countLines, MANIFEST_NAME, sha256, tableFile, type Manifest } from "@/lib/backup/manifest";
import { restoreBackup } from "@/lib/backup/restore";
import { readMigrations } from "@/lib/postgres/migrate";
import { S3UploadStorage } from "@/lib/uploads/s3-storage";
import { LocalDiskStorage } from "@/lib/uploads/storage";
import {
  countRows,
  dumpRows,
  dumpSnapshot,
  rewriteBackup,
  seedBackupWorld,
  seedOldDatabase,
  stagingSchemas,
  startWriter,
  waitFor,
  writeArchive,
} from "./support/backup-fixtures";
import { readCatalog } from "./support/catalog";
import { startS3Server } from "./support/s3-server";
import { createDatabaseFrom } from "./support/test-database";

const serverUrl = inject("databaseServerUrl");
const sourceUrl = process.env.DATABASE_URL!;
const created: { drop: () => Promise<unknown> }[] = [];
let folder: string;
let sourceStore: LocalDiskStorage;
let world: Awaited<ReturnType<typeof seedBackupWorld>>;

async function emptyDatabase() {
  const database = await createDatabaseFrom(serverUrl, null, "kk_restore");
  created.push(database);
  return database;
}

const file = (name: string) => path.join(folder, name);
/** The restore must refuse with one line, and leave `url` exactly as it was. */
async function expectRefused(
  url: string,
  backup: string,
  pattern: RegExp,
  options: { force?: boolean; migrations?: Awaited<ReturnType<typeof readMigrations>> } = {},
) {
  const before = await dumpRows(url);
  const error = await restoreBackup({ databaseUrl: url, file: backup, storage: sourceStore, force: true, ...options }).catch(
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(BackupError);
  const message = (error as Error).message;
  expect(message).toMatch(pattern);
  expect(message).not.toContain("\n");
  expect(message).toMatch(/De database is niet veranderd\.$/);
  expect(await dumpRows(url)).toEqual(before);
  expect(await stagingSchemas(url)).toEqual([]);
}

let backup: string;
let manifest: Manifest;
let snapshot: Record<string, string[]>;
let restoredUrl: string;
let targetStore: LocalDiskStorage;
let writtenTotal: number;

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "koppelkans-backup-"));
  sourceStore = new LocalDiskStorage(path.join(folder, "uploads-source"));
  // The command line reads DATA_DIR/uploads: the restored database's images are there.
  targetStore = new LocalDiskStorage(path.join(folder, "uploads"));
  world = await seedBackupWorld(sourceStore);
});

afterAll(async () => {
  await Promise.all(created.map((database) => database.drop()));
  await rm(folder, { recursive: true, force: true });
});

describe("backup and restore", () => {
  it("backs up one consistent snapshot while comments are being written, and restores exactly it with every image", async () => {
    const writer = startWriter(world);
    await waitFor(() => writer.written.length >= 3);
    backup = file("round-trip.tar.gz");
    const started = performance.now();
    const result = await createBackup({
      databaseUrl: sourceUrl,
      file: backup,
      storage: sourceStore,
      appVersion: "test",
      onSnapshot: async (snapshotId) => {
        snapshot = await dumpSnapshot(sourceUrl, snapshotId);
        // Writes go on while the backup reads: they must not be in it.
        const seen = writer.written.length;
        await waitFor(() => writer.written.length >= seen + 5);
      },
    });
    await writer.stop();
    writtenTotal = writer.written.length;
    manifest = result.manifest;
    console.info(`[backup test] back-up in ${Math.round(performance.now() - started)} ms, ${result.bytes} bytes`);

    const target = await emptyDatabase();
    restoredUrl = target.url;
    const restoreStarted = performance.now();
    const restored = await restoreBackup({ databaseUrl: restoredUrl, file: backup, storage: targetStore });
    console.info(`[backup test] herstel in ${Math.round(performance.now() - restoreStarted)} ms`);
    expect(restored.pending).toEqual([]);

    // The backup's counts are the restored counts, and the rows are the snapshot's, every table.
    const after = await dumpRows(restoredUrl);
    expect(Object.keys(after).sort()).toEqual(manifest.tables.map((table) => table.name).sort());
    for (const table of manifest.tables) expect(after[table.name]?.length, table.name).toBe(table.rows);
    expect(after).toEqual(snapshot);
    expect(restored.rows).toBe(manifest.tables.reduce((sum, table) => sum + table.rows, 0));

    // Consistent: the writer's comments up to some point and each with its notification; later ones absent.
    const inBackup = writer.written.filter((id) => after.Comment!.some((row) => row.includes(id)));
    expect(inBackup).toEqual(writer.written.slice(0, inBackup.length));
    expect(inBackup.length).toBeGreaterThanOrEqual(3);
    expect(inBackup.length).toBeLessThanOrEqual(writtenTotal - 5);
    for (const id of inBackup) expect(after.Notification!.filter((row) => row.includes(id))).toHaveLength(1);
    expect(await countRows(sourceUrl, "Comment")).toBe(
      manifest.tables.find((table) => table.name === "Comment")!.rows + writtenTotal - inBackup.length,
    );

    // Generated columns are computed again, and the schema is the one the migrations make.
    expect(after.Update!.every((row) => row.includes('"search": "'))).toBe(true);
    expect(await readCatalog(restoredUrl)).toEqual(await readCatalog(sourceUrl));

    // Every image, byte for byte, in the target store.
    expect(manifest.uploads).toHaveLength(2);
    expect(manifest.missingUploads).toEqual([]);
    for (const upload of manifest.uploads) {
      const original = await sourceStore.get(upload.key);
      expect(original).not.toBeNull();
      expect((await targetStore.get(upload.key))?.equals(original!)).toBe(true);
    }
    const keys: string[] = [];
    for await (const key of targetStore.list()) keys.push(key);
    expect(keys.sort()).toEqual(manifest.uploads.map((upload) => upload.key).sort());
  });

  it("refuses to restore over a database that holds rows unless forced, and then replaces it in one go", async () => {
    await expectRefused(sourceUrl, backup, /De database is niet leeg \(rijen in .*--force/, { force: false });
    const restored = await restoreBackup({ databaseUrl: sourceUrl, file: backup, storage: sourceStore, force: true });
    expect(restored.rows).toBeGreaterThan(0);
    expect(await dumpRows(sourceUrl)).toEqual(snapshot);
  });

  it("refuses a truncated file, another application's file or a damaged part, and changes nothing", async () => {
    const bytes = await readFile(backup);
    await writeFile(file("truncated.tar.gz"), bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expectRefused(restoredUrl, file("truncated.tar.gz"), /truncated\.tar\.gz is onvolledig/);
    await writeFile(file("cut-before-end.tar.gz"), bytes.subarray(0, bytes.length - 30));
    await expectRefused(restoredUrl, file("cut-before-end.tar.gz"), /is onvolledig/);

    await expectRefused(restoredUrl, path.resolve("package.json"), /package\.json is geen back-up van Koppelkans \(geen gzip-bestand\)/);
    await writeArchive(file("other-app.tar.gz"), [{ name: "manifest.json", data: Buffer.from('{"application":"decidim"}') }]);
    await expectRefused(restoredUrl, file("other-app.tar.gz"), /geen back-up van Koppelkans \(geen Koppelkans-kenmerk\)/);
    await rewriteBackup(backup, file("other-manifest.tar.gz"), (entries) =>
      entries.map((entry) => (entry.name === MANIFEST_NAME ? { ...entry, data: Buffer.from('{"application":"openzaak"}') } : entry)),
    );
    await expectRefused(
      restoredUrl,
      file("other-manifest.tar.gz"),
      /geen back-up van Koppelkans \(het manifest noemt toepassing "openzaak"\)/,
    );

    await rewriteBackup(backup, file("damaged.tar.gz"), (entries) =>
      entries.map((entry) =>
        entry.name === tableFile("User") ? { ...entry, data: Buffer.from(entry.data.toString().replace("Test", "Tést")) } : entry,
      ),
    );
    await expectRefused(restoredUrl, file("damaged.tar.gz"), /de controlesom van data\/User\.tsv klopt niet/);
  });

  it("leaves the old database as it was when a restore fails while loading rows or running a newer migration", async () => {
    // A well-formed backup whose User rows clash (the same id twice): COPY fails halfway.
    await rewriteBackup(backup, file("duplicate-users.tar.gz"), (entries) => {
      const users = entries.find((entry) => entry.name === tableFile("User"))!;
      const twice = Buffer.concat([users.data, users.data]);
      const edited: Manifest = JSON.parse(entries.find((entry) => entry.name === MANIFEST_NAME)!.data.toString());
      const table = edited.tables.find((candidate) => candidate.name === "User")!;
      Object.assign(table, { bytes: twice.length, sha256: sha256(twice), rows: countLines(twice) });
      return entries.map((entry) =>
        entry === users
          ? { ...entry, data: twice }
          : entry.name === MANIFEST_NAME
            ? { ...entry, data: Buffer.from(JSON.stringify(edited)) }
            : entry,
      );
    });
    await expectRefused(restoredUrl, file("duplicate-users.tar.gz"), /Tabel User laden mislukt: .*User_pkey/);

    const broken = {
      name: "29991231000000_broken",
      sql: 'ALTER TABLE "User" ADD COLUMN "x" INTEGER NOT NULL CHECK ("x" > 0)',
      checksum: "0",
    };
    await expectRefused(restoredUrl, backup, /Migratie 29991231000000_broken mislukt tijdens het herstellen/, {
      migrations: [...(await readMigrations()), broken],
    });
  });

  it("refuses a backup from a newer version of the code", async () => {
    const older = (await readMigrations()).slice(0, -1);
    await expectRefused(restoredUrl, backup, /nieuwere versie van Koppelkans \(migratie \d+_\w+ ontbreekt/, { migrations: older });
  });

  it("restores a backup made at an older migration and then runs the newer migrations", async () => {
    // The state before the join tables: tags still in Prisma's implicit _OpgaveToUpdate/_ThemeToUpdate.
    const migrations = await readMigrations();
    const joinTables = migrations.findIndex((migration) => migration.name.endsWith("_koppelkansen"));
    const last = migrations[joinTables - 1]!.name;
    const old = await emptyDatabase();
    await seedOldDatabase(old.url, last);
    const oldBackup = file("old.tar.gz");
    const { manifest: oldManifest } = await createBackup({
      databaseUrl: old.url,
      file: oldBackup,
      storage: sourceStore,
      appVersion: "0.0.1",
    });
    expect(oldManifest.migrations.map((migration) => migration.name)).toEqual(
      migrations.slice(0, joinTables).map((migration) => migration.name),
    );
    expect(oldManifest.tables.map((table) => table.name)).toContain("_OpgaveToUpdate");

    const target = await emptyDatabase();
    const restored = await restoreBackup({ databaseUrl: target.url, file: oldBackup, storage: targetStore });
    expect(restored.pending).toEqual(migrations.slice(joinTables).map((migration) => migration.name));
    const rows = await dumpRows(target.url);
    // The koppelkansen migration moved the tags from the implicit tables into UpdateOpgave/UpdateTheme.
    expect(rows.UpdateOpgave).toEqual(['{"opgaveId": "o1", "updateId": "p1"}']);
    expect(rows.UpdateTheme).toEqual(['{"themeId": "t1", "updateId": "p1"}']);
    expect(rows.Notification).toHaveLength(1);
    expect(await readCatalog(target.url)).toEqual(await readCatalog(sourceUrl));
    expect(await countRows(target.url, "_prisma_migrations")).toBe(migrations.length);
  });
  it("names the images the store no longer has in the manifest, and still backs up the rest", async () => {
    const partial = new LocalDiskStorage(path.join(folder, "uploads-partial"));
    const [kept, lost] = manifest.uploads;
    await partial.put(kept!.key, (await sourceStore.get(kept!.key))!, kept!.contentType);
    const lines: string[] = [];
    const result = await createBackup({
      databaseUrl: restoredUrl,
      file: file("partial.tar.gz"),
      storage: partial,
      appVersion: "test",
      log: (line) => lines.push(line),
    });
    expect(result.manifest.uploads.map((upload) => upload.key)).toEqual([kept!.key]);
    expect(result.manifest.missingUploads).toEqual([lost!.key]);
    expect(lines).toEqual([expect.stringContaining(`1 afbeelding(en) ontbreken in de opslag en zitten niet in de back-up: ${lost!.key}`)]);
  });
});

describe("backups with images in S3", () => {
  it("restores the images into an S3 bucket and backs them up from there, through the storage interface", async () => {
    const s3 = await startS3Server();
    const bucket = new S3UploadStorage(s3.config());
    try {
      const target = await emptyDatabase();
      await restoreBackup({ databaseUrl: target.url, file: backup, storage: bucket });
      const again = await createBackup({ databaseUrl: target.url, file: file("from-s3.tar.gz"), storage: bucket, appVersion: "test" });
      expect(again.manifest.missingUploads).toEqual([]);
      expect(again.manifest.uploads).toEqual(manifest.uploads);
      for (const upload of manifest.uploads)
        expect((await bucket.get(upload.key))?.equals((await sourceStore.get(upload.key))!)).toBe(true);
    } finally {
      bucket.close();
      await s3.close();
    }
  });
});

describe("npm run db:backup / db:restore", () => {
  const run = promisify(execFile);
  const cli = (args: string[]) =>
    run(process.execPath, ["--import", "tsx", "scripts/backup.ts", ...args], {
      cwd: path.resolve(import.meta.dirname, ".."),
      env: { ...process.env, DATABASE_URL: restoredUrl, DATA_DIR: folder, UPLOAD_STORAGE: "local" },
    });

  it("writes a backup to the named file and refuses a truncated one with one line and a non-zero exit", async () => {
    const target = file("cli.tar.gz");
    const { stdout } = await cli(["backup", target]);
    expect(stdout.trim().split("\n").at(-1)).toMatch(
      /^\[koppelkans\] Back-up gemaakt: .*cli\.tar\.gz — \d+ tabellen, \d+ rijen, 2 afbeelding\(en\)/,
    );
    const bytes = await readFile(target);
    await writeFile(file("cli-truncated.tar.gz"), bytes.subarray(0, bytes.length - 100));
    const failure = await cli(["restore", file("cli-truncated.tar.gz"), "--force"]).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect("code" in failure && failure.code).toBe(1);
    expect(failure.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(/^\[koppelkans\] .*cli-truncated\.tar\.gz is onvolledig .* De database is niet veranderd\.$/),
    ]);
  });
});
