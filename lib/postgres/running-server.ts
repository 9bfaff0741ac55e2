/**
 * The database of a running `npm start` (DATA_DIR/runtime.json, written by
 * scripts/start.ts): a command must use it rather than start the embedded
 * cluster a second time, which would stop the server's own.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";

export type RunningServer = { databaseUrl: string; appUrl?: string; pid: number };

export async function findRunningServer(dataDir: string): Promise<RunningServer | null> {
  const file = path.join(dataDir, "runtime.json");
  if (process.env.DATABASE_URL || !existsSync(file)) return null;
  try {
    const runtime = JSON.parse(await readFile(file, "utf8")) as Partial<RunningServer>;
    if (!runtime.databaseUrl || !runtime.pid) return null;
    // Throws when that launcher is gone (a stale file after a crash).
    process.kill(runtime.pid, 0);
    return { databaseUrl: runtime.databaseUrl, appUrl: runtime.appUrl, pid: runtime.pid };
  } catch {
    return null;
  }
}
