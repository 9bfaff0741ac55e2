import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";

/**
 * A second portal for tests that stop, kill and restart it: the launcher
 * (`node --import tsx scripts/start.ts start`, as `npm start`) on its own
 * port and DATA_DIR, reusing the build the Playwright web server made (the
 * build fingerprint matches, so it does not build again).
 */
const root = path.resolve(import.meta.dirname, "..", "..");

export type Launcher = { child: ChildProcess; output: () => string; exited: () => boolean };

export function startLauncher({ dataDir, port, env = {} }: { dataDir: string; port: number; env?: Record<string, string> }): Launcher {
  const url = `http://localhost:${port}`;
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", "start"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: "", DATA_DIR: dataDir, PORT: String(port), APP_URL: url, NEXTAUTH_URL: url, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  return { child, output: () => output, exited: () => child.exitCode !== null || child.signalCode !== null };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function waitFor(condition: () => Promise<boolean> | boolean, what: string, launcher?: Launcher, ms = 180_000) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}\n${launcher?.output() ?? ""}`);
}

/** Whether the portal answers, database included (GET /api/health?db=1). */
export async function answers(port: number): Promise<boolean> {
  try {
    return (await fetch(`http://localhost:${port}/api/health?db=1`, { signal: AbortSignal.timeout(2_000) })).ok;
  } catch {
    return false;
  }
}

export function alive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function postmasterPid(dataDir: string): number {
  return Number.parseInt(readFileSync(path.join(dataDir, "postgres", "postmaster.pid"), "utf8").split("\n")[0]!, 10);
}

/** The launcher's child that runs scripts/server.ts (the HTTP server in front of Next.js). */
export function serverPid(launcherPid: number): number | null {
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === launcherPid && readFileSync(`/proc/${entry}/cmdline`, "utf8").includes("scripts/server.ts")) return Number(entry);
    } catch {
      // The process ended while we looked.
    }
  }
  return null;
}

/** One SQL statement on the launcher's embedded database (its URL is in DATA_DIR/runtime.json while it runs). */
export async function sqlIn<T extends pg.QueryResultRow>(dataDir: string, text: string, params: unknown[] = []): Promise<T[]> {
  const { databaseUrl } = JSON.parse(readFileSync(path.join(dataDir, "runtime.json"), "utf8")) as { databaseUrl: string };
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

/** SIGTERM, then waits (at most 30 s) for the launcher to stop its server and database. */
export async function stopLauncher(launcher: Launcher) {
  if (launcher.exited()) return;
  launcher.child.kill("SIGTERM");
  await waitFor(launcher.exited, "the launcher to stop", launcher, 30_000).catch(() => launcher.child.kill("SIGKILL"));
}
