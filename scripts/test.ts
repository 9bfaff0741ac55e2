/**
 * `npm test`: type check, unit and database tests (Vitest), then the browser
 * tests (Playwright in Debian's Chromium). Ends with one line of totals.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { userInfo } from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const reports = path.join(root, ".test-reports");
mkdirSync(reports, { recursive: true });

function run(command: string, args: string[], env: Record<string, string> = {}): boolean {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  return result.status === 0;
}

function hasCommand(name: string) {
  return spawnSync("sh", ["-c", `command -v ${name}`], { stdio: "ignore" }).status === 0;
}

/** CHROMIUM_PATH, else /usr/bin/chromium; installs Debian's package where it can. */
function findChromium(): string {
  const candidate = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (existsSync(candidate)) return candidate;
  if (!process.env.CHROMIUM_PATH && userInfo().uid === 0 && hasCommand("apt-get")) {
    console.log("[test] Chromium ontbreekt; Debian's pakket chromium wordt geïnstalleerd…");
    const env = { DEBIAN_FRONTEND: "noninteractive" };
    if (run("apt-get", ["update", "-qq"], env) && run("apt-get", ["install", "-y", "-qq", "chromium"], env) && existsSync(candidate)) {
      return candidate;
    }
  }
  console.error(
    `[test] Geen Chromium gevonden op ${candidate}. Installeer het (Debian/Ubuntu: sudo apt-get install chromium) of wijs het aan met CHROMIUM_PATH=/pad/naar/chromium.`,
  );
  process.exit(1);
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch {
    return null;
  }
}

const chromium = findChromium();
const tsc = path.join(root, "node_modules/typescript/bin/tsc");
const next = path.join(root, "node_modules/next/dist/bin/next");

const typecheckOk = run(process.execPath, [next, "typegen"]) && run(process.execPath, [tsc, "--noEmit"]);
if (!typecheckOk) console.error("[test] De typecontrole is mislukt.");

const eslint = path.join(root, "node_modules/eslint/bin/eslint.js");
const prettier = path.join(root, "node_modules/prettier/bin/prettier.cjs");
const lintOk =
  run(process.execPath, [eslint, "--max-warnings=0", "."]) && run(process.execPath, [prettier, "--check", "--log-level=warn", "."]);
if (!lintOk) console.error("[test] ESLint of Prettier vond problemen (npm run lint; npm run format herstelt de opmaak).");

const vitestJson = path.join(reports, "vitest.json");
const vitestOk = run(process.execPath, [
  path.join(root, "node_modules/vitest/vitest.mjs"),
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${vitestJson}`,
]);

const playwrightJson = path.join(reports, "playwright.json");
const e2eOk = run(process.execPath, [path.join(root, "node_modules/@playwright/test/cli.js"), "test", "--reporter=list,json"], {
  CHROMIUM_PATH: chromium,
  PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson,
});

const vitest = readJson<{ numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }>(vitestJson);
const playwright = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(playwrightJson);
const passed = (vitest?.numPassedTests ?? 0) + (playwright?.stats.expected ?? 0) + (playwright?.stats.flaky ?? 0);
const failed =
  (vitest?.numFailedTests ?? 0) +
  (playwright?.stats.unexpected ?? 0) +
  (typecheckOk ? 0 : 1) +
  (lintOk ? 0 : 1) +
  (vitest ? 0 : 1) +
  (playwright ? 0 : 1);
const skipped = (vitest?.numPendingTests ?? 0) + (vitest?.numTodoTests ?? 0) + (playwright?.stats.skipped ?? 0);

console.log(
  `\nunit+database: ${vitest?.numPassedTests ?? 0} passed · e2e: ${(playwright?.stats.expected ?? 0) + (playwright?.stats.flaky ?? 0)} passed`,
);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(typecheckOk && lintOk && vitestOk && e2eOk && failed === 0 ? 0 : 1);
