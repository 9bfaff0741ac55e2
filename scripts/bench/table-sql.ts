/**
 * The updates table's SQL as `pg` runs it: the same text searchUpdates sends
 * through Prisma (buildUpdatesTableSql), with the same lookups first
 * (opgave and theme ids by slug, the stop-word check).
 */
import type pg from "pg";
import { parseUpdatesTableParams } from "../../lib/updates/table-params";
import { buildUpdatesTableSql } from "../../lib/updates/table-sql";

export type PgQuery = { text: string; values: unknown[] };

/** Page and count query for a table URL query (`opgave=a&q=warmtepompen`), like the page at /updates?<query>. */
export async function updatesTableQueries(client: pg.ClientBase, urlQuery: string): Promise<{ page: PgQuery; count: PgQuery }> {
  const search = new URLSearchParams(urlQuery);
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(search.keys())) {
    const values = search.getAll(key);
    raw[key] = values.length === 1 ? values[0]! : values;
  }
  const params = parseUpdatesTableParams(raw);
  // One after the other: a pg client runs one query at a time.
  const opgaven = params.opgave.length
    ? await client.query<{ id: string }>(`SELECT id FROM "Opgave" WHERE slug = ANY($1::text[])`, [params.opgave])
    : { rows: [] };
  const themes = params.theme.length
    ? await client.query<{ id: string }>(`SELECT id FROM "Theme" WHERE slug = ANY($1::text[])`, [params.theme])
    : { rows: [] };
  const nodes = params.q
    ? await client.query<{ nodes: number }>(`SELECT numnode(websearch_to_tsquery('dutch', $1))::int AS nodes`, [params.q])
    : { rows: [{ nodes: 0 }] };
  const sql = buildUpdatesTableSql(params, {
    opgaveIds: opgaven.rows.map((row) => row.id),
    themeIds: themes.rows.map((row) => row.id),
    onlyStopWords: Boolean(params.q) && (nodes.rows[0]?.nodes ?? 0) === 0,
  });
  return { page: { text: sql.page.text, values: sql.page.values }, count: { text: sql.count.text, values: sql.count.values } };
}
