/**
 * `npm run db:backup [-- FILE]` and `npm run db:restore -- FILE [--force]`, on
 * DATABASE_URL, the embedded database of a running `npm start`, or the
 * embedded cluster under DATA_DIR (started for the command, then stopped).
 * Images come from and go to the configured upload store (local or S3).
 * See lib/backup/ for the format and why it is written by the project itself.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { createBackup } from "../lib/backup/create";
import { BackupError } from "../lib/backup/errors";
import { restoreBackup } from "../lib/backup/restore";
import { findRunningServer } from "../lib/postgres/running-server";
import { DEFAULT_DATA_DIR, openDatabase } from "../lib/postgres/runtime";
import { getUploadStorage } from "../lib/uploads/storage";

const ROOT = path.resolve(import.meta.dirname, "..");
const [command, ...rest] = process.argv.slice(2);
const force = rest.includes("--force");
const [fileArgument, ...unknown] = rest.filter((argument) => argument !== "--force");
const dataDir = path.resolve(process.env.DATA_DIR ?? DEFAULT_DATA_DIR);
const say = (line: string) => console.log(`[koppelkans] ${line}`);

function fatal(message: string): never {
  console.error(`[koppelkans] ${message}`);
  process.exit(1);
}

const usage = "Gebruik: npm run db:backup [-- BESTAND]  |  npm run db:restore -- BESTAND [--force]";
if ((command !== "backup" && command !== "restore") || unknown.length || fileArgument?.startsWith("-")) fatal(usage);
if (command === "restore" && !fileArgument) fatal(`Welk bestand? ${usage}`);
if (command === "backup" && force) fatal(`--force hoort bij herstellen. ${usage}`);

const size = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} kB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);
/** Relative to where the command runs when the file is below it, else in full. */
const shown = (file: string) => (path.relative(process.cwd(), file).startsWith("..") ? file : path.relative(process.cwd(), file));
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

function defaultBackupFile(now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d+Z$/, "Z")
    .replaceAll(":", "-");
  return path.join(dataDir, "backups", `koppelkans-${stamp}.tar.gz`);
}

let storage;
try {
  storage = getUploadStorage();
} catch (error) {
  fatal((error as Error).message);
}

let database: { url: string; close: () => Promise<void> };
try {
  const running = await findRunningServer(dataDir);
  if (running) say(`De server draait (pid ${running.pid}): zijn ingebouwde database wordt gebruikt.`);
  database = running ? { url: running.databaseUrl, close: async () => {} } : await openDatabase({ dataDir, log: say });
} catch (error) {
  fatal((error as Error).message);
}

let exitCode = 0;
const started = performance.now();
try {
  if (command === "backup") {
    const version = (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version;
    const { file, manifest, bytes } = await createBackup({
      databaseUrl: database.url,
      file: fileArgument ?? defaultBackupFile(new Date()),
      storage,
      appVersion: version,
      log: say,
    });
    const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
    say(
      `Back-up gemaakt: ${shown(file)} — ${manifest.tables.length} tabellen, ${rows} rijen, ` +
        `${manifest.uploads.length} afbeelding(en), ${size(bytes)}, ${seconds(started)}.`,
    );
  } else {
    const result = await restoreBackup({ databaseUrl: database.url, file: fileArgument!, storage, force, log: say });
    say(
      `Hersteld uit ${fileArgument} (gemaakt ${result.manifest.createdAt}): ${result.rows} rijen, ${result.uploads} afbeelding(en)` +
        `${result.pending.length ? `, ${result.pending.length} nieuwere migratie(s) toegepast` : ""}, ${seconds(started)}.`,
    );
  }
} catch (error) {
  const message = (error as Error).message.replace(/\s+/g, " ");
  console.error(
    `[koppelkans] ${error instanceof BackupError ? message : `${command === "backup" ? "Back-up" : "Herstellen"} mislukt: ${message}`}`,
  );
  exitCode = 1;
} finally {
  await database.close().catch(() => {});
}
process.exit(exitCode);
