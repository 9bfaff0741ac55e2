import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { CACHE_CHANNEL, CACHE_TAGS } from "../../lib/cache/tags";

/** The URL of the embedded database the launcher started for this run (written to DATA_DIR/runtime.json). */
export function databaseUrl(): string {
  const dataDir = process.env.E2E_DATA_DIR;
  if (!dataDir) throw new Error("E2E_DATA_DIR is not set (playwright.config.ts sets it)");
  return (JSON.parse(readFileSync(path.join(dataDir, "runtime.json"), "utf8")) as { databaseUrl: string }).databaseUrl;
}

/**
 * Seeding by SQL passes the write pipeline by, so the server's caches of what
 * is the same for everyone (lib/cache) would not hear of it: tell every worker
 * that anything may have changed, as a write through the app would.
 */
export async function forgetCachedReads(client: pg.ClientBase): Promise<void> {
  await client.query("SELECT pg_notify($1, $2)", [CACHE_CHANNEL, CACHE_TAGS.join(",")]);
}

/** True for a statement that may change rows (anything but a plain SELECT; a WITH may write too). */
export const mayWrite = (sql: string) => !/^\s*SELECT\b/i.test(sql);

export async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    const rows = (await client.query<T>(sql, params)).rows;
    if (mayWrite(sql)) await forgetCachedReads(client);
    return rows;
  } finally {
    await client.end();
  }
}
