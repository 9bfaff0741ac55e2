/**
 * A restore is built in a schema of its own beside the application's, then
 * swapped in by one short transaction. Building aside lets every migration
 * commit on its own, as lib/postgres/migrate.ts does: before PostgreSQL 17 an
 * enum value added by `ALTER TYPE … ADD VALUE` cannot be used (by COPY, say)
 * in the transaction that added it. The application never sees the staging
 * schema, and a failure only drops it.
 */
import { randomBytes } from "node:crypto";
import type pg from "pg";
import { NOT_FROM_EXTENSION, quoteIdent } from "./catalog";

const PREFIX = "koppelkans_restore_";

/** Drops staging schemas a killed restore left behind (the caller holds the migration lock, so none is in use). */
export async function dropLeftoverStaging(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ name: string }>("SELECT nspname AS name FROM pg_namespace WHERE starts_with(nspname, $1)", [
    PREFIX,
  ]);
  for (const { name } of rows) await client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(name)} CASCADE`);
}

export async function createStagingSchema(client: pg.Client): Promise<string> {
  const name = `${PREFIX}${randomBytes(6).toString("hex")}`;
  await client.query(`CREATE SCHEMA ${quoteIdent(name)}`);
  return name;
}

export async function dropStagingSchema(client: pg.Client, name: string): Promise<void> {
  await client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(name)} CASCADE`);
}

/**
 * Moves every table (with its indexes, constraints, triggers and owned
 * sequences), view, free sequence, type and function from `from` into `to`,
 * then drops `from` — refusing, and so rolling back, if anything was left.
 */
export async function moveApplicationObjects(client: pg.Client, from: string, to: string): Promise<void> {
  const target = quoteIdent(to);
  const statements = await client.query<{ statement: string }>(
    `SELECT format('ALTER %s %I.%I SET SCHEMA ', CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                   WHEN 'S' THEN 'SEQUENCE' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END, n.nspname, c.relname) AS statement
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relnamespace = $1::regnamespace AND c.relkind IN ('r', 'p', 'f', 'v', 'm', 'S') AND ${NOT_FROM_EXTENSION("c", "pg_class")}
        AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                 AND d.objid = c.oid AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')))
     UNION ALL
     SELECT format('ALTER %s %I.%I SET SCHEMA ', CASE t.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END, n.nspname, t.typname)
       FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE t.typnamespace = $1::regnamespace AND t.typtype IN ('e', 'd', 'r', 'c')
        AND (t.typtype <> 'c' OR (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c') AND ${NOT_FROM_EXTENSION("t", "pg_type")}
     UNION ALL
     SELECT format('ALTER ROUTINE %s SET SCHEMA ', p.oid::regprocedure)
       FROM pg_proc p WHERE p.pronamespace = $1::regnamespace AND ${NOT_FROM_EXTENSION("p", "pg_proc")}`,
    [quoteIdent(from)],
  );
  for (const { statement } of statements.rows) await client.query(`${statement}${target}`);
  // RESTRICT: an object this list does not know stops the swap instead of being lost.
  await client.query(`DROP SCHEMA ${quoteIdent(from)} RESTRICT`);
}
