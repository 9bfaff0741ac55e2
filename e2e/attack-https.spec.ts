import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { raw, signInOverHttp } from "./support/attack-http";
import { seedAttackWorld } from "./support/attack-world";
import { databaseUrl } from "./support/database";
import { answers, waitFor } from "./support/launcher";

// The attack suite, part 5: behind an HTTPS proxy. The project's server
// believes X-Forwarded-Proto and X-Forwarded-For only from TRUSTED_PROXIES;
// the Playwright web server has none (attack-http.spec.ts shows those headers
// are then ignored). Here a second server on the same build and database
// trusts 127.0.0.1, as behind a TLS-terminating proxy on the same machine.

const root = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.E2E_PORT ?? 3100) + 5;
const base = `http://localhost:${port}`;

test("behind a trusted HTTPS proxy the cookies are Secure, HSTS is sent, and limits count the forwarded client address", async () => {
  test.setTimeout(120_000);
  const world = await seedAttackWorld({ members: 1 });
  const dataDir = process.env.E2E_DATA_DIR!;
  const server = spawn(process.execPath, ["--import", "tsx", "scripts/server.ts"], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOSTNAME_BIND: "127.0.0.1",
      TRUSTED_PROXIES: "127.0.0.1",
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl(),
      NEXTAUTH_SECRET: readFileSync(path.join(dataDir, "auth-secret"), "utf8").trim(),
      APP_URL: base,
      NEXTAUTH_URL: base,
      RATE_LIMIT_STORE: "memory",
      // Counted in memory: one process (scripts/server.ts refuses memory counts across several workers).
      WEB_CONCURRENCY: "1",
      KOPPELKANS_SCHEDULER: "0",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  server.stdout.on("data", (chunk) => (output += chunk));
  server.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise((resolve) => server.once("exit", resolve));
  try {
    await waitFor(() => answers(port), `the proxied server on port ${port}\n${output}`, undefined, 60_000);
    const proxied = { "x-forwarded-proto": "https", "x-forwarded-for": "198.51.100.7" };

    // Signed in through the proxy: every cookie Secure, HttpOnly, SameSite=Lax.
    const attempt = await signInOverHttp(base, { email: world.members[0]!.email, password: world.password, headers: proxied });
    expect(attempt.error).toBeNull();
    expect(attempt.response.setCookies.length).toBeGreaterThan(0);
    for (const line of attempt.response.setCookies) {
      expect(line.toLowerCase(), line.split("=")[0]).toMatch(/;\s*secure\b/);
      expect(line.toLowerCase()).toContain("httponly");
      expect(line.toLowerCase()).toContain("samesite=lax");
    }
    const home = await raw(base, { path: "/", headers: { ...proxied, cookie: attempt.cookie! } });
    expect(home.status).toBe(200);
    expect(home.headers["strict-transport-security"]).toContain("max-age=");
    expect(home.headers["content-security-policy"]).toContain("upgrade-insecure-requests");

    // The same server over plain HTTP (no forwarded proto): not Secure, so a browser on http:// keeps the cookie.
    const plain = await signInOverHttp(base, { email: world.members[0]!.email, password: world.password });
    for (const line of plain.response.setCookies) expect(line.toLowerCase()).not.toMatch(/;\s*secure\b/);

    // Limits count the client the trusted proxy names: one client locked out, another (same proxy) not.
    for (let attempt = 1; attempt <= 5; attempt++) {
      await signInOverHttp(base, {
        email: world.author.email,
        password: `Fout-${attempt}-wachtwoord`,
        headers: { "x-forwarded-for": "198.51.100.66" },
      });
    }
    expect(
      (await signInOverHttp(base, { email: world.author.email, password: world.password, headers: { "x-forwarded-for": "198.51.100.66" } }))
        .error,
    ).toBe("RateLimited");
    expect(
      (await signInOverHttp(base, { email: world.author.email, password: world.password, headers: { "x-forwarded-for": "198.51.100.67" } }))
        .cookie,
    ).not.toBeNull();
  } finally {
    server.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 20_000))]);
    if (server.exitCode === null && server.signalCode === null) server.kill("SIGKILL");
  }
});
