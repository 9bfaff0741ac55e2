/**
 * Finds the database for a command-line entry point (launcher, migrate, seed):
 * DATABASE_URL when set, else the embedded cluster under DATA_DIR.
 */
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, withDatabase, type EmbeddedCluster } from "./embedded";

export const DEFAULT_DATA_DIR = "./data";
const APP_DATABASE = "koppelkans";

export type DatabaseHandle = {
  url: string;
  embedded: EmbeddedCluster | null;
  close: () => Promise<void>;
};

/** `postgres://user@host:port/db`, without the password, for messages. */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = "";
    return parsed.toString();
  } catch {
    return "(ongeldige DATABASE_URL)";
  }
}

export class DatabaseUnreachableError extends Error {}

/** Connects once, to fail early with one readable line instead of a stack trace. */
export async function checkConnection(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    const reason = (error as Error).message || (error as NodeJS.ErrnoException).code || String(error);
    throw new DatabaseUnreachableError(`Kan de database ${describeUrl(url)} niet bereiken: ${reason}`);
  } finally {
    await client.end().catch(() => {});
  }
}

async function ensureDatabaseExists(serverUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

export async function openDatabase(
  options: {
    dataDir?: string;
    log?: (line: string) => void;
    postgresLog?: (line: string) => void;
  } = {},
): Promise<DatabaseHandle> {
  const external = process.env.DATABASE_URL;
  if (external) {
    await checkConnection(external);
    return { url: external, embedded: null, close: async () => {} };
  }
  const dataDir = path.resolve(options.dataDir ?? process.env.DATA_DIR ?? DEFAULT_DATA_DIR);
  options.log?.(`Ingebouwde PostgreSQL start (data in ${path.join(dataDir, "postgres")})…`);
  const cluster = await startEmbeddedPostgres({
    clusterDir: path.join(dataDir, "postgres"),
    log: options.postgresLog,
    notice: options.log,
  });
  await ensureDatabaseExists(cluster.url, APP_DATABASE);
  return { url: withDatabase(cluster.url, APP_DATABASE), embedded: cluster, close: cluster.stop };
}
