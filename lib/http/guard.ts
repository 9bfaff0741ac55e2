import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import type { TLSSocket } from "node:tls";
import { CLIENT_IP_HEADER } from "./client-ip";
import { ConcurrencyGate, type GateOptions, type Release } from "./concurrency-gate";
import { LimitedIncomingMessage } from "./limited-request";
import { GATE } from "./limits";
import { isNeverShed, LoadShedder, maxInFlightFromEnv, SHED_RETRY_AFTER_SECONDS } from "./load-shedder";
import { sendOverloaded } from "./overload-answer";
import {
  ALLOWED_METHODS,
  appHosts,
  bodyLimit,
  declaredLength,
  isCrossOrigin,
  isPossibleServerAction,
  REFUSED_METHODS,
  requestPath,
} from "./request-checks";
import { clientAddress, isTrusted, normalizeAddress, parseTrustedProxies, type TrustedProxies } from "./trusted-proxies";

/**
 * The thin guard in front of Next.js's request handler (scripts/server.ts):
 * it decides the client address, refuses malformed, cross-site and oversized
 * requests with their proper 4xx before Next.js reads them, and sheds load
 * with 503 when too many requests are in flight.
 */

export type Downstream = (req: IncomingMessage, res: ServerResponse) => unknown;

export type GuardOptions = {
  trustedProxies: TrustedProxies;
  /** Hosts of the public address (APP_URL) that server actions may come from, besides the Host header. */
  allowedHosts: readonly string[];
  /** The concurrency gate (its settings, or one to share); null lets every request through at once. */
  gate: GateOptions | ConcurrencyGate | null;
  /** Sheds requests beyond its limit with 503 at once (MAX_IN_FLIGHT); absent or null sheds nothing. */
  shedder?: LoadShedder | null;
  /** Called when the downstream handler throws. */
  onError?: (error: unknown, req: IncomingMessage) => void;
};

/** Short Dutch plain-text answers of the guard. */
export const MESSAGES = {
  400: "Ongeldig verzoek.",
  403: "Dit verzoek komt van een andere website en is geweigerd.",
  404: "Niet gevonden.",
  405: "Deze methode wordt niet ondersteund.",
  408: "Het verzoek duurde te lang.",
  413: "Het verzoek is te groot.",
  431: "De headers van het verzoek zijn te groot.",
  500: "Er ging iets mis op de server.",
  503: "De server is even te druk. Probeer het over een paar seconden opnieuw.",
} as const;

type Status = keyof typeof MESSAGES;

/** The guard's settings from the environment: TRUSTED_PROXIES, MAX_CONCURRENT_REQUESTS, MAX_IN_FLIGHT, APP_URL, NEXTAUTH_URL. Throws on invalid values. */
export function guardOptionsFromEnv(
  env: Readonly<Record<string, string | undefined>>,
): GuardOptions & { gate: GateOptions; shedder: LoadShedder } {
  const raw = env.MAX_CONCURRENT_REQUESTS?.trim();
  const maxConcurrent = raw ? Number(raw) : GATE.maxConcurrent;
  if (!Number.isSafeInteger(maxConcurrent) || maxConcurrent < 1) {
    throw new Error(`MAX_CONCURRENT_REQUESTS=${raw} is geen positief geheel getal.`);
  }
  return {
    trustedProxies: parseTrustedProxies(env.TRUSTED_PROXIES),
    allowedHosts: appHosts([env.APP_URL, env.NEXTAUTH_URL]),
    gate: { maxConcurrent, maxQueued: GATE.maxQueued, maxWaitMs: GATE.maxWaitMs },
    shedder: new LoadShedder(maxInFlightFromEnv(env)),
  };
}

/**
 * Puts the client address in CLIENT_IP_HEADER and X-Forwarded-For (Next.js
 * keeps an X-Forwarded-For it finds), and drops the forwarding headers of
 * peers that are no trusted proxy. Answers whether the peer is trusted.
 */
export function applyClientHeaders(req: IncomingMessage, trusted: TrustedProxies): boolean {
  const { headers, socket } = req;
  const peer = socket.remoteAddress ? normalizeAddress(socket.remoteAddress) : null;
  const peerTrusted = peer !== null && isTrusted(trusted, peer);
  const client = clientAddress(socket.remoteAddress, headers["x-forwarded-for"], trusted);
  delete headers[CLIENT_IP_HEADER];
  if (client) {
    headers[CLIENT_IP_HEADER] = client;
    headers["x-forwarded-for"] = client;
  } else {
    delete headers["x-forwarded-for"];
  }
  if (!peerTrusted) {
    for (const name of ["x-forwarded-host", "x-forwarded-port", "forwarded", "x-real-ip"]) delete headers[name];
    headers["x-forwarded-proto"] = (socket as Partial<TLSSocket>).encrypted ? "https" : "http";
  }
  return peerTrusted;
}

/** A complete plain-text answer that closes the connection (the unread body is not worth reading). */
export function refuse(res: ServerResponse, status: Status, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) {
    res.destroy();
    return;
  }
  // Drop whatever Next.js may have set already, so no stale Content-Length goes out; the request id stays.
  for (const name of res.getHeaderNames()) if (name !== "x-request-id") res.removeHeader(name);
  const body = MESSAGES[status];
  res.writeHead(status, {
    "Content-Type": "text/plain; charset=utf-8",
    "Content-Length": String(Buffer.byteLength(body)),
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    Connection: "close",
    ...headers,
  });
  res.end(body);
}

function rawAnswer(socket: Duplex, status: Status, headers: Record<string, string> = {}): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const body = MESSAGES[status];
  const lines = [
    `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}`,
    "Content-Type: text/plain; charset=utf-8",
    `Content-Length: ${Buffer.byteLength(body)}`,
    "Connection: close",
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
  ];
  socket.end(`${lines.join("\r\n")}\r\n\r\n${body}`, () => socket.destroy());
}

type Verdict = { ok: true; pathname: string; limit: number } | { ok: false; status: Status; headers?: Record<string, string> };

function inspect(req: IncomingMessage, options: GuardOptions, peerTrusted: boolean): Verdict {
  if (REFUSED_METHODS.has(req.method ?? "")) return { ok: false, status: 405, headers: { Allow: ALLOWED_METHODS } };
  const path = requestPath(req.url);
  if (!path.ok) return path;
  const { pathname } = path;
  // The app uses no next/image (next.config.ts also turns the optimizer off), so there is nothing to optimize.
  if (pathname === "/_next/image" || pathname.startsWith("/_next/image/")) return { ok: false, status: 404 };
  if (isPossibleServerAction(req.method, pathname, req.headers) && isCrossOrigin(req.headers, options.allowedHosts, peerTrusted)) {
    return { ok: false, status: 403 };
  }
  const limit = bodyLimit(req.method, pathname, req.headers);
  const length = declaredLength(req.headers);
  if (length !== null && length > limit) return { ok: false, status: 413 };
  return { ok: true, pathname, limit };
}

/** The request listener: checks, then hands the request to `downstream` through the gate. */
export function createGuard(downstream: Downstream, options: GuardOptions) {
  const gate = options.gate instanceof ConcurrencyGate || options.gate === null ? options.gate : new ConcurrencyGate(options.gate);
  const shedder = options.shedder ?? null;

  return async function guard(req: LimitedIncomingMessage, res: ServerResponse, expectsContinue = false): Promise<void> {
    const verdict = inspect(req, options, applyClientHeaders(req, options.trustedProxies));
    if (!verdict.ok) return refuse(res, verdict.status, verdict.headers);
    // Probes and static files are neither counted nor shed, and pass the gate (see isNeverShed).
    const exempt = isNeverShed(verdict.pathname);
    if (shedder && !exempt) {
      const leave = shedder.enter();
      if (!leave) return sendOverloaded(res, verdict.pathname, SHED_RETRY_AFTER_SECONDS);
      // "close" comes after the answer is sent and also when the client goes away first.
      res.once("close", leave);
    }

    let closed = false;
    res.once("close", () => (closed = true));
    req.limitBody(verdict.limit, () => {
      // Next.js may still try to answer on a response it no longer owns.
      res.on("error", () => {});
      refuse(res, 413);
    });

    if (gate && !exempt) {
      const gone = new AbortController();
      const abort = () => gone.abort();
      res.once("close", abort);
      const release: Release | null = await gate.acquire(gone.signal);
      res.off("close", abort);
      if (!release) {
        if (!closed && !res.writableEnded) sendOverloaded(res, verdict.pathname, GATE.retryAfterSeconds);
        return;
      }
      if (closed) return release();
      res.once("close", release);
    }

    if (closed || res.writableEnded) return;
    if (expectsContinue) res.writeContinue();
    try {
      await downstream(req, res);
    } catch (error) {
      options.onError?.(error, req);
      refuse(res, 500);
    }
  };
}

/** Node's answers to requests its parser refuses, in Dutch, with 405 for unknown methods (TRACK). */
function onClientError(error: Error & { code?: string }, socket: Duplex): void {
  const inFlight = (socket as Duplex & { _httpMessage?: ServerResponse })._httpMessage;
  if (error.code === "ECONNRESET" || (inFlight && inFlight.headersSent)) {
    socket.destroy();
    return;
  }
  const status: Status =
    error.code === "HPE_INVALID_METHOD"
      ? 405
      : error.code === "HPE_HEADER_OVERFLOW"
        ? 431
        : error.code === "ERR_HTTP_REQUEST_TIMEOUT"
          ? 408
          : 400;
  rawAnswer(socket, status, status === 405 ? { Allow: ALLOWED_METHODS } : {});
}

/** An HTTP server with the guard in front of `downstream` (Next.js's handler, or a stand-in in tests). */
export function createGuardedServer(downstream: Downstream, options: GuardOptions): http.Server<typeof LimitedIncomingMessage> {
  const guard = createGuard(downstream, options);
  // A fault in the guard itself costs one connection, never the process.
  const listen = (expectsContinue: boolean) => (req: LimitedIncomingMessage, res: ServerResponse) =>
    void guard(req, res, expectsContinue).catch((error: unknown) => {
      options.onError?.(error, req);
      res.destroy();
    });
  const server = http.createServer({ IncomingMessage: LimitedIncomingMessage }, listen(false));
  // Answer an oversized upload's "Expect: 100-continue" with 413 before the client sends it.
  server.on("checkContinue", listen(true));
  server.on("connect", (_req, socket) => rawAnswer(socket, 405, { Allow: ALLOWED_METHODS }));
  server.on("clientError", onClientError);
  return server;
}
