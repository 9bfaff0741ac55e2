import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** What the build says exists: .next/server's manifests (written by `next build`, which the Playwright web server runs). */

const ROOT = path.join(import.meta.dirname, "..", "..");

function readManifest<T>(name: string): T {
  return JSON.parse(readFileSync(path.join(ROOT, ".next", "server", name), "utf8")) as T;
}

/** A server action of the build: its id, the module and export that define it, and the pages (workers) whose bundle holds it. */
export type BuiltAction = { id: string; key: string; workers: string[] };

export function builtActions(): BuiltAction[] {
  const { node } = readManifest<{ node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }> }>(
    "server-reference-manifest.json",
  );
  return Object.entries(node).map(([id, entry]) => ({
    id,
    key: `${entry.filename}#${entry.exportedName}`,
    workers: Object.keys(entry.workers),
  }));
}

/** Every page and route of the app router, e.g. `/(portal)/updates/[id]/page`, `/api/members/route`. */
export function appPaths(): string[] {
  return Object.keys(readManifest<Record<string, string>>("app-paths-manifest.json"));
}

/** The manifest keys of the route.ts files in the source tree. */
export function routeSources(): string[] {
  const files = readdirSync(path.join(ROOT, "app"), { recursive: true }) as string[];
  return files
    .filter((file) => file.endsWith(`${path.sep}route.ts`))
    .map((file) => `/${file.split(path.sep).join("/").replace(/\.ts$/, "")}`);
}

/** The address of a page or worker key without route groups: `app/(beheer)/beheer/gebruikers/[id]/page` → `/beheer/gebruikers/[id]`. */
export function addressOf(key: string): string {
  return (
    key
      .replace(/^app/, "")
      .replace(/\/(page|route)$/, "")
      .replace(/\/\([^/]+\)/g, "") || "/"
  );
}

/** Matches the addresses a worker serves (each `[param]` is one segment). */
export function workerPattern(worker: string): RegExp {
  return new RegExp(`^${addressOf(worker).replace(/\[[^\]]+\]/g, "[^/]+")}$`);
}
