/**
 * The data every query-plan test runs on: the demo, then ~3,000 published
 * updates (plus drafts and withdrawn ones) made by the bench generator and
 * VACUUM ANALYZE, so the planner sees realistic statistics. Registers its own
 * beforeAll/afterAll; a test's own beforeAll runs after it.
 */
import pg from "pg";
import { afterAll, beforeAll, expect } from "vitest";
import { db } from "@/lib/db";
import { seedDemo } from "@/lib/seed/seed";
import { analyzeBenchTables, FULL_SIZE, generateProgramme } from "../../scripts/bench/generate";

export function usePlanData({ comments = 0 }: { comments?: number } = {}): pg.Client {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  beforeAll(async () => {
    await seedDemo(db);
    await client.connect();
    const marker = await generateProgramme(client, {
      size: {
        ...FULL_SIZE,
        municipalities: 10,
        experiments: 60,
        projectLeaders: 20,
        publishedUpdates: 3_000,
        drafts: 50,
        withdrawn: 20,
        comments,
        ...(comments ? { busyUpdate: undefined } : {}),
      },
    });
    expect(marker.counts.updates).toBe(3_070);
    await analyzeBenchTables(client);
  }, 180_000);
  afterAll(async () => {
    await client.end();
  });
  return client;
}
