/**
 * The updates table's SQL never has to read all of "Update": the default view,
 * the filters and the search each have an index path. Runs the table's own
 * SQL (buildUpdatesTableSql, through the bench's pg helpers) on ~3,000
 * published updates made by the bench generator, after VACUUM ANALYZE.
 *
 * At this size, with PostgreSQL's default cost settings (random_page_cost = 4),
 * the planner may legitimately prefer a sequential scan where a filter or a
 * search matches a large share of a small table: reading 3,000 rows in order
 * is then estimated cheaper than an index. So each plan is checked twice: the
 * plan the planner picks is reported, and where it is a Seq Scan on "Update",
 * the query is planned again with `SET enable_seqscan = off`, only to prove
 * that an index path EXISTS (with seqscans disabled PostgreSQL still falls
 * back to a Seq Scan when it has no other way). That is the assertion. The
 * plans at full size (20,000 updates) are checked by `npm run bench`.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { explain, planNodes, seqScansOn, type PlanNode } from "../scripts/bench/plans";
import { updatesTableQueries } from "../scripts/bench/table-sql";
import { usePlanData } from "./support/plan-data";

const client = usePlanData();
let municipality = "";

beforeAll(async () => {
  municipality = (await client.query<{ slug: string }>(`SELECT slug FROM "Municipality" WHERE slug = 'amsterdam'`)).rows[0]!.slug;
});

const usesIndex = (plan: PlanNode, index: string) => planNodes(plan).some((node) => node["Index Name"] === index);

/**
 * `chosen`: the planner's own plan has no Seq Scan on "Update". `indexPathExists`:
 * that plan, or else the plan with seqscans disabled, has none. `plan` is the
 * one without a Seq Scan when there is one.
 */
async function planOf(urlQuery: string, which: "page" | "count") {
  const query = (await updatesTableQueries(client, urlQuery))[which];
  const plan = await explain(client, query);
  if (seqScansOn(plan, "Update").length === 0) return { chosen: true, indexPathExists: true, plan };
  await client.query("SET enable_seqscan = off");
  try {
    const forced = await explain(client, query);
    return { chosen: false, indexPathExists: seqScansOn(forced, "Update").length === 0, plan: forced };
  } finally {
    await client.query("RESET enable_seqscan");
  }
}

describe('query plans of the updates table avoid a Seq Scan on "Update"', () => {
  const views: [string, () => string][] = [
    ["the default view", () => ""],
    ["an opgave filter", () => "opgave=energietransitie-aardgasvrij"],
    [
      "all of two opgaven in a municipality",
      () => `opgave=energietransitie-aardgasvrij&opgave=armoede-en-schulden&opgaveMode=all&municipality=${municipality}`,
    ],
    ["a search", () => "q=warmtepompen"],
    ["a search with a filter", () => "q=warmtepompen&opgave=armoede-en-schulden"],
  ];
  for (const [name, urlQuery] of views) {
    it(`${name}: page and count`, async () => {
      for (const which of ["page", "count"] as const) {
        const plan = await planOf(urlQuery(), which);
        if (!plan.chosen)
          console.info(
            `query-plans: ${name} (${which}) — at 3,000 rows the planner prefers a Seq Scan; an index path exists: ${plan.indexPathExists}`,
          );
        expect(plan.indexPathExists, `${name} (${which}) has no index path`).toBe(true);
        // A search finds its rows through the GIN index, not by reading every published update through another index.
        if (urlQuery().includes("q="))
          expect(usesIndex(plan.plan, "Update_search_idx"), `${name} (${which}) does not use the GIN index`).toBe(true);
      }
    });
  }

  it("reads the tag join tables through their indexes, both ways", async () => {
    // The page's tags: from an update to its tags, through the primary keys (updateId first).
    const page = await planOf("", "page");
    expect(usesIndex(page.plan, "UpdateOpgave_pkey"), "the page's opgaven").toBe(true);
    expect(usesIndex(page.plan, "UpdateTheme_pkey"), "the page's themes").toBe(true);
    // A filter: from a tag to its updates (or per update to the tag); never a read of a whole join table when seqscans are off.
    for (const urlQuery of ["opgave=energietransitie-aardgasvrij", "theme=de-leefwereld-van-bewoners"]) {
      const table = urlQuery.startsWith("opgave") ? "UpdateOpgave" : "UpdateTheme";
      for (const which of ["page", "count"] as const) {
        const query = (await updatesTableQueries(client, urlQuery))[which];
        await client.query("SET enable_seqscan = off");
        try {
          const plan = await explain(client, query);
          expect(seqScansOn(plan, table), `${urlQuery} (${which})`).toEqual([]);
          const indexes = [`${table}_pkey`, `${table}_${table === "UpdateOpgave" ? "opgaveId" : "themeId"}_updateId_idx`];
          expect(
            indexes.some((index) => usesIndex(plan, index)),
            `${urlQuery} (${which}) uses a ${table} index`,
          ).toBe(true);
        } finally {
          await client.query("RESET enable_seqscan");
        }
      }
    }
  });

  it("the default view's page is an index scan in newest-first order, whatever the settings", async () => {
    // Top 25 of all published updates: reading the (status, publishedAt) index is always cheapest.
    expect((await planOf("", "page")).chosen).toBe(true);
  });
});
