import { readdirSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { createGuardedServer } from "@/lib/http/guard";
import { noteRequestUser, runInRequestContext } from "@/lib/http/request-context";
import { attachRequestLog, loggedPath, requestContextOf, SECRET_PATH_PREFIXES } from "@/lib/http/request-log";
import { parseTrustedProxies } from "@/lib/http/trusted-proxies";
import { createLogger, parseLogSettings } from "@/lib/log/logger";
import { formatPretty } from "@/lib/log/pretty";

// One JSON line per request, with a request id and no personal data beyond the user's id.

type Line = Record<string, unknown>;
const servers: http.Server[] = [];

async function start(trusted = "") {
  const lines: Line[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)) as Line);
      done();
    },
  });
  const trustedProxies = parseTrustedProxies(trusted);
  const server = createGuardedServer(
    (req, res) =>
      runInRequestContext(requestContextOf(req), async () => {
        // As lib/session.ts does once it has read the session.
        if (req.url?.startsWith("/signed-in")) noteRequestUser("user_123");
        await new Promise((resolve) => setTimeout(resolve, 5));
        res.end("ok");
      }),
    { trustedProxies, allowedHosts: [], gate: null },
  );
  attachRequestLog(server, { logger: createLogger({ format: "json", level: "info" }, sink), trustedProxies });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
  const port = (server.address() as AddressInfo).port;
  const request = (target: string, { method = "GET", headers = {} }: { method?: string; headers?: Record<string, string> } = {}) =>
    new Promise<{ status: number; requestId: string | undefined; line: Line }>((resolve, reject) => {
      const req = http.request({ host: "127.0.0.1", port, path: target, method, headers }, (res) => {
        res.resume();
        res.on("end", () =>
          // The log line is written when the response closes, right after its end.
          setTimeout(
            () => resolve({ status: res.statusCode ?? 0, requestId: res.headers["x-request-id"] as string, line: lines.at(-1)! }),
            20,
          ),
        );
      });
      req.on("error", reject);
      req.end();
    });
  return { request, lines };
}

afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((server) => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    }),
  );
});

describe("the request log", () => {
  it("writes one line per request: method, path without its query, status, duration and the id it answers with", async () => {
    const { request, lines } = await start();
    const { status, requestId, line } = await request("/updates?q=warmtepomp+Jansen&page=2", { headers: { "user-agent": "Firefox/140" } });
    expect(status).toBe(200);
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines).toHaveLength(1);
    expect(line).toMatchObject({ level: "info", msg: "request", reqId: requestId, method: "GET", path: "/updates", status: 200 });
    expect(typeof line.ms).toBe("number");
    expect(typeof line.time).toBe("string");
    const text = JSON.stringify(line);
    for (const personal of ["warmtepomp", "Jansen", "127.0.0.1", "Firefox"]) expect(text).not.toContain(personal);
    expect(line).not.toHaveProperty("userId");
  });

  it("leaves passing health probes and static files to LOG_LEVEL=debug", async () => {
    const { request, lines } = await start();
    await request("/api/ready");
    await request("/_next/static/chunks/app.js");
    expect(lines).toEqual([]);
    await request("/api/health?db=1");
    expect(lines).toEqual([]);
  });

  it("names the signed-in user by id", async () => {
    const { request } = await start();
    expect((await request("/signed-in")).line).toMatchObject({ path: "/signed-in", userId: "user_123" });
  });

  it("logs and ids the guard's own refusals too", async () => {
    const { request } = await start();
    const { status, requestId, line } = await request("/", { method: "TRACE" });
    expect(status).toBe(405);
    expect(requestId).toBeTruthy();
    expect(line).toMatchObject({ method: "TRACE", status: 405, reqId: requestId });
  });

  it("takes an incoming X-Request-Id only from a trusted proxy, and only a well-formed one", async () => {
    const untrusted = await start();
    expect((await untrusted.request("/", { headers: { "x-request-id": "chosen-by-client" } })).requestId).not.toBe("chosen-by-client");

    const behindProxy = await start("127.0.0.1");
    const passed = await behindProxy.request("/", { headers: { "x-request-id": "lb-4f1c.77:2" } });
    expect(passed.requestId).toBe("lb-4f1c.77:2");
    expect(passed.line.reqId).toBe("lb-4f1c.77:2");
    const odd = await behindProxy.request("/", { headers: { "x-request-id": "<script>" } });
    expect(odd.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("loggedPath", () => {
  it("replaces the token of every app route whose segment is [token]", () => {
    const tokenRoutes: string[] = [];
    const walk = (dir: string, url: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (!entry.isDirectory()) continue;
        const segment = /^\(.*\)$/.test(entry.name) ? "" : `/${entry.name}`;
        if (entry.name === "[token]") tokenRoutes.push(`${url}/`);
        walk(path.join(dir, entry.name), `${url}${segment}`);
      }
    };
    walk(path.resolve(import.meta.dirname, "..", "app"), "");
    expect(tokenRoutes.length).toBeGreaterThanOrEqual(4);
    for (const prefix of tokenRoutes) {
      expect(SECRET_PATH_PREFIXES).toContain(prefix);
      expect(loggedPath(`${prefix}c2VjcmV0LXRva2Vu.abc?x=1`)).toBe(`${prefix}:token`);
    }
  });

  it("drops the query string and fragment and bounds the length", () => {
    expect(loggedPath("/zoeken?q=naam#top")).toBe("/zoeken");
    expect(loggedPath(`/${"a".repeat(1000)}`).length).toBeLessThan(310);
  });
});

describe("log settings", () => {
  it("default to pretty at a terminal and JSON elsewhere; LOG_FORMAT chooses", () => {
    expect(parseLogSettings({}, true).format).toBe("pretty");
    expect(parseLogSettings({}, false).format).toBe("json");
    expect(parseLogSettings({ LOG_FORMAT: "json" }, true).format).toBe("json");
    expect(parseLogSettings({ LOG_FORMAT: "pretty", LOG_LEVEL: "warn" }, false)).toEqual({ format: "pretty", level: "warn" });
  });

  it("refuse an unknown format or level with one line", () => {
    expect(() => parseLogSettings({ LOG_FORMAT: "xml" })).toThrow('LOG_FORMAT=xml is geen "json" of "pretty".');
    expect(() => parseLogSettings({ LOG_LEVEL: "loud" })).toThrow(/^LOG_LEVEL=loud is geen van/);
  });

  it("print a request at a terminal as one short line", () => {
    expect(formatPretty({ component: "http", msg: "request", method: "GET", path: "/updates", status: 200, ms: 12.5, userId: "u1" })).toBe(
      "[koppelkans http] GET /updates 200 · 12.5 ms · u1\n",
    );
    expect(formatPretty({ component: "launcher", msg: "Het databaseschema is bij." })).toBe("[koppelkans] Het databaseschema is bij.\n");
  });
});
