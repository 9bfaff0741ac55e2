/**
 * The server under test: the production launcher (scripts/start.ts start) in a
 * child process on a free loopback port, with the bench DATA_DIR. It builds
 * first when the sources changed, as `npm start` does. Also: finding the
 * Next.js server process under the launcher and reading its memory.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { findFreePort } from "../../lib/postgres/embedded";

const ROOT = path.resolve(import.meta.dirname, "../..");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type RuntimeInfo = { databaseUrl: string; appUrl: string; pid: number };

export async function readRuntime(dataDir: string): Promise<RuntimeInfo | null> {
  try {
    return JSON.parse(await readFile(path.join(dataDir, "runtime.json"), "utf8")) as RuntimeInfo;
  } catch {
    return null;
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export type StartedServer = {
  url: string;
  launcherPid: number;
  runtime: RuntimeInfo;
  logFile: string;
  stop: () => Promise<void>;
};

/**
 * Starts the launcher and waits until the app answers (a build may take
 * minutes on a busy machine). Lines of the launcher itself ([koppelkans] …)
 * are passed to `say`; everything goes to `logFile`.
 */
export async function startServer({
  dataDir,
  say,
  env = {},
  timeoutMs = 20 * 60_000,
}: {
  dataDir: string;
  say: (line: string) => void;
  /** Extra environment for the server (e.g. SQL_CAPTURE_FILE). */
  env?: Record<string, string>;
  timeoutMs?: number;
}): Promise<StartedServer> {
  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}`;
  const logFile = path.join(dataDir, "bench-server.log");
  const log = createWriteStream(logFile);
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", "start"], {
    cwd: ROOT,
    // Pretty logs: the launcher's own "[koppelkans] …" lines are echoed below.
    env: {
      ...process.env,
      LOG_FORMAT: process.env.LOG_FORMAT ?? "pretty",
      DATA_DIR: dataDir,
      PORT: String(port),
      HOSTNAME_BIND: "127.0.0.1",
      APP_URL: url,
      NEXTAUTH_URL: url,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let exited: number | null = null;
  const exit = new Promise<void>((resolve) => child.once("exit", (code, signal) => ((exited = code ?? (signal ? 1 : 0)), resolve())));
  const tail: string[] = [];
  for (const stream of [child.stdout!, child.stderr!]) {
    let partial = "";
    stream.on("data", (chunk: Buffer) => {
      log.write(chunk);
      const lines = (partial + chunk.toString("utf8")).split("\n");
      partial = lines.pop() ?? "";
      for (const line of lines) {
        tail.push(line);
        if (tail.length > 30) tail.shift();
        if (line.startsWith("[koppelkans]")) say(`  ${line}`);
      }
    });
  }

  const stop = async () => {
    if (exited === null) {
      child.kill("SIGTERM");
      const done = await Promise.race([exit.then(() => true), sleep(30_000).then(() => false)]);
      if (!done && child.pid) {
        say("De server stopt niet binnen 30 s; SIGKILL.");
        child.kill("SIGKILL");
        await exit;
      }
    }
    log.end();
  };

  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      if (exited !== null) throw new Error(`De server stopte (code ${exited}). Laatste regels:\n${tail.join("\n")}`);
      if (Date.now() > deadline)
        throw new Error(`De server antwoordt niet binnen ${Math.round(timeoutMs / 60_000)} minuten; zie ${logFile}.`);
      const runtime = await readRuntime(dataDir);
      if (runtime && runtime.pid === child.pid) {
        const ready = await fetch(`${url}/inloggen`, { redirect: "manual" }).then(
          (response) => response.status < 500,
          () => false,
        );
        if (ready) return { url, launcherPid: child.pid!, runtime, logFile, stop };
      }
      await sleep(500);
    }
  } catch (error) {
    await stop();
    throw error;
  }
}

type ProcessInfo = { pid: number; ppid: number; name: string };

async function listProcesses(): Promise<ProcessInfo[]> {
  const out: ProcessInfo[] = [];
  for (const entry of await readdir("/proc").catch(() => [] as string[])) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = await readFile(`/proc/${entry}/stat`, "utf8");
      // "pid (comm) state ppid …"; comm may hold spaces and parentheses.
      const close = stat.lastIndexOf(")");
      const fields = stat.slice(close + 2).split(" ");
      out.push({ pid: Number(entry), ppid: Number(fields[1]), name: stat.slice(stat.indexOf("(") + 1, close) });
    } catch {
      // The process ended while we looked.
    }
  }
  return out;
}

async function statusField(pid: number, field: string): Promise<number | null> {
  try {
    const match = (await readFile(`/proc/${pid}/status`, "utf8")).match(new RegExp(`^${field}:\\s+(\\d+) kB`, "m"));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** The Next.js server and the PostgreSQL postmaster under the launcher (the latter only for the embedded database). */
export async function serverProcesses(launcherPid: number): Promise<{ next: number | null; postmaster: number | null }> {
  const children = (await listProcesses()).filter((p) => p.ppid === launcherPid);
  // Next.js may rename its process "next-server (v…)"; otherwise the server is the launcher's node child (scripts/server.ts:
  // with several workers their primary). Not tsx's esbuild service, not PostgreSQL's "postgres".
  const next =
    children.find((p) => p.name.startsWith("next-server")) ??
    children.find((p) => p.name === "node") ??
    children.find((p) => !p.name.startsWith("postgres") && p.name !== "esbuild");
  const postmaster = children.find((p) => p.name.startsWith("postgres"));
  return { next: next?.pid ?? null, postmaster: postmaster?.pid ?? null };
}

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** CPU time (user + system, ms) a process has used; with `withChildren`, also what its ended children used. */
async function processCpuMs(pid: number, withChildren = false): Promise<number | null> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // After the comm: state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14).
    const ticks = Number(fields[11]) + Number(fields[12]) + (withChildren ? Number(fields[13]) + Number(fields[14]) : 0);
    return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/**
 * CPU time (ms) used so far by a process and all its descendants (PostgreSQL:
 * the postmaster and every backend). Unlike wall time, this hardly changes
 * when other work competes for the CPU. Null without /proc.
 */
export async function treeCpuMs(rootPid: number | null): Promise<number | null> {
  if (rootPid === null || !existsSync("/proc")) return null;
  const processes = await listProcesses();
  const tree = [rootPid];
  for (let i = 0; i < tree.length; i++) for (const p of processes) if (p.ppid === tree[i]) tree.push(p.pid);
  let total = 0;
  for (const pid of tree) total += (await processCpuMs(pid, true)) ?? 0;
  return total;
}

/** CPU time (ms) of one process, e.g. the backend of the bench's own connection. Null when it is not visible here. */
export function backendCpuMs(pid: number): Promise<number | null> {
  return existsSync("/proc") ? processCpuMs(pid) : Promise.resolve(null);
}

export type ServerMemory = {
  pid: number;
  name: string;
  /** Summed over the server's processes (workers). */
  rss: number;
  /** The largest single process's VmRSS (a worker's). */
  largest: number;
  peak: number | null;
  processes: number;
};

/**
 * The Next.js server under the launcher (its child that is not PostgreSQL),
 * with any processes of its own: resident memory now (VmRSS) and at its peak
 * (VmHWM), summed over them. Null without /proc or when it is not found.
 */
export async function serverMemory(launcherPid: number): Promise<ServerMemory | null> {
  if (!existsSync("/proc")) return null;
  const processes = await listProcesses();
  const { next: nextPid } = await serverProcesses(launcherPid);
  const next = processes.find((p) => p.pid === nextPid);
  if (!next) return null;
  const tree = [next.pid];
  for (let i = 0; i < tree.length; i++) for (const p of processes) if (p.ppid === tree[i]) tree.push(p.pid);
  let rss = 0;
  let largest = 0;
  let peak = 0;
  for (const pid of tree) {
    const own = (await statusField(pid, "VmRSS")) ?? 0;
    rss += own;
    largest = Math.max(largest, own);
    peak += (await statusField(pid, "VmHWM")) ?? 0;
  }
  return { pid: next.pid, name: next.name, rss, largest, peak: peak || null, processes: tree.length };
}
