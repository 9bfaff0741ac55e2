/**
 * The programme report's SQL never reads all of "Update" or "Comment": updates
 * come per experiment from (experimentId, status, publishedAt), comments per
 * update from (updateId, createdAt). Runs the report's own SQL
 * (buildProgrammeReportSql, as the page and the bench send it) on ~3,000
 * published updates and ~30,000 comments made by the bench generator, after
 * VACUUM ANALYZE. Unlike the updates table (tests/query-plans.test.ts), the
 * planner has no cheaper choice to make here: the plan it picks is the one
 * asserted. The plans at full size are checked by `npm run bench`.
 */
import { describe, expect, it } from "vitest";
import type { ReportPeriod } from "@/lib/analytics/report-period";
import { buildProgrammeReportSql } from "@/lib/analytics/report-sql";
import { describePlan, explain, planNodes, seqScansOn, type PlanNode } from "../scripts/bench/plans";
import { usePlanData } from "./support/plan-data";

const client = usePlanData({ comments: 30_000 });

const planOf = (period: ReportPeriod, analyze = false) => {
  const sql = buildProgrammeReportSql(period);
  return explain(client, { text: sql.text, values: sql.values }, { analyze });
};
const usesIndex = (plan: PlanNode, index: string) => planNodes(plan).some((node) => node["Index Name"] === index);

describe('the programme report\'s query avoids a Seq Scan on "Update" and "Comment"', () => {
  const periods: [string, ReportPeriod][] = [
    ["the last year of the bench data", { from: "2025-11-16", to: "2026-11-15" }],
    ["an early month", { from: "2020-03-01", to: "2020-03-31" }],
    ["all of the bench data", { from: "2019-01-01", to: "2026-11-15" }],
  ];
  for (const [name, period] of periods) {
    it(`${name}: the planner's own plan`, async () => {
      const plan = await planOf(period);
      const problem = `${name}:\n${describePlan(plan)}`;
      expect(seqScansOn(plan, "Update"), problem).toEqual([]);
      expect(seqScansOn(plan, "Comment"), problem).toEqual([]);
      expect(usesIndex(plan, "Update_experimentId_status_publishedAt_idx"), problem).toBe(true);
      expect(usesIndex(plan, "Comment_updateId_createdAt_idx"), problem).toBe(true);
    });
  }

  it("runs it, too (EXPLAIN ANALYZE): the plan holds with real row counts", async () => {
    const year = { from: "2025-11-16", to: "2026-11-15" };
    const plan = await planOf(year, true);
    expect(seqScansOn(plan, "Update")).toEqual([]);
    expect(seqScansOn(plan, "Comment")).toEqual([]);
    const sql = buildProgrammeReportSql(year);
    const counted = await client.query<{ totals: { updates: number; comments: number } }>(sql.text, sql.values);
    // The bench data spreads ~3,000 updates over eight years: a year holds a good share, and comments on them.
    expect(counted.rows[0]!.totals.updates).toBeGreaterThan(100);
    expect(counted.rows[0]!.totals.comments).toBeGreaterThan(100);
  });
});
