import type { IncomingHttpHeaders, Server } from "node:http";
import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { CLIENT_IP_HEADER } from "@/lib/http/client-ip";
import { ConcurrencyGate } from "@/lib/http/concurrency-gate";
import { createGuardedServer, guardOptionsFromEnv, type Downstream, type GuardOptions } from "@/lib/http/guard";
import { BODY_LIMITS } from "@/lib/http/limits";

// The guard runs on port 0 in front of a stand-in for Next.js that records what reached it.

type Seen = { method?: string; url?: string; headers: IncomingHttpHeaders; bodyBytes: number; aborted: boolean };
type Answer = { status: number; head: string; body: string };

let servers: Server[] = [];
afterEach(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  servers = [];
});

/** Starts the guard in front of a recording downstream; `hold` keeps answers back until it resolves. */
async function start(env: Record<string, string> = {}, overrides: Partial<GuardOptions> = {}, hold?: () => Promise<void>) {
  const seen: Seen[] = [];
  const downstream: Downstream = async (req, res) => {
    const record: Seen = { method: req.method, url: req.url, headers: { ...req.headers }, bodyBytes: 0, aborted: false };
    seen.push(record);
    try {
      for await (const chunk of req) record.bodyBytes += (chunk as Buffer).length;
    } catch {
      record.aborted = true;
      return;
    }
    await hold?.();
    const text = `ok ${record.bodyBytes}`;
    res.writeHead(200, { "Content-Type": "text/plain", "Content-Length": String(text.length) });
    res.end(text);
  };
  const server = createGuardedServer(downstream, { ...guardOptionsFromEnv(env), ...overrides });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { port: (server.address() as net.AddressInfo).port, seen };
}

function parse(text: string): Answer {
  const split = text.indexOf("\r\n\r\n");
  const head = split < 0 ? text : text.slice(0, split);
  return { status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0), head, body: split < 0 ? "" : text.slice(split + 4) };
}

/** Sends raw bytes, then optionally keeps streaming `more()` chunks; answers what came back and how much was sent. */
function raw(port: number, request: string, more?: () => Buffer | null): Promise<Answer & { sent: number }> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    let received = "";
    let sent = 0;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      socket.destroy();
      resolve({ ...parse(received), sent });
    };
    socket.on("data", (chunk) => (received += chunk.toString("latin1")));
    socket.on("end", finish);
    socket.on("close", finish);
    socket.on("error", finish);
    socket.write(request);
    const pump = () => {
      while (more && !done && !socket.destroyed) {
        const chunk = more();
        if (!chunk) return;
        sent += chunk.length;
        if (!socket.write(chunk)) return void socket.once("drain", pump);
      }
    };
    pump();
  });
}

const get = (port: number, path: string, headers = "") =>
  raw(port, `GET ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n${headers}\r\n`);

describe("the guard's client address", () => {
  it("never lets a client's own X-Forwarded-For or client-ip header through", async () => {
    const { port, seen } = await start();
    const answer = await get(
      port,
      "/",
      `X-Forwarded-For: 6.6.6.6\r\n${CLIENT_IP_HEADER}: 6.6.6.6\r\nX-Forwarded-Host: evil.example\r\nX-Forwarded-Proto: https\r\n`,
    );
    expect(answer.status).toBe(200);
    expect(seen[0]!.headers).toMatchObject({
      [CLIENT_IP_HEADER]: "127.0.0.1",
      "x-forwarded-for": "127.0.0.1",
      "x-forwarded-proto": "http",
    });
    expect(seen[0]!.headers["x-forwarded-host"]).toBeUndefined();
  });

  it("believes X-Forwarded-For only from TRUSTED_PROXIES", async () => {
    const { port, seen } = await start({ TRUSTED_PROXIES: "::ffff:127.0.0.1,10.0.0.0/8" });
    await get(port, "/", "X-Forwarded-For: 6.6.6.6, 203.0.113.7, 10.0.0.3\r\nX-Forwarded-Host: koppelkans.example.nl\r\n");
    expect(seen[0]!.headers).toMatchObject({
      [CLIENT_IP_HEADER]: "203.0.113.7",
      "x-forwarded-for": "203.0.113.7",
      "x-forwarded-host": "koppelkans.example.nl",
    });
  });
});

describe("the guard's body limits", () => {
  const post = (path: string, length: number, headers = "") =>
    `POST ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Length: ${length}\r\n${headers}\r\n`;

  it("answers 413 to a declared 50 MB body before reading it, and never calls Next.js", async () => {
    const { port, seen } = await start();
    for (const path of ["/api/afmelden/x", "/api/auth/callback/credentials"]) {
      const answer = await raw(port, post(path, 50 * 1024 * 1024));
      expect(answer.status, path).toBe(413);
      expect(answer.body).toBe("Het verzoek is te groot.");
      expect(answer.head).toMatch(/content-type: text\/plain; charset=utf-8/i);
    }
    expect(seen).toEqual([]);
  });

  it("stops a chunked 50 MB body once it passes 64 KB, so Next.js never holds more", async () => {
    const { port, seen } = await start();
    const chunk = Buffer.concat([Buffer.from("4000\r\n"), Buffer.alloc(0x4000, 0x61), Buffer.from("\r\n")]);
    let left = (50 * 1024 * 1024) / 0x4000 + 1;
    const answer = await raw(port, "POST /api/afmelden/x HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n", () => {
      left -= 1;
      return left > 0 ? chunk : left === 0 ? Buffer.from("0\r\n\r\n") : null;
    });
    expect(answer.status).toBe(413);
    expect(answer.body).toBe("Het verzoek is te groot.");
    expect(seen[0]!.bodyBytes).toBeLessThanOrEqual(BODY_LIMITS.other);
    expect(answer.sent).toBeLessThan(50 * 1024 * 1024);
  });

  it("lets bodies within their limit through whole", async () => {
    const { port, seen } = await start();
    const small = await raw(port, post("/api/afmelden/x", BODY_LIMITS.other) + "a".repeat(BODY_LIMITS.other));
    expect(small.body).toBe(`ok ${BODY_LIMITS.other}`);
    const image = BODY_LIMITS.upload;
    const upload = await raw(port, post("/api/uploads", image, "Content-Type: multipart/form-data; boundary=x\r\n") + "b".repeat(image));
    expect(upload.body).toBe(`ok ${image}`);
    expect(seen.map((request) => request.bodyBytes)).toEqual([BODY_LIMITS.other, image]);
  });

  it("gives server actions 1 MB and answers 413 past it, where Next.js answered 500", async () => {
    const { port, seen } = await start();
    const action = "Next-Action: 7f00\r\nOrigin: http://localhost\r\n";
    expect((await raw(port, post("/updates/nieuw", 900 * 1024, action) + "c".repeat(900 * 1024))).status).toBe(200);
    expect((await raw(port, post("/updates/nieuw", BODY_LIMITS.serverAction + 1, action))).status).toBe(413);
    expect((await raw(port, post("/api/uploads", BODY_LIMITS.upload + 1))).status).toBe(413);
    expect(seen).toHaveLength(1);
  });

  it("answers an oversized Expect: 100-continue with 413 instead of 100", async () => {
    const { port, seen } = await start();
    const answer = await raw(port, post("/api/afmelden/x", 10 * 1024 * 1024, "Expect: 100-continue\r\n"));
    expect(answer.status).toBe(413);
    expect(answer.head).not.toContain("100 Continue");
    expect(seen).toEqual([]);
  });
});

describe("the guard's answers to bad requests", () => {
  it("refuses TRACE, TRACK and CONNECT with 405", async () => {
    const { port, seen } = await start();
    for (const line of ["TRACE / HTTP/1.1", "TRACK / HTTP/1.1", "CONNECT localhost:443 HTTP/1.1"]) {
      const answer = await raw(port, `${line}\r\nHost: localhost\r\nConnection: close\r\n\r\n`);
      expect(answer.status, line).toBe(405);
      expect(answer.head).toMatch(/^Allow: GET, HEAD, POST/im);
      expect(answer.body).toBe("Deze methode wordt niet ondersteund.");
    }
    expect(seen).toEqual([]);
  });

  it("answers 400 to malformed percent-encoding and 404 to control characters in the path", async () => {
    const { port, seen } = await start();
    for (const path of ["/updates/%ZZ", "/updates/%C0%AF", "/updates/%"]) expect((await get(port, path)).status, path).toBe(400);
    for (const path of ["/updates/%00", "/updates/x%0D%0ASet-Cookie:a", "/updates/%7F"])
      expect((await get(port, path)).status, path).toBe(404);
    expect(seen).toEqual([]);
    expect((await get(port, "/updates/caf%C3%A9")).status).toBe(200);
  });

  it("answers 404 to the image optimizer, which the app does not use", async () => {
    const { port, seen } = await start();
    expect((await get(port, "/_next/image?url=/icon.svg&w=64&q=75")).status).toBe(404);
    expect(seen).toEqual([]);
  });

  it("refuses a server action from another site with 403", async () => {
    const { port, seen } = await start({ APP_URL: "https://koppelkans.example.nl" });
    const action = (origin: string, extra = "") =>
      raw(
        port,
        `POST /updates/nieuw HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nNext-Action: 7f00\r\nOrigin: ${origin}\r\nContent-Length: 0\r\n${extra}\r\n`,
      );
    expect((await action("https://evil.example")).status).toBe(403);
    expect((await action("null")).status).toBe(403);
    // X-Forwarded-Host from a peer that is no trusted proxy does not count.
    expect((await action("https://evil.example", "X-Forwarded-Host: evil.example\r\n")).status).toBe(403);
    const form = `POST /updates/nieuw HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nOrigin: https://evil.example\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: 0\r\n\r\n`;
    expect((await raw(port, form)).status).toBe(403);
    expect(seen).toEqual([]);
    expect((await action("http://localhost")).status).toBe(200);
    expect((await action("https://koppelkans.example.nl")).status).toBe(200);
  });
});

describe("the guard's own faults", () => {
  it("answers 500 in Dutch, without Next.js's half-set headers, when the handler throws", async () => {
    const server = createGuardedServer(
      (_req, res) => {
        res.setHeader("Content-Length", "999");
        throw new Error("kapot");
      },
      { ...guardOptionsFromEnv({}), onError: () => {} },
    );
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const answer = await get((server.address() as net.AddressInfo).port, "/");
    expect(answer.status).toBe(500);
    expect(answer.body).toBe("Er ging iets mis op de server.");
    expect(answer.head).not.toContain("999");
  });
});

describe("the guard's concurrency gate", () => {
  it("queues past MAX_CONCURRENT_REQUESTS, answers 503 past the queue, and lets static files by", async () => {
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    const gate = new ConcurrencyGate({ maxConcurrent: 2, maxQueued: 1, maxWaitMs: 10_000 });
    const { port, seen } = await start({}, { gate }, () => opened);
    const busy = [get(port, "/a"), get(port, "/b")];
    await expect.poll(() => seen.length).toBe(2);
    const queued = get(port, "/c");
    await expect.poll(() => gate.waiting).toBe(1);
    const shed = await get(port, "/d");
    expect(shed.status).toBe(503);
    expect(shed.head).toMatch(/^Retry-After: 2$/im);
    expect(shed.head).toMatch(/^Content-Type: text\/html; charset=utf-8$/im);
    expect(shed.body).toContain("De server is even te druk. Probeer het over een paar seconden opnieuw.");
    expect(seen.map((request) => request.url)).toEqual(["/a", "/b"]);
    const asset = get(port, "/_next/static/chunks/app.js");
    await expect.poll(() => seen.length).toBe(3);
    open();
    expect((await Promise.all([...busy, queued, asset])).map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
    expect(seen.map((request) => request.url)).toContain("/c");
  });

  it("answers 503 to a request that waited longer than allowed", async () => {
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    const { port, seen } = await start({}, { gate: { maxConcurrent: 1, maxQueued: 10, maxWaitMs: 100 } }, () => opened);
    const busy = get(port, "/a");
    await expect.poll(() => seen.length).toBe(1);
    expect((await get(port, "/b")).status).toBe(503);
    open();
    expect((await busy).status).toBe(200);
  });
});
