/**
 * The load test posts comments and marks: it runs on a throwaway copy of the
 * bench database (CREATE DATABASE … TEMPLATE, a file copy that keeps the
 * planner statistics), so the bench data stays as `npm run bench:data` made it.
 */
import pg from "pg";
import { withDatabase } from "../../lib/postgres/embedded";

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

export type DatabaseCopy = { url: string; name: string; drop: () => Promise<void> };

export async function copyDatabase(sourceUrl: string, suffix: string): Promise<DatabaseCopy> {
  const source = decodeURIComponent(new URL(sourceUrl).pathname.slice(1)) || "postgres";
  const name = `${source}_${suffix}`.slice(0, 63);
  const admin = new pg.Client({ connectionString: withDatabase(sourceUrl, "postgres") });
  await admin.connect();
  const drop = () => admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`).then(() => undefined);
  try {
    await drop();
    await admin.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(source)}`);
  } catch (error) {
    await admin.end().catch(() => {});
    const { code, message } = error as { code?: string; message: string };
    if (code === "55006")
      throw new Error(`De benchdatabase ${source} is in gebruik (draait er een server op?); stop die eerst: ${message}`);
    throw error;
  }
  return {
    url: withDatabase(sourceUrl, name),
    name,
    drop: async () => {
      try {
        await drop();
      } finally {
        await admin.end().catch(() => {});
      }
    },
  };
}
