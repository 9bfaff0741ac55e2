/**
 * The portal's HTTP server: the guard of lib/http/guard.ts in front of
 * Next.js's request handler (a Next.js "custom server"). The launcher
 * (scripts/start.ts) runs it with `node --import tsx`; it can also run alone.
 *
 * Reads: NODE_ENV (`development`: Next.js's development server; anything
 * else: production, from the existing build in .next), PORT (3000),
 * HOSTNAME_BIND (0.0.0.0), TRUSTED_PROXIES (none), MAX_CONCURRENT_REQUESTS
 * (64), APP_URL / NEXTAUTH_URL (hosts server actions may come from),
 * LOG_FORMAT / LOG_LEVEL (lib/log/logger.ts), and whatever the app itself
 * reads (DATABASE_URL, NEXTAUTH_SECRET, …).
 *
 * Logs one line per request (lib/http/request-log.ts) and answers every
 * request with an X-Request-Id.
 *
 * SIGTERM or SIGINT: /api/ready turns 503, no new connections, in-flight
 * requests finish (at most SHUTDOWN_GRACE_MS), then Next.js, the scheduler
 * (its running tick first) and the database pool close, and it exits 0.
 *
 * In production it runs WEB_CONCURRENCY workers (default: one per core) with
 * Node's cluster module: this file's primary (lib/cluster/primary.ts) forks
 * workers that each run this file as a whole server; one of them runs the
 * scheduled work. Development is always one process.
 */
import cluster from "node:cluster";
import type { ServerResponse } from "node:http";
import path from "node:path";
import { readSignInConfig } from "../lib/accounts/sign-in-config";
import { runClusterPrimary } from "../lib/cluster/primary";
import { workerCountFromEnv } from "../lib/cluster/settings";
import { createGuardedServer, guardOptionsFromEnv, type GuardOptions } from "../lib/http/guard";
import { SHUTDOWN_GRACE_MS, SHUTDOWN_STEP_MS } from "../lib/http/limits";
import { runInRequestContext } from "../lib/http/request-context";
import { attachRequestLog, loggedPath, requestContextOf } from "../lib/http/request-log";
import { exitWithError, getLogger, parseLogSettings } from "../lib/log/logger";
import { markShuttingDown, runShutdownHooks } from "../lib/shutdown";
import { readUploadStorageConfig } from "../lib/uploads/storage-config";

const ROOT = path.resolve(import.meta.dirname, "..");

try {
  parseLogSettings(process.env);
} catch (error) {
  console.error(`[koppelkans] ${(error as Error).message}`);
  process.exit(1);
}
const log = getLogger("server");
function fatal(message: string): never {
  return exitWithError("server", message);
}

const dev = process.env.NODE_ENV === "development";
// Next.js and React pick their production code from NODE_ENV, so it must be set before they load.
if (!dev) (process.env as Record<string, string>).NODE_ENV = "production";
const port = Number.parseInt(process.env.PORT ?? "3000", 10);
const hostname = process.env.HOSTNAME_BIND ?? "0.0.0.0";
if (!Number.isInteger(port) || port < 0 || port > 65535) fatal(`PORT=${process.env.PORT} is geen geldige poort.`);

let options: GuardOptions;
let workerCount = 1;
try {
  options = guardOptionsFromEnv(process.env);
  if (!dev) workerCount = workerCountFromEnv(process.env);
  // Single sign-on and the password switch: a wrong value is one line here, not a broken sign-in page later.
  readSignInConfig(process.env);
  // Upload storage (UPLOAD_STORAGE, S3_*): a missing bucket or key is one line here, not a failing upload later.
  readUploadStorageConfig(process.env);
} catch (error) {
  fatal((error as Error).message);
}
// Without the launcher (a container runs this file itself), these are the process contract's must-haves.
if (!process.env.DATABASE_URL) fatal("DATABASE_URL ontbreekt: geef de PostgreSQL-database op, of start met npm start (dat start er een).");
if (!process.env.NEXTAUTH_SECRET) {
  fatal("NEXTAUTH_SECRET ontbreekt: geef elke instantie hetzelfde geheim (bijvoorbeeld openssl rand -base64 32), of start met npm start.");
}
if (workerCount > 1 && process.env.RATE_LIMIT_STORE === "memory") {
  fatal(
    `RATE_LIMIT_STORE=memory telt per proces en er draaien ${workerCount} werkers (WEB_CONCURRENCY): zet postgres, of WEB_CONCURRENCY=1.`,
  );
}
const publicUrl = process.env.APP_URL ?? process.env.NEXTAUTH_URL;
if (publicUrl) {
  process.env.APP_URL ??= publicUrl;
  process.env.NEXTAUTH_URL ??= publicUrl;
}

/**
 * Test-only, off unless KOPPELKANS_TEST_DELAY=1: a request with
 * `x-koppelkans-test-delay: <ms>` waits that long before Next.js serves it,
 * so a test has a request in flight when it sends SIGTERM.
 */
const testDelays = process.env.KOPPELKANS_TEST_DELAY === "1";
function testDelayOf(value: string | string[] | undefined): number {
  const ms = Number(Array.isArray(value) ? value[0] : value);
  return testDelays && Number.isFinite(ms) && ms > 0 ? Math.min(ms, 30_000) : 0;
}

/** One whole server: the guard, Next.js's handler, its listener and its SIGTERM drain. */
async function serve() {
  const { default: next } = await import("next");
  type Handler = ReturnType<ReturnType<typeof next>["getRequestHandler"]>;
  let handle: Handler | null = null;

  const server = createGuardedServer(
    async (req, res) => {
      const delay = testDelayOf(req.headers["x-koppelkans-test-delay"]);
      if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
      // The app notes the signed-in user in this context (lib/session.ts); the request log reads it.
      return runInRequestContext(requestContextOf(req), () => handle!(req, res));
    },
    {
      ...options,
      onError: (error, req) =>
        log.error({ err: error, reqId: requestContextOf(req).requestId, method: req.method, path: loggedPath(req.url) }, "Verzoek mislukt"),
    },
  );
  attachRequestLog(server, { logger: getLogger("http"), trustedProxies: options.trustedProxies });
  // Answers being written: closing idle connections while one is still flushing would cut it short.
  const answering = new Set<ServerResponse>();
  const track = (_req: unknown, res: ServerResponse) => {
    answering.add(res);
    res.once("close", () => answering.delete(res));
  };
  server.on("request", track);
  server.on("checkContinue", track);
  // Next.js attaches its own upgrade handler (hot reloading in development) to this server.
  const app = next({ dev, dir: ROOT, hostname, port, httpServer: server });
  try {
    await app.prepare();
  } catch (error) {
    fatal(`Next.js start niet: ${(error as Error).message}`);
  }
  handle = app.getRequestHandler();

  server.on("error", (error: NodeJS.ErrnoException) => {
    fatal(error.code === "EADDRINUSE" ? `Poort ${port} is al in gebruik.` : `De webserver start niet: ${error.message}`);
  });
  server.listen(port, hostname, () => {
    const address = server.address();
    const actualPort = typeof address === "object" && address ? address.port : port;
    if (!publicUrl && !dev) log.warn(`APP_URL is niet gezet: links in e-mails wijzen naar http://localhost:${actualPort}.`);
    log.info(
      {
        port: actualPort,
        mode: dev ? "development" : "production",
        scheduler: process.env.KOPPELKANS_SCHEDULER !== "0",
        uploadStorage: process.env.UPLOAD_STORAGE ?? "local",
      },
      `De webserver luistert op ${hostname}:${actualPort} (${dev ? "ontwikkeling" : "productie"}).`,
    );
  });

  let stopping = false;
  async function shutdown(signal: NodeJS.Signals) {
    if (stopping) return;
    stopping = true;
    markShuttingDown();
    log.info({ signal }, `${signal}: geen nieuwe verbindingen; lopende verzoeken krijgen ${SHUTDOWN_GRACE_MS / 1000} s om af te ronden.`);
    // Stop accepting; idle keep-alive connections close now, busy ones after their answer.
    const closed = new Promise<boolean>((resolve) => server.close(() => resolve(true)));
    // Node counts a connection idle once its answer is ended, before it is flushed; wait for the flush.
    const flushing = () => [...answering].some((res) => res.writableEnded && !res.writableFinished);
    const idle = setInterval(() => flushing() || server.closeIdleConnections(), 100);
    const deadline = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), SHUTDOWN_GRACE_MS).unref());
    const drained = await Promise.race([closed, deadline]);
    clearInterval(idle);
    if (!drained) log.warn("Niet elk verzoek was op tijd klaar; die verbindingen worden gesloten.");
    server.closeAllConnections();
    await app.close().catch((error: unknown) => log.error({ err: error }, "Next.js sluit niet netjes af"));
    // The scheduler (after its running tick), then the database pool.
    for (const { name, error } of await runShutdownHooks({ timeoutMs: SHUTDOWN_STEP_MS })) {
      log.warn({ step: name }, `Afsluiten: ${name} ${error}`);
    }
    log.info("De webserver is gestopt.");
    process.exit(0);
  }
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

if (cluster.isPrimary && workerCount > 1) {
  // A worker needs its grace period and its closing steps; the launcher's own limit (30 s) may come first.
  const stopMs = SHUTDOWN_GRACE_MS + 2 * SHUTDOWN_STEP_MS + 5_000;
  runClusterPrimary({ count: workerCount, log: getLogger("cluster"), scheduler: process.env.KOPPELKANS_SCHEDULER !== "0", stopMs });
} else {
  await serve();
}
