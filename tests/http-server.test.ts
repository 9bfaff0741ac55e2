import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");

// Settings are checked before Next.js loads, so a typo costs one line instead of a half-started server.
describe("scripts/server.ts", () => {
  it.each([
    ["TRUSTED_PROXIES", "proxy.intern", 'TRUSTED_PROXIES bevat "proxy.intern"'],
    ["MAX_CONCURRENT_REQUESTS", "veel", "MAX_CONCURRENT_REQUESTS=veel is geen positief geheel getal."],
  ])("exits with one line when %s is invalid", (name, value, message) => {
    const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/server.ts"], {
      cwd: root,
      env: { ...process.env, LOG_FORMAT: "pretty", PORT: "0", [name]: value },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(message);
  });
});
