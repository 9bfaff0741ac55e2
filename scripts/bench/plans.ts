/** EXPLAIN helpers for the bench and the query-plan test. */
import type pg from "pg";
import type { PgQuery } from "./table-sql";

export type PlanNode = {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  Alias?: string;
  Plans?: PlanNode[];
  [key: string]: unknown;
};

/** The plan of `query` (EXPLAIN (FORMAT JSON), or with ANALYZE when asked: that runs it). */
export async function explain(client: pg.ClientBase, query: PgQuery, { analyze = false } = {}): Promise<PlanNode> {
  const options = analyze ? "ANALYZE, BUFFERS, FORMAT JSON" : "FORMAT JSON";
  const { rows } = await client.query<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(`EXPLAIN (${options}) ${query.text}`, query.values);
  return rows[0]!["QUERY PLAN"][0].Plan;
}

/** Every node of a plan, depth first. */
export function planNodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(planNodes)];
}

/** The sequential scans over `relation` in a plan (for "Update": the table of updates). */
export function seqScansOn(plan: PlanNode, relation: string): PlanNode[] {
  return planNodes(plan).filter((node) => node["Node Type"] === "Seq Scan" && node["Relation Name"] === relation);
}

/** A compact one-line-per-node text of a plan: node type, relation, index, rows. */
export function describePlan(plan: PlanNode, depth = 0): string {
  const parts = [plan["Node Type"]];
  if (plan["Relation Name"]) parts.push(`on "${plan["Relation Name"]}"`);
  if (plan["Index Name"]) parts.push(`using ${plan["Index Name"]}`);
  const rows = plan["Actual Rows"] ?? plan["Plan Rows"];
  const time = plan["Actual Total Time"];
  const line = `${"  ".repeat(depth)}${parts.join(" ")}  (rows ${rows}${time !== undefined ? `, ${time} ms` : ""})`;
  return [line, ...(plan.Plans ?? []).map((child) => describePlan(child, depth + 1))].join("\n");
}
