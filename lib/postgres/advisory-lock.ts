/**
 * Session-level advisory locks on a dedicated connection: what lets several
 * instances share one database (migrations and the demo seed run once, one
 * scheduler leads). Session locks need the connection to stay the same, so
 * they never go through a pool, and DATABASE_URL must not point at a
 * transaction-mode pooler (PgBouncer `pool_mode=transaction`).
 */
import { hostname } from "node:os";
import pg from "pg";

/** Keys of the portal's own locks: any numbers no other application on the database uses (migrate: also taken by restores). */
export const LOCK_KEYS = { migrate: 7_240_118_201n, seed: 7_240_118_202n, scheduler: 7_240_118_203n } as const;

export class LockTimeoutError extends Error {}

/** `application_name` of our connections, so another instance (and pg_stat_activity) can say who holds a lock. */
export function applicationName(role: string): string {
  return `koppelkans-${role} ${hostname()} pid ${process.pid}`.slice(0, 63);
}

/** Who holds lock `key`, in words: the connection's application name and since when; "onbekend" when PostgreSQL does not say. */
export async function describeHolder(client: pg.Client, key: bigint): Promise<string> {
  const { rows } = await client.query<{ application_name: string | null; pid: number; backend_start: Date | null }>(
    `SELECT a.application_name, a.pid, a.backend_start
       FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
        AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
        AND l.classid::bigint = ($1::bigint >> 32) AND l.objid::bigint = ($1::bigint & 4294967295)`,
    [key.toString()],
  );
  const holder = rows[0];
  if (!holder) return "onbekend";
  const since = holder.backend_start ? `, verbonden sinds ${holder.backend_start.toISOString()}` : "";
  return `${holder.application_name || "een verbinding zonder naam"} (PostgreSQL-proces ${holder.pid}${since})`;
}

/** Takes lock `key` now when it is free. */
export async function tryLock(client: pg.Client, key: bigint): Promise<boolean> {
  const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1::bigint) AS locked", [key.toString()]);
  return rows[0]?.locked === true;
}

/**
 * Takes lock `key`, waiting at most `timeoutMs` for whoever holds it;
 * `onWait` hears who that is once. Throws LockTimeoutError naming the holder.
 */
export async function acquireLock(
  client: pg.Client,
  key: bigint,
  { timeoutMs, onWait }: { timeoutMs: number; onWait?: (holder: string) => void },
): Promise<void> {
  if (await tryLock(client, key)) return;
  onWait?.(await describeHolder(client, key));
  await client.query(`SET lock_timeout = ${Math.max(1, Math.round(timeoutMs))}`);
  try {
    await client.query("SELECT pg_advisory_lock($1::bigint)", [key.toString()]);
  } catch (error) {
    if ((error as { code?: string }).code !== "55P03") throw error;
    throw new LockTimeoutError(await describeHolder(client, key));
  } finally {
    await client.query("RESET lock_timeout").catch(() => {});
  }
}

export async function releaseLock(client: pg.Client, key: bigint): Promise<void> {
  await client.query("SELECT pg_advisory_unlock($1::bigint)", [key.toString()]);
}

/** Runs `work` holding lock `key` on a connection of its own to `url`. */
export async function withLock<T>(
  url: string,
  key: bigint,
  options: { role: string; timeoutMs: number; onWait?: (holder: string) => void },
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: url, application_name: applicationName(options.role) });
  await client.connect();
  try {
    await acquireLock(client, key, options);
    try {
      return await work(client);
    } finally {
      await releaseLock(client, key).catch(() => {});
    }
  } finally {
    await client.end().catch(() => {});
  }
}
