import type pg from "pg";

/**
 * What must hold in the database after a crash, each as a list of
 * violations (empty when it holds): every foreign key, the comment counters,
 * and every comment complete with what its transaction also wrote.
 */

export type Query = <T extends pg.QueryResultRow>(text: string, params?: unknown[]) => Promise<T[]>;

/** Rows whose foreign key points at nothing, for every foreign key constraint in the schema. */
export async function danglingForeignKeys(query: Query): Promise<string[]> {
  const constraints = await query<{ name: string; child: string; parent: string; childColumns: string[]; parentColumns: string[] }>(`
    SELECT c.conname AS name, c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent,
           array(SELECT quote_ident(a.attname) FROM unnest(c.conkey) WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i) AS "childColumns",
           array(SELECT quote_ident(a.attname) FROM unnest(c.confkey) WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.i) AS "parentColumns"
      FROM pg_constraint c JOIN pg_namespace ns ON ns.oid = c.connamespace
     WHERE c.contype = 'f' AND ns.nspname = current_schema()`);
  const problems: string[] = [];
  for (const constraint of constraints) {
    const present = constraint.childColumns.map((column) => `c.${column} IS NOT NULL`).join(" AND ");
    const joined = constraint.childColumns.map((column, index) => `p.${constraint.parentColumns[index]} = c.${column}`).join(" AND ");
    const [row] = await query<{ count: number }>(
      `SELECT count(*)::int AS count FROM ${constraint.child} c WHERE ${present} AND NOT EXISTS (SELECT 1 FROM ${constraint.parent} p WHERE ${joined})`,
    );
    if (row!.count > 0) problems.push(`${constraint.name}: ${row!.count} rows of ${constraint.child} point at no ${constraint.parent}`);
  }
  // Follow.targetId has no foreign key (it names one of several tables).
  const [follows] = await query<{ count: number }>(
    `SELECT count(*)::int AS count FROM "Follow" f WHERE f."targetType" = 'UPDATE' AND NOT EXISTS (SELECT 1 FROM "Update" u WHERE u.id = f."targetId")`,
  );
  if (follows!.count > 0) problems.push(`${follows!.count} follows of an update that does not exist`);
  return problems;
}

/** Updates whose commentCount is not the number of comments they show (neither deleted nor hidden). */
export async function wrongCommentCounts(query: Query): Promise<string[]> {
  const rows = await query<{ id: string; stored: number; shown: number }>(`
    SELECT u.id, u."commentCount" AS stored, count(c.id) FILTER (WHERE c."deletedAt" IS NULL AND c."hiddenAt" IS NULL)::int AS shown
      FROM "Update" u LEFT JOIN "Comment" c ON c."updateId" = u.id
     GROUP BY u.id HAVING u."commentCount" <> count(c.id) FILTER (WHERE c."deletedAt" IS NULL AND c."hiddenAt" IS NULL)`);
  return rows.map((row) => `update ${row.id}: commentCount ${row.stored}, shows ${row.shown}`);
}

/**
 * Comments on `updateId` that lack what onCommentPosted writes with them:
 * the author's follow of the update, the update author's notification (and,
 * as she asked for it at once, its email in the outbox), the notification of
 * the person a reply answers; and notifications that should not exist
 * (two for one person, one for the commenter).
 */
export async function incompleteComments(
  query: Query,
  { updateId, updateAuthorId }: { updateId: string; updateAuthorId: string },
): Promise<string[]> {
  const rows = await query<{ id: string; problem: string }>(
    `WITH comments AS (SELECT * FROM "Comment" WHERE "updateId" = $1)
     SELECT c.id, 'no follow of the update by its author' AS problem FROM comments c
      WHERE NOT EXISTS (SELECT 1 FROM "Follow" f WHERE f."userId" = c."authorId" AND f."targetType" = 'UPDATE' AND f."targetId" = c."updateId")
     UNION ALL
     SELECT c.id, 'no notification for the update''s author' FROM comments c
      WHERE NOT EXISTS (SELECT 1 FROM "Notification" n WHERE n."commentId" = c.id AND n."userId" = $2 AND n.kind = 'COMMENT_ON_UPDATE')
     UNION ALL
     SELECT c.id, 'the update author''s notification has no queued email' FROM comments c
       JOIN "Notification" n ON n."commentId" = c.id AND n."userId" = $2
      WHERE n."emailId" IS NULL OR NOT EXISTS (SELECT 1 FROM "EmailMessage" e WHERE e.id = n."emailId")
     UNION ALL
     SELECT c.id, 'no REPLY notification for the author it answers' FROM comments c JOIN "Comment" target ON target.id = c."replyToId"
      WHERE target."authorId" <> c."authorId"
        AND NOT EXISTS (SELECT 1 FROM "Notification" n WHERE n."commentId" = c.id AND n."userId" = target."authorId" AND n.kind IN ('REPLY', 'MENTION'))
     UNION ALL
     SELECT c.id, 'a notification for the commenter' FROM comments c JOIN "Notification" n ON n."commentId" = c.id AND n."userId" = c."authorId"
     UNION ALL
     SELECT n."commentId", 'two notifications for one person' FROM "Notification" n JOIN comments c ON c.id = n."commentId"
      GROUP BY n."commentId", n."userId" HAVING count(*) > 1`,
    [updateId, updateAuthorId],
  );
  return rows.map((row) => `comment ${row.id}: ${row.problem}`);
}
