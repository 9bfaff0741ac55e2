/**
 * The suggested peers' SQL (lib/feedback/suggestions-sql.ts) never reads all
 * of "Update": it starts from the update's own opgaven and follows the
 * (opgaveId, updateId) index to the updates elsewhere. Checked like
 * tests/query-plans.test.ts: on ~3,000 published updates made by the bench
 * generator, the planner's plan, or else the plan with seqscans disabled
 * (proving an index path exists), has no Seq Scan on "Update".
 */
import { expect, it } from "vitest";
import { buildFeedbackSuggestionsSql } from "@/lib/feedback/suggestions-sql";
import { describePlan, explain, seqScansOn } from "../scripts/bench/plans";
import { usePlanData } from "./support/plan-data";

const client = usePlanData();

it('the suggestions for an update with several opgaven have an index path, no Seq Scan on "Update"', async () => {
  const {
    rows: [target],
  } = await client.query<{ id: string; authorId: string }>(
    `SELECT u.id, u."authorId" FROM "Update" u JOIN "UpdateOpgave" uo ON uo."updateId" = u.id
      WHERE u.status = 'PUBLISHED' GROUP BY u.id ORDER BY count(*) DESC, u.id LIMIT 1`,
  );
  const sql = buildFeedbackSuggestionsSql({ updateId: target!.id, askerId: target!.authorId, limit: 8 });
  const query = { text: sql.text, values: sql.values };
  let plan = await explain(client, query);
  if (seqScansOn(plan, "Update").length) {
    console.info(`feedback suggestions — at 3,000 rows the planner prefers a Seq Scan:\n${describePlan(plan)}`);
    await client.query("SET enable_seqscan = off");
    try {
      plan = await explain(client, query);
    } finally {
      await client.query("RESET enable_seqscan");
    }
  }
  expect(seqScansOn(plan, "Update"), describePlan(plan)).toEqual([]);
  const { rows } = await client.query(query.text, query.values);
  expect(rows.length).toBeGreaterThan(0);
});
