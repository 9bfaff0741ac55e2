/**
 * The SQL behind the programme report (per municipality and per opgave the
 * updates, comments and active people of a period, and the most discussed
 * updates), built without touching the database: getProgrammeReport
 * (report-queries.ts) runs it through Prisma, the benchmark and the
 * query-plan test run the very same text through `pg`.
 *
 * A module of its own, not part of report-queries.ts, because that one is
 * `server-only` (it throws when a plain Node script imports it).
 */
import { Prisma } from "@/lib/generated/prisma/client";
import { shownCommentSql } from "@/lib/policy/comments";
import { listedUpdateSql } from "@/lib/policy/updates";
import { reportBounds, type ReportPeriod } from "./report-period";

/** How many updates "most discussed" lists. */
export const MOST_DISCUSSED_LIMIT = 10;

/** Updates, comments and active people (distinct authors of either) of one group, or of the whole programme. */
export type ReportCounts = { updates: number; comments: number; people: number };

export type ReportMunicipalityRow = ReportCounts & { id: string; name: string; slug: string; cbsCode: string };
export type ReportOpgaveRow = ReportCounts & { id: string; name: string; slug: string; archived: boolean };
/** An opgave as the query returns it: with its English name, which getProgrammeFigures turns into `name` for English readers. */
export type ReportOpgaveSqlRow = ReportOpgaveRow & { nameEn: string | null };

/** One of the most discussed updates: its visible comments written in the period. */
export type ReportDiscussedRow = {
  id: string;
  title: string;
  /** ISO 8601 in UTC. */
  publishedAt: string;
  comments: number;
  experimentTitle: string;
  experimentSlug: string;
  municipalityName: string;
  municipalitySlug: string;
};

/**
 * An instant as the text of a `timestamp` (without time zone) in UTC, which
 * is how the columns hold it: the same comparison whatever the session's
 * time zone, and whether Prisma or `pg` sends it.
 */
function utcTimestamp(instant: Date): string {
  return instant.toISOString().replace("T", " ").replace("Z", "");
}

/** The report's figures as pages and the CSV bundle take them. */
export type ProgrammeReportRow = {
  totals: ReportCounts;
  municipalities: ReportMunicipalityRow[];
  opgaven: ReportOpgaveRow[];
  mostDiscussed: ReportDiscussedRow[];
};

/** The one row the report's query returns. */
export type ProgrammeReportSqlRow = Omit<ProgrammeReportRow, "opgaven"> & { opgaven: ReportOpgaveSqlRow[] };

/**
 * The report's query for `period`. Pure: builds SQL, runs nothing.
 *
 * Days are whole days in the Netherlands (reportBounds). An update counts in the
 * period it was published in; a comment in the period it was written in,
 * whenever its update appeared. Only listed updates and shown comments count.
 *
 * Comments have no index on their date alone, so they are found per update
 * through (updateId, createdAt), and updates per experiment through
 * (experimentId, status, publishedAt): the LATERAL subqueries end in
 * OFFSET 0 so the planner keeps these index probes instead of merging them
 * into a scan of every update and every comment. Only updates published
 * before the period ends are probed: a comment is written on a published
 * update, and publishedAt stays when an update is republished.
 */
export function buildProgrammeReportSql(period: ReportPeriod, { mostDiscussed = MOST_DISCUSSED_LIMIT } = {}): Prisma.Sql {
  const bounds = reportBounds(period);
  const start = Prisma.sql`${utcTimestamp(bounds.start)}::timestamp`;
  const end = Prisma.sql`${utcTimestamp(bounds.end)}::timestamp`;
  const countsJson = (counts: string, people: string) => {
    const [c, p] = [Prisma.raw(counts), Prisma.raw(people)];
    return Prisma.sql`'updates', COALESCE(${c}.updates, 0), 'comments', COALESCE(${c}.comments, 0), 'people', COALESCE(${p}.people, 0)`;
  };
  return Prisma.sql`
    WITH candidates AS MATERIALIZED (
      SELECT u.id, u."authorId", u."publishedAt", e."municipalityId"
        FROM "Experiment" e
       CROSS JOIN LATERAL (
         SELECT u.id, u."authorId", u."publishedAt"
           FROM "Update" u
          WHERE u."experimentId" = e.id AND ${listedUpdateSql("u")} AND u."publishedAt" < ${end}
         OFFSET 0
       ) u
    ),
    period_comments AS MATERIALIZED (
      SELECT cand.id AS "updateId", cand."municipalityId", c."authorId"
        FROM candidates cand
       CROSS JOIN LATERAL (
         SELECT c."authorId"
           FROM "Comment" c
          WHERE c."updateId" = cand.id AND c."createdAt" >= ${start} AND c."createdAt" < ${end} AND ${shownCommentSql("c")}
         OFFSET 0
       ) c
    ),
    activity AS MATERIALIZED (
      SELECT true AS "isUpdate", cand.id AS "updateId", cand."municipalityId", cand."authorId"
        FROM candidates cand WHERE cand."publishedAt" >= ${start}
      UNION ALL
      SELECT false, pc."updateId", pc."municipalityId", pc."authorId" FROM period_comments pc
    ),
    -- Per update: whether it appeared in the period (0 or 1) and its comments in it.
    per_update AS MATERIALIZED (
      SELECT a."updateId", a."municipalityId",
             count(*) FILTER (WHERE a."isUpdate")::int AS updates,
             count(*) FILTER (WHERE NOT a."isUpdate")::int AS comments
        FROM activity a
       GROUP BY a."updateId", a."municipalityId"
    ),
    -- Who wrote on which update, each once: DISTINCT can hash, where count(DISTINCT) sorts every row.
    writers AS MATERIALIZED (
      SELECT DISTINCT a."updateId", a."municipalityId", a."authorId" FROM activity a
    ),
    municipality_counts AS (
      SELECT p."municipalityId" AS id, sum(p.updates)::int AS updates, sum(p.comments)::int AS comments
        FROM per_update p GROUP BY p."municipalityId"
    ),
    municipality_people AS (
      SELECT d.id, count(*)::int AS people
        FROM (SELECT DISTINCT w."municipalityId" AS id, w."authorId" FROM writers w) d GROUP BY d.id
    ),
    opgave_counts AS (
      SELECT x."opgaveId" AS id, sum(p.updates)::int AS updates, sum(p.comments)::int AS comments
        FROM per_update p JOIN "UpdateOpgave" x ON x."updateId" = p."updateId" GROUP BY x."opgaveId"
    ),
    opgave_people AS (
      SELECT d.id, count(*)::int AS people
        FROM (SELECT DISTINCT x."opgaveId" AS id, w."authorId" FROM writers w JOIN "UpdateOpgave" x ON x."updateId" = w."updateId") d
       GROUP BY d.id
    ),
    -- The top updates first (from the period's own rows), then their titles by primary key.
    discussed AS (
      SELECT p."updateId" AS id, p.comments, cand."publishedAt"
        FROM per_update p JOIN candidates cand ON cand.id = p."updateId"
       WHERE p.comments > 0
       ORDER BY p.comments DESC, cand."publishedAt" DESC, p."updateId"
       LIMIT ${mostDiscussed}
    )
    SELECT
      (SELECT json_build_object(${countsJson("c", "w")})
         FROM (SELECT sum(p.updates)::int AS updates, sum(p.comments)::int AS comments FROM per_update p) c,
              (SELECT count(*)::int AS people FROM (SELECT DISTINCT w."authorId" FROM writers w) d) w) AS totals,
      COALESCE((
        SELECT json_agg(json_build_object('id', m.id, 'name', m.name, 'slug', m.slug, 'cbsCode', m."cbsCode", ${countsJson("c", "w")})
                        ORDER BY m.name, m.id)
          FROM "Municipality" m
          LEFT JOIN municipality_counts c ON c.id = m.id
          LEFT JOIN municipality_people w ON w.id = m.id
      ), '[]'::json) AS municipalities,
      COALESCE((
        SELECT json_agg(json_build_object('id', o.id, 'name', o.name, 'nameEn', o."nameEn", 'slug', o.slug, 'archived', o."archivedAt" IS NOT NULL, ${countsJson("c", "w")})
                        ORDER BY o."sortOrder", o.name, o.id)
          FROM "Opgave" o
          LEFT JOIN opgave_counts c ON c.id = o.id
          LEFT JOIN opgave_people w ON w.id = o.id
         -- An archived opgave stays on old updates: it shows when something in the period carries it.
         WHERE o."archivedAt" IS NULL OR c.id IS NOT NULL
      ), '[]'::json) AS opgaven,
      COALESCE((
        SELECT json_agg(json_build_object(
                 'id', u.id, 'title', u.title,
                 'publishedAt', to_char(u."publishedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                 'comments', d.comments,
                 'experimentTitle', e.title, 'experimentSlug', e.slug,
                 'municipalityName', m.name, 'municipalitySlug', m.slug)
               ORDER BY d.comments DESC, d."publishedAt" DESC, d.id)
          FROM discussed d
          JOIN "Update" u ON u.id = d.id
          JOIN "Experiment" e ON e.id = u."experimentId"
          JOIN "Municipality" m ON m.id = e."municipalityId"
      ), '[]'::json) AS "mostDiscussed"`;
}
