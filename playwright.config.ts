import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

// A fresh embedded database per run; workers inherit the folder through the environment.
process.env.E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), "koppelkans-e2e-"));
const port = Number(process.env.E2E_PORT ?? 3100);
export const baseURL = `http://localhost:${port}`;

/** Debian's Chromium (never a downloaded browser), with the flags this closed network needs. */
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const browser = { ...devices["Desktop Chrome"], channel: undefined };
/** The specs that run a portal (or an identity provider and a portal) of their own next to the shared web server. */
const OWN_SERVER =
  /\/(attack-https|auth-oidc|cache-invalidation|cluster|crash-durability|graceful-shutdown|launcher-crash|several-instances)\.spec\.ts$/;

export default defineConfig({
  testDir: "./e2e",
  globalTeardown: "./e2e/global-teardown.ts",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // Two at a time, in CI too (the page sweeps alone are ~240 tests); see OWN_SERVER for the ones that run alone.
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  forbidOnly: true,
  use: {
    baseURL,
    locale: "nl-NL",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
      ],
    },
  },
  projects: [
    // Specs that start, kill or stop a server of their own: never two of them at once (ports, CPU, timing). Listed first,
    // so that they run beside the other specs from the start rather than alone at the end.
    { name: "own-server", testMatch: OWN_SERVER, workers: 1, use: browser },
    { name: "chromium", testIgnore: OWN_SERVER, use: browser },
  ],
  webServer: {
    command: "node --import tsx scripts/start.ts start",
    url: `${baseURL}/inloggen`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    env: {
      DATA_DIR: process.env.E2E_DATA_DIR,
      PORT: String(port),
      APP_URL: baseURL,
      NEXTAUTH_URL: baseURL,
      // One JSON line per request would bury the test report; problems still print.
      LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
    },
  },
});
