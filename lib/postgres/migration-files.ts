/**
 * The migration files and how a database's applied list compares with them.
 * Nothing here knows where the files are (lib/postgres/migrate.ts does, for
 * the scripts), so Next.js can bundle it for /api/ready.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

export type Migration = { name: string; sql: string; checksum: string };

export function checksum(sql: string): string {
  return createHash("sha256").update(sql).digest("hex");
}

/** The migrations in `dir`, oldest first (folder names start with a timestamp); none when it does not exist. */
export async function readMigrationFiles(dir: string): Promise<Migration[]> {
  // The folder is read at run time, not part of the server bundle.
  if (!existsSync(/* turbopackIgnore: true */ dir)) return [];
  const entries = await readdir(/* turbopackIgnore: true */ dir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(/* turbopackIgnore: true */ path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: checksum(sql) };
    }),
  );
}

export type MigrationState = "current" | "pending" | "ahead" | "changed";

/**
 * How the database's applied migrations compare with the files: `pending`
 * (files not applied yet: this code needs a newer schema), `changed` (an
 * applied file differs), `ahead` (the database has migrations this code does
 * not know, as while a newer version rolls out), else `current`.
 */
export function compareMigrations(applied: ReadonlyMap<string, string>, onDisk: readonly Migration[]): MigrationState {
  if (onDisk.some((migration) => !applied.has(migration.name))) return "pending";
  if (onDisk.some((migration) => applied.get(migration.name) !== migration.checksum)) return "changed";
  return applied.size > onDisk.length ? "ahead" : "current";
}
