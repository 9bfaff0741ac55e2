import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");

// Settings are checked before Next.js loads, so a typo costs one line instead of a half-started server.
describe("scripts/server.ts", () => {
  it.each<[string, string, string, Record<string, string>?]>([
    ["TRUSTED_PROXIES", "proxy.intern", 'TRUSTED_PROXIES bevat "proxy.intern"'],
    ["MAX_CONCURRENT_REQUESTS", "veel", "MAX_CONCURRENT_REQUESTS=veel is geen positief geheel getal."],
    ["MAX_IN_FLIGHT", "veel", "MAX_IN_FLIGHT=veel is geen geheel getal van 0 of meer"],
    ["WEB_CONCURRENCY", "0", "WEB_CONCURRENCY=0 is geen geheel getal van 1 of meer"],
    // Counting sign-in attempts in memory would let every worker count on its own.
    [
      "RATE_LIMIT_STORE",
      "memory",
      "RATE_LIMIT_STORE=memory telt per proces en er draaien 2 werkers",
      { WEB_CONCURRENCY: "2", DATABASE_URL: "postgres://nobody@127.0.0.1:1/none", NEXTAUTH_SECRET: "test" },
    ],
  ])("exits with one line when %s is invalid", (name, value, message, extra = {}) => {
    const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/server.ts"], {
      cwd: root,
      env: { ...process.env, LOG_FORMAT: "pretty", PORT: "0", ...extra, [name]: value },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(message);
  });
});
