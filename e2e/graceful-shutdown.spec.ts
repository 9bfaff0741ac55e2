import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { findFreePort } from "../lib/postgres/embedded";
import { alive, answers, postmasterPid, sleep, startLauncher, stopLauncher, waitFor } from "./support/launcher";

// SIGTERM is how a platform stops an instance: the request in flight still
// gets its answer (with the database), nothing new is accepted, the pool
// and the embedded PostgreSQL close cleanly, and the exit code is 0.

type LogLine = { level?: string; component?: string; msg?: string; path?: string; status?: number; ms?: number; aborted?: boolean };

function jsonLines(output: string): LogLine[] {
  return output
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as LogLine);
}

test("SIGTERM during a slow request: it completes with 200, the launcher exits 0 and PostgreSQL stops cleanly", async () => {
  test.setTimeout(240_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), "koppelkans-sigterm-"));
  const port = await findFreePort();
  // KOPPELKANS_TEST_DELAY lets a request wait inside the server before Next.js serves it (scripts/server.ts); at debug the health checks are logged too.
  const launcher = startLauncher({ dataDir, port, env: { KOPPELKANS_TEST_DELAY: "1", LOG_FORMAT: "json", LOG_LEVEL: "debug" } });
  try {
    await waitFor(() => answers(port), "the portal to start", launcher);
    const postmaster = postmasterPid(dataDir);
    const exited = new Promise<number | null>((resolve) => launcher.child.once("exit", (code) => resolve(code)));

    const started = Date.now();
    const slow = fetch(`http://127.0.0.1:${port}/api/health?db=1`, { headers: { "x-koppelkans-test-delay": "4000" } });
    await sleep(1_000);
    launcher.child.kill("SIGTERM");

    // Nothing new is accepted while the slow request is still being worked on.
    await sleep(500);
    const refused = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(2_000) }).then(
      (response) => `answered ${response.status}`,
      (error: Error) => `refused (${(error.cause as { code?: string } | undefined)?.code ?? error.message})`,
    );
    expect(refused).toMatch(/^refused/);

    const response = await slow;
    expect(response.status).toBe(200);
    // The pool was still open: the answer includes a database round trip made after SIGTERM.
    expect(await response.json()).toEqual({ status: "ok", database: "ok" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(4_000);

    expect(await exited).toBe(0);
    expect(alive(postmaster)).toBe(false);
    expect(existsSync(path.join(dataDir, "postgres", "postmaster.pid"))).toBe(false);

    const lines = jsonLines(launcher.output());
    const request = lines.find((line) => line.msg === "request" && line.path === "/api/health" && (line.ms ?? 0) >= 4_000);
    expect(request).toMatchObject({ status: 200 });
    expect(request?.aborted).toBeUndefined();
    const messages = lines.map((line) => `${line.component}: ${line.msg}`);
    const order = [
      "launcher: SIGTERM: de webserver en de database stoppen…",
      "server: De webserver is gestopt.",
      "launcher: De ingebouwde database stopt…",
      "launcher: Gestopt.",
    ];
    const positions = order.map((message) => messages.indexOf(message));
    expect(
      positions.every((position) => position >= 0),
      messages.join("\n"),
    ).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(lines.filter((line) => line.level === "error" || line.level === "fatal")).toEqual([]);
  } finally {
    await stopLauncher(launcher);
  }
});
