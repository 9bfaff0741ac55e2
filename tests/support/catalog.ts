import pg from "pg";

/**
 * A comparable description of a database's schema: tables and columns (type,
 * nullability, default, generation), indexes, constraints and enum labels.
 * The migration bookkeeping table is left out.
 */
export async function readCatalog(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const columns = await client.query(`
      SELECT table_name, column_name, data_type, udt_name, character_maximum_length, numeric_precision,
             datetime_precision, is_nullable, column_default, is_generated, generation_expression
        FROM information_schema.columns
       WHERE table_schema = current_schema() AND table_name <> '_prisma_migrations'
       ORDER BY table_name, column_name`);
    const indexes = await client.query(`
      SELECT tablename, indexname, indexdef FROM pg_indexes
       WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'
       ORDER BY tablename, indexname`);
    const constraints = await client.query(`
      SELECT conrelid::regclass::text AS table_name, conname, contype, pg_get_constraintdef(oid) AS definition
        FROM pg_constraint
       WHERE connamespace = current_schema()::regnamespace AND conrelid::regclass::text <> '"_prisma_migrations"'
         AND conrelid::regclass::text <> '_prisma_migrations'
       ORDER BY 1, 2`);
    // The label's place, not enumsortorder itself: a value added BEFORE another gets a fractional sort order.
    const enums = await client.query(`
      SELECT t.typname, e.enumlabel, row_number() OVER (PARTITION BY t.typname ORDER BY e.enumsortorder)::int AS position FROM pg_enum e
        JOIN pg_type t ON t.oid = e.enumtypid
       WHERE t.typnamespace = current_schema()::regnamespace
       ORDER BY t.typname, e.enumsortorder`);
    return { columns: columns.rows, indexes: indexes.rows, constraints: constraints.rows, enums: enums.rows };
  } finally {
    await client.end();
  }
}

export type Catalog = Awaited<ReturnType<typeof readCatalog>>;
