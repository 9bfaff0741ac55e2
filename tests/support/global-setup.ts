/**
 * One PostgreSQL per test run: the embedded cluster in a temporary folder, or
 * the server of TEST_DATABASE_URL. A migrated template database is made once;
 * every test file clones its own database from it (database-per-file.ts).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "@/lib/postgres/embedded";
import { migrate } from "@/lib/postgres/migrate";
import { createDatabaseFrom } from "./test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseServerUrl: string;
    templateDatabase: string;
  }
}

export default async function setup(project: TestProject) {
  let serverUrl = process.env.TEST_DATABASE_URL;
  let stopCluster: (() => Promise<void>) | null = null;
  let folder: string | null = null;
  if (!serverUrl) {
    folder = await mkdtemp(path.join(tmpdir(), "koppelkans-test-"));
    const cluster = await startEmbeddedPostgres({ clusterDir: path.join(folder, "pg"), persistent: false });
    serverUrl = cluster.url;
    stopCluster = cluster.stop;
  }
  const template = await createDatabaseFrom(serverUrl, null, "kk_template");
  await migrate(template.url);
  project.provide("databaseServerUrl", serverUrl);
  project.provide("templateDatabase", template.name);

  return async () => {
    await template.drop().catch(() => {});
    await stopCluster?.();
    if (folder) await rm(folder, { recursive: true, force: true });
  };
}
