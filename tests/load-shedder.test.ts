import http, { type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createGuardedServer, guardOptionsFromEnv, type Downstream } from "@/lib/http/guard";
import { DEFAULT_MAX_IN_FLIGHT, isNeverShed, LoadShedder, maxInFlightFromEnv } from "@/lib/http/load-shedder";
import { OVERLOAD_JSON, OVERLOAD_PAGE, overloadBody } from "@/lib/http/overload-answer";

// The in-flight limiter on its own, its 503 answers, and the guard shedding in front of a stand-in for Next.js.

describe("the load shedder", () => {
  it("accepts up to its limit, sheds beyond it, and frees a place once per leave", () => {
    const shedder = new LoadShedder(2);
    const first = shedder.enter();
    const second = shedder.enter();
    expect(first).not.toBeNull();
    expect(second).not.toBeNull();
    expect(shedder.enter()).toBeNull();
    expect(shedder.inFlight).toBe(2);
    first!();
    first!();
    expect(shedder.inFlight).toBe(1);
    expect(shedder.enter()).not.toBeNull();
    expect(shedder.enter()).toBeNull();
  });

  it("sheds nothing at 0 but still counts", () => {
    const shedder = new LoadShedder(0);
    const leaves = Array.from({ length: 500 }, () => shedder.enter());
    expect(leaves.every((leave) => leave !== null)).toBe(true);
    expect(shedder.inFlight).toBe(500);
  });

  it("never sheds the probes or static files", () => {
    expect(isNeverShed("/api/health")).toBe(true);
    expect(isNeverShed("/api/ready")).toBe(true);
    expect(isNeverShed("/_next/static/chunks/app.js")).toBe(true);
    expect(isNeverShed("/api/healthy")).toBe(false);
    expect(isNeverShed("/updates")).toBe(false);
    expect(isNeverShed("/api/members")).toBe(false);
  });

  it("reads MAX_IN_FLIGHT and refuses bad values with a line naming it", () => {
    expect(maxInFlightFromEnv({})).toBe(DEFAULT_MAX_IN_FLIGHT);
    expect(maxInFlightFromEnv({ MAX_IN_FLIGHT: " 12 " })).toBe(12);
    expect(maxInFlightFromEnv({ MAX_IN_FLIGHT: "0" })).toBe(0);
    for (const bad of ["-1", "1.5", "veel", "1e3"]) expect(() => maxInFlightFromEnv({ MAX_IN_FLIGHT: bad })).toThrow(/^MAX_IN_FLIGHT=/);
    expect(guardOptionsFromEnv({ MAX_IN_FLIGHT: "3" }).shedder.maxInFlight).toBe(3);
  });
});

describe("the 503 answer", () => {
  it("is a small static Dutch page with English below, without scripts or outside resources", () => {
    expect(overloadBody("/updates")).toEqual({ contentType: "text/html; charset=utf-8", body: OVERLOAD_PAGE });
    expect(OVERLOAD_PAGE).toMatch(/^<!doctype html>\n<html lang="nl">/);
    expect(OVERLOAD_PAGE.match(/<h1>/g)).toHaveLength(1);
    expect(OVERLOAD_PAGE).toContain("<h1>Koppelkans is even te druk</h1>");
    expect(OVERLOAD_PAGE).toContain('<section lang="en"');
    expect(OVERLOAD_PAGE.indexOf("Probeer het")).toBeLessThan(OVERLOAD_PAGE.indexOf("Please try again"));
    expect(OVERLOAD_PAGE).not.toMatch(/<script|<link|<img|src=|https?:\/\//i);
    expect(Buffer.byteLength(OVERLOAD_PAGE)).toBeLessThan(2_048);
  });

  it("is JSON for the API", () => {
    expect(overloadBody("/api/members")).toEqual({ contentType: "application/json; charset=utf-8", body: OVERLOAD_JSON });
    expect(JSON.parse(OVERLOAD_JSON)).toEqual({
      ok: false,
      error: "overloaded",
      message: "De server is even te druk. Probeer het over een paar seconden opnieuw.",
    });
    expect(overloadBody("/apix").contentType).toMatch(/^text\/html/);
  });
});

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

function get(port: number, path: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: "127.0.0.1", port, path, agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
  });
}

let servers: Server[] = [];
afterEach(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  servers = [];
});

/** The guard with MAX_IN_FLIGHT=1 in front of a downstream that holds every answer until `release()`. */
async function startHeld() {
  let release!: () => void;
  let held = new Promise<void>((resolve) => (release = resolve));
  const seen: string[] = [];
  const downstream: Downstream = async (req, res) => {
    seen.push(req.url ?? "");
    await held;
    res.writeHead(200, { "Content-Type": "text/plain" });
    res.end("ok");
  };
  const options = guardOptionsFromEnv({ MAX_IN_FLIGHT: "1" });
  const server = createGuardedServer(downstream, options);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const open = () => {
    release();
    held = new Promise<void>((resolve) => (release = resolve));
  };
  return { port, seen, shedder: options.shedder, open, passAll: () => (held = Promise.resolve()) };
}

describe("the guard with MAX_IN_FLIGHT", () => {
  it("answers 503 with Retry-After past the limit, HTML for pages and JSON for the API, and lets the probes by", async () => {
    const { port, seen, shedder, open, passAll } = await startHeld();
    const slow = get(port, "/updates");
    await expect.poll(() => seen.length).toBe(1);

    const page = await get(port, "/updates?pagina=2");
    expect(page.status).toBe(503);
    expect(page.headers["retry-after"]).toBe("2");
    expect(page.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(page.headers["cache-control"]).toBe("no-store");
    expect(page.headers["content-security-policy"]).toMatch(/default-src 'none'/);
    expect(page.body).toBe(OVERLOAD_PAGE);

    const api = await get(port, "/api/members?q=a");
    expect(api.status).toBe(503);
    expect(api.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(JSON.parse(api.body)).toMatchObject({ error: "overloaded" });

    // Neither probe is counted or shed: they reach the downstream while the place is taken.
    const probes = [get(port, "/api/health"), get(port, "/api/ready")];
    await expect.poll(() => seen.length).toBe(3);
    expect(seen).toEqual(["/updates", "/api/health", "/api/ready"]);
    expect(shedder.inFlight).toBe(1);

    open();
    passAll();
    expect((await Promise.all([slow, ...probes])).map((answer) => answer.status)).toEqual([200, 200, 200]);
    await expect.poll(() => shedder.inFlight).toBe(0);
    expect((await get(port, "/updates")).status).toBe(200);
  });

  it("frees the place when the client goes away before the answer", async () => {
    const { port, seen, shedder, open } = await startHeld();
    const gone = new AbortController();
    const abandoned = fetch(`http://127.0.0.1:${port}/updates`, { signal: gone.signal }).catch(() => "aborted");
    await expect.poll(() => seen.length).toBe(1);
    expect(shedder.inFlight).toBe(1);
    gone.abort();
    expect(await abandoned).toBe("aborted");
    await expect.poll(() => shedder.inFlight).toBe(0);
    const next = get(port, "/updates");
    await expect.poll(() => seen.length).toBe(2);
    open();
    open();
    expect((await next).status).toBe(200);
  });
});
