import { rm } from "node:fs/promises";

/** Removes this run's embedded database folder (the web server has stopped by now). */
export default async function globalTeardown() {
  const dataDir = process.env.E2E_DATA_DIR;
  if (dataDir?.includes("koppelkans-e2e-")) await rm(dataDir, { recursive: true, force: true });
}
