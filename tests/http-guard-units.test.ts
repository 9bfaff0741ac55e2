import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { CLIENT_IP_HEADER } from "@/lib/http/client-ip";
import { ConcurrencyGate } from "@/lib/http/concurrency-gate";
import { applyClientHeaders, guardOptionsFromEnv } from "@/lib/http/guard";
import { BODY_LIMITS, UPLOAD_FILE_BYTES } from "@/lib/http/limits";
import { bodyLimit, isCrossOrigin, requestPath } from "@/lib/http/request-checks";
import { clientAddress, normalizeAddress, parseTrustedProxies, TrustedProxiesError } from "@/lib/http/trusted-proxies";
import { MAX_REQUEST_BYTES } from "@/lib/uploads/http";
import { MAX_UPLOAD_BYTES } from "@/lib/uploads/process";

const none = parseTrustedProxies(undefined);

describe("the client address", () => {
  it("is the socket's peer when that peer is no trusted proxy, whatever X-Forwarded-For says", () => {
    expect(clientAddress("198.51.100.9", "1.2.3.4", none)).toBe("198.51.100.9");
    expect(clientAddress("::ffff:198.51.100.9", "1.2.3.4", parseTrustedProxies("10.0.0.0/8"))).toBe("198.51.100.9");
  });

  it("walks X-Forwarded-For from the right past trusted hops to the first untrusted one", () => {
    const trusted = parseTrustedProxies("127.0.0.1, 10.0.0.0/8, fd00::/8");
    // The leftmost entry is the client's own forgery; the proxies appended the rest.
    expect(clientAddress("127.0.0.1", "6.6.6.6, 203.0.113.7, 10.1.2.3", trusted)).toBe("203.0.113.7");
    expect(clientAddress("fd00::1", "2001:db8::5, fd00::2", trusted)).toBe("2001:db8::5");
    expect(clientAddress("::ffff:127.0.0.1", "[2001:db8::7]:443, 10.0.0.9:5000", trusted)).toBe("2001:db8::7");
  });

  it("stops at the last checked hop on garbage, and takes the furthest hop when all are trusted", () => {
    const trusted = parseTrustedProxies("127.0.0.1,10.0.0.0/8");
    expect(clientAddress("127.0.0.1", "203.0.113.7, nonsense, 10.0.0.5", trusted)).toBe("10.0.0.5");
    expect(clientAddress("127.0.0.1", "10.0.0.4, 10.0.0.5", trusted)).toBe("10.0.0.4");
    expect(clientAddress("127.0.0.1", undefined, trusted)).toBe("127.0.0.1");
  });

  it("matches IPv4-mapped IPv6 peers and entries against IPv4 rules and the other way round", () => {
    expect(clientAddress("::ffff:10.0.0.1", "203.0.113.7", parseTrustedProxies("10.0.0.0/8"))).toBe("203.0.113.7");
    expect(clientAddress("10.0.0.1", "203.0.113.7", parseTrustedProxies("::ffff:10.0.0.0/104"))).toBe("203.0.113.7");
    expect(clientAddress("127.0.0.1", "203.0.113.7", parseTrustedProxies("::ffff:127.0.0.1"))).toBe("203.0.113.7");
    expect(normalizeAddress("2001:DB8::1")).toBe("2001:db8::1");
    expect(normalizeAddress("1.2.3.4:80")).toBe("1.2.3.4");
    expect(normalizeAddress("<script>")).toBeNull();
  });

  it("refuses TRUSTED_PROXIES entries that are no address or network, naming them", () => {
    for (const value of ["10.0.0.0/33", "localhost", "10.0.0.1/8/2", "::ffff:10.0.0.0/64", "fd00::/129", "10.0.0.0/x"]) {
      expect(() => parseTrustedProxies(value), value).toThrow(TrustedProxiesError);
    }
    expect(() => parseTrustedProxies("bad")).toThrow(/"bad"/);
    expect(parseTrustedProxies(" 10.0.0.1 , ,fd00::/8").size).toBe(2);
  });

  it("replaces forged forwarding headers of an untrusted peer", () => {
    const req = {
      socket: { remoteAddress: "::ffff:198.51.100.9" },
      headers: {
        [CLIENT_IP_HEADER]: "1.1.1.1",
        "x-forwarded-for": "1.1.1.1",
        "x-forwarded-host": "evil.example",
        "x-forwarded-port": "1",
        "x-forwarded-proto": "https",
        "x-real-ip": "1.1.1.1",
        host: "koppelkans.example.nl",
      },
    } as unknown as IncomingMessage;
    expect(applyClientHeaders(req, none)).toBe(false);
    expect(req.headers).toEqual({
      [CLIENT_IP_HEADER]: "198.51.100.9",
      "x-forwarded-for": "198.51.100.9",
      "x-forwarded-proto": "http",
      host: "koppelkans.example.nl",
    });
  });

  it("keeps a trusted proxy's host and protocol headers", () => {
    const req = {
      socket: { remoteAddress: "10.0.0.2" },
      headers: { "x-forwarded-for": "203.0.113.7", "x-forwarded-host": "koppelkans.example.nl", "x-forwarded-proto": "https" },
    } as unknown as IncomingMessage;
    expect(applyClientHeaders(req, parseTrustedProxies("10.0.0.0/8"))).toBe(true);
    expect(req.headers).toEqual({
      [CLIENT_IP_HEADER]: "203.0.113.7",
      "x-forwarded-for": "203.0.113.7",
      "x-forwarded-host": "koppelkans.example.nl",
      "x-forwarded-proto": "https",
    });
  });
});

describe("request checks", () => {
  it("refuses malformed percent-encoding with 400 and control characters with 404", () => {
    for (const url of ["/updates/%ZZ", "/updates/%C0%AF", "/updates/%", "/updates/%E2%82", "updates", "*"])
      expect(requestPath(url), url).toEqual({ ok: false, status: 400 });
    for (const url of ["/updates/%00", "/updates/a%0Ab", "/%7F", "/%C2%85"])
      expect(requestPath(url), url).toEqual({ ok: false, status: 404 });
    expect(requestPath("/updates/caf%C3%A9?q=%ZZ")).toEqual({ ok: true, pathname: "/updates/café" });
  });

  it("gives uploads, server actions and everything else their own body limit", () => {
    expect(bodyLimit("POST", "/api/uploads", {})).toBe(BODY_LIMITS.upload);
    expect(bodyLimit("POST", "/updates/nieuw", { "next-action": "abc" })).toBe(BODY_LIMITS.serverAction);
    expect(bodyLimit("POST", "/updates/nieuw", { "content-type": "multipart/form-data; boundary=x" })).toBe(BODY_LIMITS.serverAction);
    expect(bodyLimit("POST", "/api/afmelden/x", { "content-type": "multipart/form-data; boundary=x" })).toBe(BODY_LIMITS.other);
    expect(bodyLimit("POST", "/api/auth/callback/credentials", {})).toBe(64 * 1024);
  });

  it("keeps the upload limit equal to what /api/uploads itself reads", () => {
    expect(UPLOAD_FILE_BYTES).toBe(MAX_UPLOAD_BYTES);
    expect(BODY_LIMITS.upload).toBe(MAX_REQUEST_BYTES);
  });

  it("compares a server action's Origin with Host, a trusted X-Forwarded-Host and APP_URL", () => {
    const host = { host: "localhost:3000" };
    expect(isCrossOrigin({ ...host, origin: "http://localhost:3000" }, [], false)).toBe(false);
    expect(isCrossOrigin({ ...host }, [], false)).toBe(false);
    expect(isCrossOrigin({ ...host, origin: "https://evil.example" }, [], false)).toBe(true);
    expect(isCrossOrigin({ ...host, origin: "null" }, [], false)).toBe(true);
    expect(isCrossOrigin({ host: "internal:3000", origin: "https://koppelkans.example.nl" }, ["koppelkans.example.nl"], false)).toBe(false);
    expect(isCrossOrigin({ host: "koppelkans.example.nl:443", origin: "https://koppelkans.example.nl" }, [], false)).toBe(false);
    const forwarded = { host: "internal:3000", "x-forwarded-host": "evil.example", origin: "https://evil.example" };
    expect(isCrossOrigin(forwarded, [], false)).toBe(true);
    expect(isCrossOrigin(forwarded, [], true)).toBe(false);
  });
});

describe("the guard's settings", () => {
  it("reads TRUSTED_PROXIES, MAX_CONCURRENT_REQUESTS and APP_URL, and refuses bad values", () => {
    const options = guardOptionsFromEnv({
      TRUSTED_PROXIES: "10.0.0.0/8",
      MAX_CONCURRENT_REQUESTS: "8",
      APP_URL: "https://koppelkans.example.nl",
    });
    expect(options.gate?.maxConcurrent).toBe(8);
    expect(options.trustedProxies.size).toBe(1);
    expect(options.allowedHosts).toEqual(["koppelkans.example.nl"]);
    expect(guardOptionsFromEnv({}).gate?.maxConcurrent).toBe(64);
    expect(() => guardOptionsFromEnv({ MAX_CONCURRENT_REQUESTS: "0" })).toThrow(/MAX_CONCURRENT_REQUESTS/);
    expect(() => guardOptionsFromEnv({ TRUSTED_PROXIES: "proxy.local" })).toThrow(/TRUSTED_PROXIES/);
  });
});

describe("the concurrency gate", () => {
  it("hands a released place to the longest waiter and sheds beyond the queue", async () => {
    const gate = new ConcurrencyGate({ maxConcurrent: 1, maxQueued: 1, maxWaitMs: 5_000 });
    const first = await gate.acquire();
    const second = gate.acquire();
    expect(await gate.acquire()).toBeNull();
    first!();
    first!(); // Releasing twice frees one place only.
    const release = await second;
    expect(release).toBeTypeOf("function");
    expect([gate.inFlight, gate.waiting]).toEqual([1, 0]);
    release!();
    expect(gate.inFlight).toBe(0);
  });

  it("gives up after maxWaitMs, or when the waiting client goes away", async () => {
    const gate = new ConcurrencyGate({ maxConcurrent: 1, maxQueued: 5, maxWaitMs: 50 });
    const held = await gate.acquire();
    expect(await gate.acquire()).toBeNull();
    const gone = new AbortController();
    const waiting = gate.acquire(gone.signal);
    gone.abort();
    expect(await waiting).toBeNull();
    expect(gate.waiting).toBe(0);
    held!();
    expect(gate.inFlight).toBe(0);
  });
});
