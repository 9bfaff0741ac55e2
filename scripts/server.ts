/**
 * The portal's HTTP server: the guard of lib/http/guard.ts in front of
 * Next.js's request handler (a Next.js "custom server"). The launcher
 * (scripts/start.ts) runs it with `node --import tsx`; it can also run alone.
 *
 * Reads: NODE_ENV (`development`: Next.js's development server; anything
 * else: production, from the existing build in .next), PORT (3000),
 * HOSTNAME_BIND (0.0.0.0), TRUSTED_PROXIES (none), MAX_CONCURRENT_REQUESTS
 * (64), APP_URL / NEXTAUTH_URL (hosts server actions may come from), and
 * whatever the app itself reads (DATABASE_URL, NEXTAUTH_SECRET, …).
 *
 * SIGTERM or SIGINT: stop accepting connections, let in-flight requests
 * finish (at most SHUTDOWN_GRACE_MS), close Next.js, exit 0.
 */
import path from "node:path";
import { createGuardedServer, guardOptionsFromEnv, type GuardOptions } from "../lib/http/guard";
import { SHUTDOWN_GRACE_MS } from "../lib/http/limits";

const ROOT = path.resolve(import.meta.dirname, "..");
const say = (line: string) => console.log(`[koppelkans] ${line}`);

function fatal(message: string): never {
  console.error(`[koppelkans] ${message}`);
  process.exit(1);
}

const dev = process.env.NODE_ENV === "development";
// Next.js and React pick their production code from NODE_ENV, so it must be set before they load.
if (!dev) (process.env as Record<string, string>).NODE_ENV = "production";
const port = Number.parseInt(process.env.PORT ?? "3000", 10);
const hostname = process.env.HOSTNAME_BIND ?? "0.0.0.0";
if (!Number.isInteger(port) || port < 0 || port > 65535) fatal(`PORT=${process.env.PORT} is geen geldige poort.`);

let options: GuardOptions;
try {
  options = guardOptionsFromEnv(process.env);
} catch (error) {
  fatal((error as Error).message);
}

const { default: next } = await import("next");
type Handler = ReturnType<ReturnType<typeof next>["getRequestHandler"]>;
let handle: Handler | null = null;

const server = createGuardedServer((req, res) => handle!(req, res), {
  ...options,
  onError: (error, req) => console.error(`[koppelkans] Verzoek ${req.method} ${req.url} mislukt:`, error),
});
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
  say(`De webserver luistert op ${hostname}:${actualPort} (${dev ? "ontwikkeling" : "productie"}).`);
});

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  // Stop accepting; idle keep-alive connections close now, busy ones after their answer.
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  const idle = setInterval(() => server.closeIdleConnections(), 100);
  const deadline = new Promise<void>((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS).unref());
  await Promise.race([closed, deadline]);
  clearInterval(idle);
  server.closeAllConnections();
  await app.close().catch((error: unknown) => console.error("[koppelkans] Next.js sluit niet netjes af:", error));
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown());
process.on("SIGINT", () => void shutdown());
