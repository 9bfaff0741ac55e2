import pg from "pg";
import { applicationName, releaseLock, tryLock } from "@/lib/postgres/advisory-lock";

/**
 * Leadership among the instances on one database: whoever holds a session
 * advisory lock on a connection of its own leads. The lock lives exactly as
 * long as that connection, so a leader that crashes, is killed or loses its
 * network gives it up without anyone cleaning up, and the next instance to
 * ask takes over. Not a pooled connection: a pool would hand the session (and
 * the lock) to unrelated queries, or close it while idle.
 */
export class LeaderLock {
  private client: pg.Client | null = null;

  constructor(
    private readonly databaseUrl: string,
    private readonly key: bigint,
  ) {}

  /** Whether this instance leads now: its lock's connection still answers, or the lock was free and is now taken. */
  async lead(): Promise<boolean> {
    if (this.client) {
      try {
        await this.client.query("SELECT 1");
        return true;
      } catch {
        this.drop(this.client);
      }
    }
    const client = new pg.Client({
      connectionString: this.databaseUrl,
      application_name: applicationName("scheduler"),
      connectionTimeoutMillis: 5_000,
      // A leader cut off from the database must notice, and PostgreSQL must notice it is gone.
      keepAlive: true,
    });
    // A connection that breaks later (server restart, network) ends the leadership; it must not crash the process.
    client.on("error", () => this.drop(client));
    try {
      await client.connect();
      if (await tryLock(client, this.key)) {
        this.client = client;
        return true;
      }
    } catch {
      // The database is unreachable: nobody can lead through it now.
    }
    await client.end().catch(() => {});
    return false;
  }

  get leading(): boolean {
    return this.client !== null;
  }

  /** Gives up the lead (at shutdown), so another instance takes over at its next tick instead of after a timeout. */
  async release(): Promise<void> {
    const client = this.client;
    this.client = null;
    if (!client) return;
    await releaseLock(client, this.key).catch(() => {});
    await client.end().catch(() => {});
  }

  private drop(client: pg.Client) {
    if (this.client === client) this.client = null;
    void client.end().catch(() => {});
  }
}
