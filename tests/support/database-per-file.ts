import { afterAll, inject } from "vitest";
import { createDatabaseFrom } from "./test-database";

// Each test file gets its own database, cloned from the migrated template, so
// files run in parallel without seeing each other's rows. lib/db.ts creates
// its client on first use, after DATABASE_URL is set here.
const database = await createDatabaseFrom(inject("databaseServerUrl"), inject("templateDatabase"));
process.env.DATABASE_URL = database.url;

afterAll(async () => {
  const { db } = await import("@/lib/db");
  await db.$disconnect();
  await database.drop();
});
