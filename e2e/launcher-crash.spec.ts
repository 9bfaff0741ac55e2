import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";

// The launcher must survive its own crash: after a SIGKILL its PostgreSQL lives
// on as an orphan; the next start finds it through postmaster.pid, stops it
// cleanly and comes back with the data.

const root = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.E2E_PORT ?? 3100) + 7;
const dataDir = mkdtempSync(path.join(tmpdir(), "koppelkans-crash-"));

type Launcher = { child: ChildProcess; output: () => string };

function startLauncher(): Launcher {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", "start"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: "", DATA_DIR: dataDir, PORT: String(port), APP_URL: `http://localhost:${port}` },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  return { child, output: () => output };
}

async function answers(): Promise<boolean> {
  try {
    return (await fetch(`http://localhost:${port}/inloggen`)).ok;
  } catch {
    return false;
  }
}

async function waitFor(condition: () => Promise<boolean> | boolean, what: string, launcher?: Launcher, ms = 180_000) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out waiting for ${what}\n${launcher?.output() ?? ""}`);
}

function postmasterPid(): number {
  return Number.parseInt(readFileSync(path.join(dataDir, "postgres", "postmaster.pid"), "utf8").split("\n")[0]!, 10);
}

function alive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function sql<T extends pg.QueryResultRow>(text: string, params: unknown[] = []) {
  const { databaseUrl } = JSON.parse(readFileSync(path.join(dataDir, "runtime.json"), "utf8")) as { databaseUrl: string };
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

test("the portal comes back with its data after the launcher is killed with SIGKILL", async ({ page }) => {
  test.setTimeout(600_000);
  let launcher = startLauncher();
  try {
    await waitFor(answers, "the first start", launcher);
    await sql(
      `INSERT INTO "Municipality" (id, name, slug, "cbsCode", "updatedAt") VALUES ('crash-marker', 'Crashdorp', 'crashdorp', 'GM9999', now())`,
    );
    const orphan = postmasterPid();

    launcher.child.kill("SIGKILL");
    await waitFor(async () => !(await answers()), "the web server to stop with its launcher");
    expect(alive(orphan)).toBe(true);

    launcher = startLauncher();
    await waitFor(answers, "the start after the crash", launcher);
    expect(launcher.output()).toContain(`Er draait nog een PostgreSQL (pid ${orphan})`);
    expect(alive(orphan)).toBe(false);
    expect(await sql(`SELECT name FROM "Municipality" WHERE id = 'crash-marker'`)).toEqual([{ name: "Crashdorp" }]);

    // A harder crash: launcher and PostgreSQL both killed, as in a power cut.
    const postmaster = postmasterPid();
    launcher.child.kill("SIGKILL");
    process.kill(postmaster, "SIGKILL");
    await waitFor(async () => !(await answers()) && !alive(postmaster), "everything to be gone");

    launcher = startLauncher();
    await waitFor(answers, "the start after the hard crash", launcher);
    expect(await sql(`SELECT name FROM "Municipality" WHERE id = 'crash-marker'`)).toEqual([{ name: "Crashdorp" }]);

    await page.goto(`http://localhost:${port}/inloggen`);
    await page.getByLabel("E-mailadres").fill("deelnemer@example.nl");
    await page.getByLabel("Wachtwoord").fill("Koppelkans-demo-2026");
    await page.getByRole("button", { name: "Inloggen" }).click();
    await expect(page.getByTestId("current-user")).toContainText("Deelnemer");
  } finally {
    launcher.child.kill("SIGTERM");
    await waitFor(
      () => launcher.child.exitCode !== null || launcher.child.signalCode !== null,
      "the launcher to stop",
      launcher,
      30_000,
    ).catch(() => {});
  }
  // A clean stop leaves no running cluster behind.
  expect(existsSync(path.join(dataDir, "postgres", "postmaster.pid"))).toBe(false);
});
