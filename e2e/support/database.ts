import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";

/** The URL of the embedded database the launcher started for this run (written to DATA_DIR/runtime.json). */
export function databaseUrl(): string {
  const dataDir = process.env.E2E_DATA_DIR;
  if (!dataDir) throw new Error("E2E_DATA_DIR is not set (playwright.config.ts sets it)");
  return (JSON.parse(readFileSync(path.join(dataDir, "runtime.json"), "utf8")) as { databaseUrl: string }).databaseUrl;
}

export async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}
