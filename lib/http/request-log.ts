import { randomUUID } from "node:crypto";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { Logger } from "pino";
import type { RequestContext } from "./request-context";
import { isTrusted, normalizeAddress, type TrustedProxies } from "./trusted-proxies";

/**
 * One log line per request (method, path, status, duration, request id, the
 * user's id when the app read the session) and an `X-Request-Id` on every
 * answer. Never the query string, the client's address, its user agent or
 * cookies: the logs hold no personal data beyond user ids.
 */

export const REQUEST_ID_HEADER = "x-request-id";

/** What a proxy's request id may look like (a UUID, a trace id, `abc-123.4`), so nothing odd reaches the logs. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Path prefixes whose next segment is a secret (an invitation, reset, unsubscribe or feed token). */
export const SECRET_PATH_PREFIXES = ["/uitnodiging/", "/wachtwoord-herstellen/", "/afmelden/", "/api/afmelden/", "/feed/"] as const;

const MAX_LOGGED_PATH = 300;

/** The request id a trusted proxy sent, or a new one: a client cannot choose the id of its own log line. */
export function requestIdOf(req: IncomingMessage, trusted: TrustedProxies): string {
  const incoming = req.headers[REQUEST_ID_HEADER];
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  const peer = req.socket.remoteAddress ? normalizeAddress(req.socket.remoteAddress) : null;
  if (value && REQUEST_ID.test(value) && peer !== null && isTrusted(trusted, peer)) return value;
  return randomUUID();
}

/** The path as logged: no query string or fragment, tokens replaced by `:token`, bounded in length. */
export function loggedPath(url: string | undefined): string {
  const raw = (url ?? "").split(/[?#]/, 1)[0] ?? "";
  for (const prefix of SECRET_PATH_PREFIXES) {
    if (raw.startsWith(prefix) && raw.length > prefix.length) return `${prefix}:token`;
  }
  return raw.length > MAX_LOGGED_PATH ? `${raw.slice(0, MAX_LOGGED_PATH)}…` : raw;
}

/** Static files and passing health probes are many and say little: only LOG_LEVEL=debug shows them. */
function isRoutine(path: string, status: number): boolean {
  return path.startsWith("/_next/static/") || ((path === "/api/health" || path === "/api/ready") && status < 400);
}

const contexts = new WeakMap<IncomingMessage, RequestContext>();

/** The context the request log made for `req` (for runInRequestContext around Next.js's handler). */
export function requestContextOf(req: IncomingMessage): RequestContext {
  let context = contexts.get(req);
  if (!context) {
    context = { requestId: randomUUID(), userId: null };
    contexts.set(req, context);
  }
  return context;
}

/**
 * Logs every request `server` answers, in front of its other listeners (the
 * guard): the id is set before anything else can answer, and refusals are
 * logged too.
 */
export function attachRequestLog(server: Server, { logger, trustedProxies }: { logger: Logger; trustedProxies: TrustedProxies }): void {
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    const started = process.hrtime.bigint();
    const requestId = requestIdOf(req, trustedProxies);
    const context: RequestContext = { requestId, userId: null };
    contexts.set(req, context);
    req.headers[REQUEST_ID_HEADER] = requestId;
    res.setHeader("X-Request-Id", requestId);
    res.once("close", () => {
      const ms = Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10;
      const line = {
        reqId: requestId,
        method: req.method,
        path: loggedPath(req.url),
        status: res.statusCode,
        ms,
        ...(context.userId ? { userId: context.userId } : {}),
        // The client went away (or the connection was cut) before the whole answer was sent.
        ...(res.writableFinished ? {} : { aborted: true }),
      };
      // A shed request (503 with Retry-After) is the server protecting itself, not a fault: a flood of them must not read as errors.
      if (res.statusCode === 503 && res.hasHeader("retry-after")) logger.warn({ ...line, shed: true }, "request");
      else if (res.statusCode >= 500) logger.error(line, "request");
      else if (isRoutine(line.path, res.statusCode)) logger.debug(line, "request");
      else logger.info(line, "request");
    });
  };
  server.prependListener("request", onRequest);
  server.prependListener("checkContinue", onRequest);
}
