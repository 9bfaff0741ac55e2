/**
 * The analytics SQL (the koppelkansen matrix, the activity charts) has an
 * index path wherever it reads "Update" or "Comment": no plan needs a
 * sequential scan of either. Runs the builders' own SQL (through the bench's
 * pg helpers) on ~3,000 published updates and ~30,000 comments made by the
 * bench generator, after VACUUM ANALYZE.
 *
 * As in query-plans.test.ts: the matrix over all time reads every listed
 * update, and at this size a sequential read is what the planner rightly
 * calls cheapest. So where the chosen plan has a Seq Scan on "Update" or
 * "Comment", the query is planned again with `SET enable_seqscan = off`, only
 * to prove an index path EXISTS (PostgreSQL still falls back to a Seq Scan
 * when it has none). That is the assertion; `npm run bench` shows the plans
 * at full size.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { activityQuery, matrixQueries } from "../scripts/bench/analytics-sql";
import { explain, seqScansOn, type PlanNode } from "../scripts/bench/plans";
import type { PgQuery } from "../scripts/bench/table-sql";
import { usePlanData } from "./support/plan-data";

const client = usePlanData({ comments: 30_000 });
const TABLES = ["Update", "Comment"];
let municipalityId = "";
let themeSlug = "";

beforeAll(async () => {
  municipalityId = (await client.query<{ id: string }>(`SELECT id FROM "Municipality" WHERE slug = 'amsterdam'`)).rows[0]!.id;
  themeSlug = (await client.query<{ slug: string }>(`SELECT slug FROM "Theme" ORDER BY "sortOrder", slug LIMIT 1`)).rows[0]!.slug;
});

const seqScans = (plan: PlanNode) => TABLES.flatMap((table) => seqScansOn(plan, table));

/** `chosen`: the planner's own plan reads neither table sequentially; `indexPathExists`: that plan or, else, the one with seqscans disabled. */
async function planOf(query: PgQuery) {
  const plan = await explain(client, query);
  if (seqScans(plan).length === 0) return { chosen: true, indexPathExists: true };
  await client.query("SET enable_seqscan = off");
  try {
    return { chosen: false, indexPathExists: seqScans(await explain(client, query)).length === 0 };
  } finally {
    await client.query("RESET enable_seqscan");
  }
}

async function expectIndexPath(name: string, query: PgQuery) {
  const plan = await planOf(query);
  if (!plan.chosen)
    console.info(
      `query-plans-analytics: ${name} — at this size the planner prefers a Seq Scan; an index path exists: ${plan.indexPathExists}`,
    );
  expect(plan.indexPathExists, `${name} has no index path`).toBe(true);
}

describe('the analytics SQL has an index path on "Update" and "Comment"', () => {
  const NOW = new Date("2026-11-20T12:00:00Z");
  const cases: [string, () => PgQuery][] = [
    ["the matrix over all time (opgave × opgave, updates)", () => matrixQueries().cells],
    ["the matrix over all time (opgave × opgave, experiments)", () => matrixQueries({ measure: "experiments" }).cells],
    ["the matrix over all time (opgave × opgave, municipalities)", () => matrixQueries({ measure: "municipalities" }).cells],
    ["the matrix over all time (opgave × theme)", () => matrixQueries({ view: "themes" }).cells],
    ["the matrix for a theme and a year", () => matrixQueries({ theme: themeSlug, from: "2025-01-01", to: "2025-12-31" }).cells],
    ["the matrix's axes", () => matrixQueries().axes],
    ["the programme's activity", () => activityQuery({ now: NOW })],
    ["a municipality's activity", () => activityQuery({ now: NOW, municipalityId })],
  ];
  for (const [name, query] of cases) it(name, () => expectIndexPath(name, query()));
});
