/**
 * Fast bulk inserts through `pg` (the driver under Prisma): multi-row
 * INSERT ... VALUES statements of up to `batchSize` rows. PostgreSQL coerces
 * each value to its column's type (enums, dates, timestamps given as text),
 * so rows are plain arrays of strings, numbers and nulls.
 */
import type pg from "pg";

export type Cell = string | number | boolean | null;

/** PostgreSQL accepts at most 65,535 parameters in one statement. */
const MAX_PARAMETERS = 65_535;

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Inserts `rows` into `table` in batches. Run it inside a transaction
 * (BEGIN … COMMIT on the same client) so that a failure leaves nothing behind.
 * Returns the number of rows inserted.
 */
export async function insertRows(
  client: pg.ClientBase,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly Cell[]>,
  { batchSize = 1_000 }: { batchSize?: number } = {},
): Promise<number> {
  const perBatch = Math.max(1, Math.min(batchSize, Math.floor(MAX_PARAMETERS / columns.length)));
  const head = `INSERT INTO ${quoteIdent(table)} (${columns.map(quoteIdent).join(", ")}) VALUES `;
  let batch: (readonly Cell[])[] = [];
  let inserted = 0;

  const flush = async () => {
    if (batch.length === 0) return;
    const values: Cell[] = [];
    const tuples: string[] = [];
    for (const row of batch) {
      if (row.length !== columns.length) throw new Error(`${table}: a row has ${row.length} values for ${columns.length} columns`);
      const placeholders: string[] = [];
      for (const cell of row) {
        values.push(cell);
        placeholders.push(`$${values.length}`);
      }
      tuples.push(`(${placeholders.join(", ")})`);
    }
    await client.query(head + tuples.join(", "), values);
    inserted += batch.length;
    batch = [];
  };

  for (const row of rows) {
    batch.push(row);
    if (batch.length >= perBatch) await flush();
  }
  await flush();
  return inserted;
}
