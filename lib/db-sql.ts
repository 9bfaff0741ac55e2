/**
 * Hot reads that skip Prisma: a statement built with Prisma.sql (the policy's
 * SQL twins and the table's builders) runs straight on the pg pool under `db`
 * (scripts/bench/prisma-overhead.ts measured Prisma's per-call CPU at several
 * times the query's own). No `server-only`: the bench and tests import it.
 */
import pg from "pg";
import { captureStatement, dbPool } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/** PostgreSQL type ids whose text pg would read differently from Prisma. */
const TIMESTAMP = 1114;
const TIMESTAMPTZ = 1184;
const INT8 = 20;

/**
 * Prisma's DateTime columns are `timestamp(3)` without time zone holding UTC;
 * pg would read them in the server's local zone. A bigint (count(*)) becomes a
 * number, as the counts here never pass 2^53.
 */
const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === TIMESTAMP) return (value: string) => new Date(`${value.replace(" ", "T")}Z`);
    if (oid === TIMESTAMPTZ) return (value: string) => new Date(value);
    if (oid === INT8) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

/** A parameter as Prisma would send it: a Date in UTC (pg would write local time, which a `timestamp` column misreads). */
function toParameter(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

/** Runs `sql` on the pool and returns its rows; the statement is captured for the bench like Prisma's. */
export async function queryRows<T>(sql: Prisma.Sql): Promise<T[]> {
  const values = sql.values.map(toParameter);
  const captureFile = process.env.SQL_CAPTURE_FILE;
  if (captureFile) captureStatement(captureFile, sql.text, JSON.stringify(values));
  const result = await dbPool().query({ text: sql.text, values, types });
  return result.rows as T[];
}

/** The first row of `sql`, or null. */
export async function queryRow<T>(sql: Prisma.Sql): Promise<T | null> {
  return (await queryRows<T>(sql))[0] ?? null;
}
