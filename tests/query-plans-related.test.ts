/**
 * "Elders ook" never reads all of "Update" (or any "Comment"): it scores
 * candidates from the tag join tables' indexes and looks each one up by id
 * (in the covering index of listed updates; the few it ranks in the table). Runs its own SQL (buildRelatedUpdatesSql, through the bench's pg
 * helpers) on ~3,000 published updates made by the bench generator, after
 * VACUUM ANALYZE, like tests/query-plans.test.ts.
 *
 * Unlike the updates table, the chosen plan itself must be free of a Seq
 * Scan on "Update": the SQL leaves the planner no other way to reach the
 * candidates (a LATERAL lookup per candidate), whatever the table's size. The
 * small join tables may be read whole at this size (PostgreSQL 15 with its
 * default costs does so for the heaviest update); that an index path exists
 * for them is checked with seqscans disabled. The similar experiments need
 * every listed update, and read them from the covering index.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { explain, planNodes, seqScansOn } from "../scripts/bench/plans";
import { heaviestRelatedUpdate, relatedUpdatesQuery, similarExperimentsQuery } from "../scripts/bench/related-sql";
import { usePlanData } from "./support/plan-data";

const client = usePlanData();
let updates: string[] = [];
let experiment = "";

beforeAll(async () => {
  const heaviest = await heaviestRelatedUpdate(client);
  expect(heaviest).not.toBeNull();
  // The heaviest block, plus a few ordinary updates (one, two and three opgaven).
  const ordinary = await client.query<{ id: string }>(`
    SELECT DISTINCT ON (n) id FROM (
      SELECT u.id, (SELECT count(*) FROM "UpdateOpgave" x WHERE x."updateId" = u.id) AS n
        FROM "Update" u WHERE u.status = 'PUBLISHED' ORDER BY u.id LIMIT 200) s
     ORDER BY n, id`);
  updates = [heaviest!.id, ...ordinary.rows.map((row) => row.id)];
  experiment = (await client.query<{ id: string }>(`SELECT "experimentId" AS id FROM "Update" WHERE id = $1`, [heaviest!.id])).rows[0]!.id;
});

describe("query plans of Elders ook", () => {
  it('the related updates are found without a Seq Scan on "Update" or "Comment", whatever the planner prefers', async () => {
    expect(updates.length).toBeGreaterThanOrEqual(3);
    for (const id of updates) {
      const plan = await explain(client, relatedUpdatesQuery(id));
      expect(seqScansOn(plan, "Update"), `update ${id}`).toEqual([]);
      expect(seqScansOn(plan, "Comment"), `update ${id}`).toEqual([]);
    }
  });

  it("scores through the join tables' indexes (at this size reading a small join table whole may be cheaper: an index path must exist)", async () => {
    await client.query("SET enable_seqscan = off");
    try {
      for (const id of updates) {
        const plan = await explain(client, relatedUpdatesQuery(id));
        for (const table of ["UpdateOpgave", "UpdateTheme"]) expect(seqScansOn(plan, table), `${table} for ${id}`).toEqual([]);
        const indexes = new Set(planNodes(plan).map((node) => node["Index Name"]));
        expect(indexes.has("UpdateOpgave_opgaveId_updateId_idx"), `scores by opgave (${id})`).toBe(true);
        expect(indexes.has("UpdateTheme_themeId_updateId_idx"), `scores by theme (${id})`).toBe(true);
        // Whether a candidate is listed and elsewhere comes from the covering index, without the table.
        expect(indexes.has("Update_listed_id_idx"), `checks candidates in the covering index (${id})`).toBe(true);
      }
    } finally {
      await client.query("RESET enable_seqscan");
    }
  });

  it("the query finds five related updates on the generated programme", async () => {
    const { rows } = await client.query(relatedUpdatesQuery(updates[0]!).text, relatedUpdatesQuery(updates[0]!).values);
    expect(rows).toHaveLength(5);
  });

  it('the similar experiments read the listed updates from their covering index, never "Update" or "Comment" whole', async () => {
    const plan = await explain(client, similarExperimentsQuery(experiment));
    expect(seqScansOn(plan, "Update")).toEqual([]);
    expect(seqScansOn(plan, "Comment")).toEqual([]);
    expect(planNodes(plan).some((node) => node["Index Name"] === "Update_listed_id_idx")).toBe(true);
  });
});
