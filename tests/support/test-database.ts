import { randomBytes } from "node:crypto";
import pg from "pg";
import { withDatabase } from "@/lib/postgres/embedded";

/** Runs statements on the maintenance database of `serverUrl`. */
export async function onServer<T>(serverUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** A fresh database cloned from `template`; returns its URL and a drop function. */
export async function createDatabaseFrom(serverUrl: string, template: string | null, prefix = "kk_test") {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  await onServer(serverUrl, async (client) => {
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`);
        return;
      } catch (error) {
        // Another file may be cloning the same template this very moment.
        if (attempt >= 10 || (error as { code?: string }).code !== "55006") throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
  });
  return {
    name,
    url: withDatabase(serverUrl, name),
    drop: () => onServer(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)),
  };
}
