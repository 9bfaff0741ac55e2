/**
 * The layout of a Koppelkans backup (`.tar.gz`): a marker first, so another
 * application's archive is refused at once; then one COPY text file per table
 * (`data/<Table>.tsv`), the uploaded images (`uploads/<storage key>`), and
 * last the manifest, written when every checksum is known. A file cut short
 * therefore always lacks its manifest.
 */
import { createHash } from "node:crypto";
import { z } from "zod";

export const BACKUP_APPLICATION = "koppelkans";
export const BACKUP_FORMAT = 1;
export const MARKER_NAME = "KOPPELKANS-BACKUP";
export const MARKER_TEXT = `${BACKUP_APPLICATION} backup, format ${BACKUP_FORMAT}\n`;
export const MANIFEST_NAME = "manifest.json";

/** The session settings COPY's text format depends on, fixed for writing and reading alike. */
export const COPY_SETTINGS = [
  "SET LOCAL DateStyle = 'ISO, YMD'",
  "SET LOCAL IntervalStyle = 'postgres'",
  "SET LOCAL TimeZone = 'UTC'",
  "SET LOCAL extra_float_digits = 3",
  "SET LOCAL bytea_output = 'hex'",
  "SET LOCAL client_encoding = 'UTF8'",
];

const sha256Pattern = /^[0-9a-f]{64}$/;
const part = { file: z.string().min(1), bytes: z.number().int().nonnegative(), sha256: z.string().regex(sha256Pattern) };

export const manifestSchema = z.object({
  application: z.literal(BACKUP_APPLICATION),
  format: z.literal(BACKUP_FORMAT),
  createdAt: z.iso.datetime(),
  appVersion: z.string(),
  postgresVersion: z.string(),
  migrations: z.array(z.object({ name: z.string().min(1), checksum: z.string() })),
  tables: z.array(z.object({ name: z.string().min(1), columns: z.array(z.string()), rows: z.number().int().nonnegative(), ...part })),
  sequences: z.array(z.object({ name: z.string().min(1), lastValue: z.string().regex(/^-?\d+$/), isCalled: z.boolean() })),
  uploads: z.array(z.object({ key: z.string().min(1), contentType: z.string(), ...part })),
  /** Keys an Upload row names that the store did not have when the backup was made. */
  missingUploads: z.array(z.string()),
});

export type Manifest = z.infer<typeof manifestSchema>;

export const sha256 = (data: Buffer) => createHash("sha256").update(data).digest("hex");

/** A table's file name; table names are identifiers, but nothing odd gets into a path. */
export const tableFile = (table: string) => `data/${encodeURIComponent(table)}.tsv`;
export const uploadFile = (key: string) => `uploads/${key}`;

/** Rows in COPY's text format: one line each (a newline inside a value is written as `\n`). */
export function countLines(data: Buffer): number {
  let lines = 0;
  for (let index = data.indexOf(10); index !== -1; index = data.indexOf(10, index + 1)) lines++;
  return lines;
}
