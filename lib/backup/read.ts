/**
 * Reading a backup file, and checking it whole before a restore touches the
 * database: the marker, the manifest, and every part's size, checksum and row
 * count. Each problem becomes one BackupError line: a file cut short, another
 * application's file, a damaged part.
 */
import { createReadStream } from "node:fs";
import { access } from "node:fs/promises";
import { createGunzip } from "node:zlib";
import { BackupError } from "./errors";
import { countLines, MANIFEST_NAME, manifestSchema, MARKER_NAME, MARKER_TEXT, sha256, type Manifest } from "./manifest";
import { readTar, TarFormatError, type TarEntry } from "./tar";

function truncated(file: string, detail: string) {
  return new BackupError(`${file} is onvolledig (afgebroken of beschadigd: ${detail}).`);
}

function foreign(file: string, detail: string) {
  return new BackupError(`${file} is geen back-up van Koppelkans (${detail}).`);
}

/** The archive's files in order; any read problem is a BackupError naming it. */
export async function* readBackupEntries(file: string): AsyncGenerator<TarEntry> {
  try {
    await access(file);
  } catch {
    throw new BackupError(`Het bestand ${file} bestaat niet of is niet leesbaar.`);
  }
  const gunzip = createReadStream(file).pipe(createGunzip());
  let first = true;
  try {
    for await (const entry of readTar(gunzip)) {
      if (first && (entry.name !== MARKER_NAME || entry.data.toString("utf8") !== MARKER_TEXT)) {
        throw foreign(
          file,
          entry.name === MARKER_NAME ? `ander formaat: ${entry.data.toString("utf8").trim().slice(0, 80)}` : "geen Koppelkans-kenmerk",
        );
      }
      first = false;
      yield entry;
    }
  } catch (error) {
    if (error instanceof BackupError) throw error;
    const { code, message } = error as NodeJS.ErrnoException;
    if (code === "Z_BUF_ERROR") throw truncated(file, "het gzip-bestand houdt midden in op");
    if (code === "Z_DATA_ERROR") {
      throw first ? foreign(file, "geen gzip-bestand") : truncated(file, `gzip-fout: ${message}`);
    }
    if (error instanceof TarFormatError) throw first ? foreign(file, "geen tar-archief") : truncated(file, error.message);
    throw error;
  } finally {
    gunzip.destroy();
  }
  if (first) throw foreign(file, "leeg archief");
}

/** Parses and checks the manifest's own fields. */
function parseManifest(file: string, data: Buffer): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(data.toString("utf8"));
  } catch {
    throw truncated(file, "het manifest is geen JSON");
  }
  const application = (json as { application?: unknown })?.application;
  if (application !== "koppelkans") throw foreign(file, `het manifest noemt toepassing ${JSON.stringify(application)}`);
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BackupError(`Het manifest van ${file} klopt niet (${issue?.path.join(".")}: ${issue?.message}).`);
  }
  return parsed.data;
}

type Seen = { bytes: number; sha256: string; rows: number };

/**
 * Reads the whole file and returns its manifest once every part the manifest
 * lists is present with the same size, checksum and (for tables) row count,
 * and nothing else is in the archive.
 */
export async function verifyBackup(file: string): Promise<Manifest> {
  const seen = new Map<string, Seen>();
  let manifest: Manifest | null = null;
  for await (const entry of readBackupEntries(file)) {
    if (manifest) throw truncated(file, `${entry.name} staat na het manifest`);
    if (entry.name === MANIFEST_NAME) manifest = parseManifest(file, entry.data);
    else if (entry.name !== MARKER_NAME) {
      if (seen.has(entry.name)) throw truncated(file, `${entry.name} staat er twee keer in`);
      seen.set(entry.name, { bytes: entry.data.length, sha256: sha256(entry.data), rows: countLines(entry.data) });
    }
  }
  if (!manifest) throw truncated(file, "het manifest ontbreekt");

  const parts = [...manifest.tables, ...manifest.uploads];
  for (const part of parts) {
    const found = seen.get(part.file);
    if (!found) throw truncated(file, `${part.file} ontbreekt`);
    if (found.bytes !== part.bytes || found.sha256 !== part.sha256) throw truncated(file, `de controlesom van ${part.file} klopt niet`);
  }
  for (const table of manifest.tables) {
    if (seen.get(table.file)!.rows !== table.rows) throw truncated(file, `${table.file} heeft niet ${table.rows} rijen`);
  }
  const listed = new Set(parts.map((part) => part.file));
  const extra = [...seen.keys()].find((name) => !listed.has(name));
  if (extra) throw truncated(file, `${extra} staat niet in het manifest`);
  return manifest;
}
