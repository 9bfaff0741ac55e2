/**
 * The SQL behind the activity charts (updates and comments per month per
 * opgave), built without touching the database: the queries module runs it
 * through Prisma, the query-plan test through `pg`. Only listed updates and
 * shown comments on listed updates count; months are Dutch calendar months.
 */
import { APP_TIME_ZONE } from "@/lib/calendar-day";
import { Prisma } from "@/lib/generated/prisma/client";
import { shownCommentSql } from "@/lib/policy/comments";
import { listedUpdateSql } from "@/lib/policy/updates";

export type ActivityParams = {
  /** Only the experiments of this municipality; null: the whole programme. */
  municipalityId: string | null;
  /** How many months back from `now`'s month (that one included), at most; fewer when the first listed update is more recent. */
  months: number;
  /** The moment whose month is the last one shown. */
  now: Date;
};

/**
 * One row of the activity query. `series` "first": the first month shown, as
 * YYYY-MM in `month` (`at` 0, count 0); "latest": the month of the newest
 * listed update in scope, or null without one. Otherwise the updates or comments in
 * the month `at` (0: the first month shown), for the opgave `opgaveId`, or
 * for all opgaven together (each update or comment once) when null.
 */
export type ActivityRow = {
  series: "first" | "latest" | "updates" | "comments";
  opgaveId: string | null;
  month: string | null;
  at: number;
  count: number;
};

const zone = Prisma.sql`${APP_TIME_ZONE}`;

/**
 * The SQL for `params`. Pure: builds SQL, runs nothing. Each update and
 * comment falls into its month by a binary search over the months' first
 * moments (width_bucket), which is far cheaper than a time-zone conversion per
 * row; comments are counted per update and month before they meet the opgaven.
 */
export function buildActivitySql(params: ActivityParams): Prisma.Sql {
  const months = Math.max(1, Math.floor(params.months));
  const inScope = params.municipalityId
    ? Prisma.sql`JOIN "Experiment" e ON e.id = u."experimentId" AND e."municipalityId" = ${params.municipalityId}`
    : Prisma.empty;
  const thisMonth = Prisma.sql`date_trunc('month', ${params.now.toISOString()}::timestamptz AT TIME ZONE ${zone})`;
  const perMonth = (series: "updates" | "comments") => Prisma.sql`
      SELECT ${Prisma.raw(`'${series}'`)}, o."opgaveId", NULL, x.at, sum(x.n)::int
        FROM ${Prisma.raw(series)} x JOIN "UpdateOpgave" o ON o."updateId" = x.id GROUP BY 2, 4
      UNION ALL
      SELECT ${Prisma.raw(`'${series}'`)}, NULL, NULL, x.at, sum(x.n)::int FROM ${Prisma.raw(series)} x GROUP BY 4`;
  return Prisma.sql`
      WITH bounds AS (
        SELECT greatest(
                 ${thisMonth} - make_interval(months => ${months - 1}),
                 (SELECT date_trunc('month', (min(u."publishedAt") AT TIME ZONE 'UTC') AT TIME ZONE ${zone})
                    FROM "Update" u ${inScope} WHERE ${listedUpdateSql("u")})
               ) AS first_month,
               ${thisMonth} + interval '1 month' AS end_month,
               (SELECT to_char((max(u."publishedAt") AT TIME ZONE 'UTC') AT TIME ZONE ${zone}, 'YYYY-MM')
                  FROM "Update" u ${inScope} WHERE ${listedUpdateSql("u")}) AS latest_month
      ),
      span AS (
        -- The first moment (UTC, as stored) of each month shown and of the month after: width_bucket's bounds.
        SELECT first_month, array_agg((m AT TIME ZONE ${zone}) AT TIME ZONE 'UTC' ORDER BY m) AS starts
          FROM bounds, generate_series(first_month, end_month, interval '1 month') m
         GROUP BY first_month
      ),
      updates AS MATERIALIZED (
        SELECT u.id, width_bucket(u."publishedAt", span.starts) - 1 AS at, 1 AS n
          FROM span, "Update" u ${inScope}
         WHERE ${listedUpdateSql("u")} AND u."publishedAt" >= span.starts[1] AND u."publishedAt" < span.starts[cardinality(span.starts)]
      ),
      comments AS MATERIALIZED (
        SELECT c."updateId" AS id, width_bucket(c."createdAt", span.starts) - 1 AS at, count(*) AS n
          FROM span, "Comment" c JOIN "Update" u ON u.id = c."updateId" ${inScope}
         WHERE ${shownCommentSql("c")} AND ${listedUpdateSql("u")}
           AND c."createdAt" >= span.starts[1] AND c."createdAt" < span.starts[cardinality(span.starts)]
         GROUP BY 1, 2
      )
      SELECT 'first' AS series, NULL AS "opgaveId", to_char(first_month, 'YYYY-MM') AS month, 0 AS at, 0 AS count FROM span
      UNION ALL
      SELECT 'latest', NULL, latest_month, 0, 0 FROM bounds
      UNION ALL ${perMonth("updates")}
      UNION ALL ${perMonth("comments")}`;
}
