import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

export const SCHEMA_PATH = path.resolve(import.meta.dirname, "../../prisma/schema.prisma");
const PRISMA_CLI = createRequire(import.meta.url).resolve("prisma/build/index.js");

/**
 * The SQL that turns schema `from` (null: an empty database) into schema `to`,
 * from `prisma migrate diff`; "" when they are the same. The JS schema engine
 * connects through the adapter even for a schema-to-schema diff, so it needs a
 * reachable `databaseUrl` (any database; nothing is written).
 */
export function migrateDiff({ from, to = SCHEMA_PATH, databaseUrl }: { from: string | null; to?: string; databaseUrl: string }): string {
  const fromArgs = from ? ["--from-schema-datamodel", from] : ["--from-empty"];
  const output = execFileSync(process.execPath, [PRISMA_CLI, "migrate", "diff", ...fromArgs, "--to-schema-datamodel", to, "--script"], {
    cwd: path.resolve(import.meta.dirname, "../.."),
    // No update check: it waits for a host this network cannot reach.
    env: { ...process.env, DATABASE_URL: databaseUrl, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  return output.includes("-- This is an empty migration.") ? "" : output;
}
