/**
 * What a backup reads from PostgreSQL's catalog rather than from a hand-kept
 * list: the application's tables and their columns, the order their foreign
 * keys allow, their sequences, and every object a forced restore drops.
 * Everything lives in the connection's current schema (where the migrations
 * put it); `_prisma_migrations` is bookkeeping, not application data.
 */
import type pg from "pg";
import { BackupError } from "./errors";

export type TableInfo = {
  name: string;
  /** Columns COPY can write: generated ones (Update.search) are computed again on load. */
  columns: string[];
  /** Tables this one references through a foreign key (not itself). */
  parents: string[];
};

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** `"schema"."table"` in the connection's current schema. */
export const qualified = (schema: string, table: string) => `${quoteIdent(schema)}.${quoteIdent(table)}`;

export async function currentSchema(client: pg.Client): Promise<string> {
  const { rows } = await client.query<{ schema: string | null }>("SELECT current_schema() AS schema");
  if (!rows[0]?.schema) throw new BackupError("De database heeft geen schema op het zoekpad (search_path).");
  return rows[0].schema;
}

/** Objects an extension created are the extension's, not the application's. */
export const NOT_FROM_EXTENSION = (alias: string, catalog: string) =>
  `NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = '${catalog}'::regclass AND d.objid = ${alias}.oid AND d.deptype = 'e')`;

/** The application's tables, in an order where every table comes after the tables it references. */
export async function listTables(client: pg.Client, schema: string): Promise<TableInfo[]> {
  const { rows } = await client.query<{ name: string; columns: string[] | null; parents: string[] | null }>(
    `SELECT c.relname AS name,
            (SELECT array_agg(a.attname::text ORDER BY a.attnum) FROM pg_attribute a
              WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '') AS columns,
            (SELECT array_agg(DISTINCT p.relname::text) FROM pg_constraint f JOIN pg_class p ON p.oid = f.confrelid
              WHERE f.conrelid = c.oid AND f.contype = 'f' AND f.confrelid <> c.oid) AS parents
       FROM pg_class c
      WHERE c.relnamespace = $1::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
        AND c.relname <> '_prisma_migrations' AND ${NOT_FROM_EXTENSION("c", "pg_class")}
      ORDER BY c.relname`,
    [quoteIdent(schema)],
  );
  return orderByForeignKeys(rows.map((row) => ({ name: row.name, columns: row.columns ?? [], parents: row.parents ?? [] })));
}

/** Parents before children (alphabetical among equals, so two runs agree); a cycle cannot be loaded by plain COPY. */
export function orderByForeignKeys(tables: TableInfo[]): TableInfo[] {
  const known = new Set(tables.map((table) => table.name));
  const done = new Set<string>();
  const ordered: TableInfo[] = [];
  let remaining = [...tables].sort((a, b) => (a.name < b.name ? -1 : 1));
  while (remaining.length) {
    const ready = remaining.filter((table) => table.parents.every((parent) => done.has(parent) || !known.has(parent)));
    if (!ready.length) {
      throw new BackupError(`De tabellen ${remaining.map((table) => table.name).join(", ")} verwijzen in een kring naar elkaar.`);
    }
    for (const table of ready) {
      ordered.push(table);
      done.add(table.name);
    }
    remaining = remaining.filter((table) => !done.has(table.name));
  }
  return ordered;
}

export type SequenceState = { name: string; lastValue: string; isCalled: boolean };

export async function listSequences(client: pg.Client, schema: string): Promise<SequenceState[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c
      WHERE c.relnamespace = $1::regnamespace AND c.relkind = 'S' AND ${NOT_FROM_EXTENSION("c", "pg_class")}
      ORDER BY c.relname`,
    [quoteIdent(schema)],
  );
  const states: SequenceState[] = [];
  for (const { name } of rows) {
    const { rows: state } = await client.query<{ last_value: string; is_called: boolean }>(
      `SELECT last_value::text, is_called FROM ${qualified(schema, name)}`,
    );
    states.push({ name, lastValue: state[0]!.last_value, isCalled: state[0]!.is_called });
  }
  return states;
}

/** Sets each sequence the schema still has to where the backup found it. */
export async function restoreSequences(client: pg.Client, schema: string, states: SequenceState[]): Promise<void> {
  const existing = new Set((await listSequences(client, schema)).map((sequence) => sequence.name));
  for (const state of states.filter((candidate) => existing.has(candidate.name))) {
    await client.query("SELECT setval($1::regclass, $2::bigint, $3)", [qualified(schema, state.name), state.lastValue, state.isCalled]);
  }
}

/** The tables that hold at least one row. */
export async function tablesWithRows(client: pg.Client, schema: string, tables: TableInfo[]): Promise<string[]> {
  if (!tables.length) return [];
  const checks = tables.map(
    (table, index) => `SELECT $${index + 1}::text AS name WHERE EXISTS (SELECT 1 FROM ${qualified(schema, table.name)})`,
  );
  const { rows } = await client.query<{ name: string }>(
    checks.join(" UNION ALL "),
    tables.map((table) => table.name),
  );
  return rows.map((row) => row.name);
}

/**
 * Drops every table, view, sequence, type and function of the application's
 * schema (the migrations create them again), leaving the schema itself, its
 * owner and grants, and any extension's objects in place.
 */
export async function dropApplicationObjects(client: pg.Client, schema: string): Promise<void> {
  const namespace = [quoteIdent(schema)];
  const names = async (sql: string) => (await client.query<{ name: string }>(sql, namespace)).rows.map((row) => row.name);
  const relations = (kinds: string) =>
    names(`SELECT format('%I.%I', n.nspname, c.relname) AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relnamespace = $1::regnamespace AND c.relkind IN (${kinds}) AND ${NOT_FROM_EXTENSION("c", "pg_class")}`);

  const views = await relations("'v', 'm'");
  if (views.length) await client.query(`DROP VIEW IF EXISTS ${views.join(", ")} CASCADE`);
  const tables = await relations("'r', 'p', 'f'");
  if (tables.length) await client.query(`DROP TABLE IF EXISTS ${tables.join(", ")} CASCADE`);
  const sequences = await relations("'S'");
  if (sequences.length) await client.query(`DROP SEQUENCE IF EXISTS ${sequences.join(", ")} CASCADE`);
  const functions = await names(
    `SELECT p.oid::regprocedure::text AS name FROM pg_proc p
      WHERE p.pronamespace = $1::regnamespace AND ${NOT_FROM_EXTENSION("p", "pg_proc")}`,
  );
  for (const name of functions) await client.query(`DROP ROUTINE IF EXISTS ${name} CASCADE`);
  const types = await names(
    `SELECT format('%I.%I', n.nspname, t.typname) AS name FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE t.typnamespace = $1::regnamespace AND t.typtype IN ('e', 'd', 'r', 'c')
        AND (t.typtype <> 'c' OR (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c')
        AND ${NOT_FROM_EXTENSION("t", "pg_type")}`,
  );
  if (types.length) await client.query(`DROP TYPE IF EXISTS ${types.join(", ")} CASCADE`);
}

/**
 * Drops the schema's foreign keys and returns what adds them back, with the
 * same names and definitions: checked once per key over the loaded table
 * instead of once per row while COPY runs (as pg_restore does).
 */
export async function suspendForeignKeys(client: pg.Client, schema: string): Promise<() => Promise<void>> {
  const { rows } = await client.query<{ table: string; name: string; definition: string }>(
    `SELECT format('%I.%I', n.nspname, c.relname) AS table, k.conname AS name, pg_get_constraintdef(k.oid) AS definition
       FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE k.contype = 'f' AND k.connamespace = $1::regnamespace ORDER BY 1, 2`,
    [quoteIdent(schema)],
  );
  const byTable = new Map<string, typeof rows>();
  for (const row of rows) byTable.set(row.table, [...(byTable.get(row.table) ?? []), row]);
  for (const [table, keys] of byTable) {
    await client.query(`ALTER TABLE ${table} ${keys.map((key) => `DROP CONSTRAINT ${quoteIdent(key.name)}`).join(", ")}`);
  }
  return async () => {
    for (const [table, keys] of byTable) {
      await client.query(
        `ALTER TABLE ${table} ${keys.map((key) => `ADD CONSTRAINT ${quoteIdent(key.name)} ${key.definition}`).join(", ")}`,
      );
    }
  };
}
