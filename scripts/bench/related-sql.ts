/**
 * "Elders ook" and the similar experiments as `pg` runs them: the same SQL
 * the update and experiment pages send through Prisma (lib/analytics/related-sql.ts),
 * for the bench and the query-plan test.
 */
import type pg from "pg";
import { buildRelatedUpdatesSql, buildSimilarExperimentsSql } from "../../lib/analytics/related-sql";
import { listedUpdateSql } from "../../lib/policy/updates";
import type { PgQuery } from "./table-sql";

const toPg = (sql: { text: string; values: unknown[] }): PgQuery => ({ text: sql.text, values: sql.values });

export const relatedUpdatesQuery = (updateId: string): PgQuery => toPg(buildRelatedUpdatesSql(updateId));
export const similarExperimentsQuery = (experimentId: string): PgQuery => toPg(buildSimilarExperimentsSql(experimentId));

/**
 * The listed update whose "Elders ook" block costs the most: tagged with one
 * opgave and one theme that the most listed updates carry together. All of
 * those tie at the top score, so each is read and ranked by text (the block's
 * main cost; more tags make the top tie smaller). Falls back to the update
 * whose tags the most updates carry. Null without listed tagged updates.
 */
export async function heaviestRelatedUpdate(client: pg.ClientBase): Promise<{ id: string; candidates: number } | null> {
  const listed = listedUpdateSql("u").text;
  const { rows } = await client.query<{ id: string; candidates: number }>(`
    WITH pairs AS (
      SELECT o."opgaveId", t."themeId", count(*)::int AS n
        FROM "UpdateOpgave" o JOIN "UpdateTheme" t ON t."updateId" = o."updateId" JOIN "Update" u ON u.id = o."updateId"
       WHERE ${listed}
       GROUP BY 1, 2
    ),
    tagged AS (
      SELECT u.id,
             ARRAY(SELECT x."opgaveId" FROM "UpdateOpgave" x WHERE x."updateId" = u.id) AS opgaven,
             ARRAY(SELECT x."themeId" FROM "UpdateTheme" x WHERE x."updateId" = u.id) AS themes
        FROM "Update" u
       WHERE ${listed}
    )
    SELECT tagged.id, pairs.n AS candidates
      FROM tagged JOIN pairs ON tagged.opgaven = ARRAY[pairs."opgaveId"] AND tagged.themes = ARRAY[pairs."themeId"]
     ORDER BY pairs.n DESC, tagged.id
     LIMIT 1`);
  if (rows[0]) return rows[0];
  const fallback = await client.query<{ id: string; candidates: number }>(`
    WITH opgave AS (SELECT "opgaveId" AS tag, count(*) AS n FROM "UpdateOpgave" GROUP BY 1),
         theme AS (SELECT "themeId" AS tag, count(*) AS n FROM "UpdateTheme" GROUP BY 1)
    SELECT u.id,
           (COALESCE((SELECT sum(o.n) FROM "UpdateOpgave" x JOIN opgave o ON o.tag = x."opgaveId" WHERE x."updateId" = u.id), 0) +
            COALESCE((SELECT sum(t.n) FROM "UpdateTheme" x JOIN theme t ON t.tag = x."themeId" WHERE x."updateId" = u.id), 0))::int AS candidates
      FROM "Update" u
     WHERE ${listed}
     ORDER BY candidates DESC, u.id
     LIMIT 1`);
  return fallback.rows[0] && fallback.rows[0].candidates > 0 ? fallback.rows[0] : null;
}
