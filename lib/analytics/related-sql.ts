/**
 * The SQL behind "Elders ook" (related updates from other municipalities) and
 * the similar experiments elsewhere, built without touching the database:
 * related-queries.ts runs it through Prisma, and the benchmark and the
 * query-plan test run the very same text through `pg`.
 *
 * A module of its own, not part of related-queries.ts, because that one is
 * `server-only` (it throws when a plain Node script imports it).
 */
import { Prisma } from "@/lib/generated/prisma/client";
import { listedUpdateSql } from "@/lib/policy/updates";

/** A shared opgave weighs twice a shared theme: opgaven are the tasks people connect, themes only the programme's three lenses. */
export const OPGAVE_WEIGHT = 2;
export const THEME_WEIGHT = 1;
/** How many related updates and similar experiments a page shows. */
export const RELATED_LIMIT = 5;
/** How many of the update's own lexemes make the text query that breaks ties. */
export const SIGNIFICANT_LEXEMES = 10;
/**
 * At most this many tied candidates are ranked by text: the newest ones. Only
 * a tie larger than this (thousands of updates with the same one opgave and
 * theme, as in the bench data) is cut; ranking each costs about 5 µs of CPU.
 */
export const RANKED_WINDOW = 500;

/** One opgave or theme both updates (or experiments) carry. */
export type SharedTag = { id: string; name: string; slug: string };
/** A shared tag as the SQL returns it: related-queries.ts turns `nameEn` into `name` for English readers. */
export type SharedTagSqlRow = SharedTag & { nameEn: string | null };

/** One row of the related-updates query, best first. */
export type RelatedUpdateRow = {
  id: string;
  title: string;
  publishedAt: Date;
  experimentTitle: string;
  experimentSlug: string;
  municipalityName: string;
  municipalitySlug: string;
  /** OPGAVE_WEIGHT per shared opgave plus THEME_WEIGHT per shared theme. */
  score: number;
  /** ts_rank of the candidate's text against the update's most significant lexemes (0 without any). */
  rank: number;
  sharedOpgaven: SharedTag[];
  sharedThemes: SharedTag[];
};

/** One row of the similar-experiments query, most similar first. */
export type SimilarExperimentRow = {
  id: string;
  title: string;
  slug: string;
  municipalityName: string;
  municipalitySlug: string;
  /** Cosine similarity of the two opgaven profiles, 0 to 1. */
  similarity: number;
  sharedOpgaven: SharedTag[];
};

const listed = (alias: string) => listedUpdateSql(alias);

/**
 * A tsquery that ORs the update's most significant lexemes: the most
 * frequent ones, a title word counting as three more; each lexeme quoted for
 * tsquery's own syntax (a quote doubled, a backslash escaped).
 */
const significantQuery = Prisma.sql`(
      SELECT string_agg('''' || replace(replace(l.lexeme, E'\\\\', E'\\\\\\\\'), '''', '''''') || '''', ' | ')::tsquery
        FROM (SELECT t.lexeme FROM unnest(u.search) t
               ORDER BY cardinality(t.positions) + 3 * cardinality(array_positions(t.weights, 'A')) DESC, length(t.lexeme) DESC, t.lexeme
               LIMIT ${SIGNIFICANT_LEXEMES}) l)`;

/** The tags both the candidate `alias` and the source update carry, in the coordinators' order, as a JSON array. */
function sharedTags(kind: "opgave" | "theme", alias: string): Prisma.Sql {
  const [link, tag, column, mine] =
    kind === "opgave" ? ['"UpdateOpgave"', '"Opgave"', '"opgaveId"', "opgaven"] : ['"UpdateTheme"', '"Theme"', '"themeId"', "themes"];
  return Prisma.sql`COALESCE((
        SELECT json_agg(json_build_object('id', t.id, 'name', t.name, 'nameEn', t."nameEn", 'slug', t.slug) ORDER BY t."sortOrder", t.name, t.id)
          FROM ${Prisma.raw(link)} x JOIN ${Prisma.raw(tag)} t ON t.id = x.${Prisma.raw(column)}
         WHERE x."updateId" = ${Prisma.raw(alias)}.id AND x.${Prisma.raw(column)} = ANY(src.${Prisma.raw(mine)})), '[]'::json)`;
}

/**
 * Up to `limit` listed updates from other municipalities than the update's
 * own, sharing the most opgaven and themes with it (OPGAVE_WEIGHT, THEME_WEIGHT),
 * the text rank breaking ties, then the newest. Nothing when the update is not
 * listed. Pure: builds SQL, runs nothing.
 *
 * Most updates share a theme with most others, so scoring touches thousands of
 * join rows (index-only). Whether a candidate is listed and elsewhere, and its
 * date, come from the covering index "Update_listed_id_idx" alone: first,
 * walking the scores downwards, until `limit` eligible ones are found (which
 * fixes the lowest score that can still make it), then for the candidates at
 * or above that score. Only those (the newest RANKED_WINDOW of them, when more
 * tie) are read whole and ranked by text.
 */
export function buildRelatedUpdatesSql(
  updateId: string,
  { limit = RELATED_LIMIT, rankedWindow = RANKED_WINDOW }: { limit?: number; rankedWindow?: number } = {},
): Prisma.Sql {
  // The window ranks at least as many as are shown.
  const window = Math.max(limit, rankedWindow);
  return Prisma.sql`
      WITH src AS MATERIALIZED (
        SELECT u.id,
               -- The experiments of the update's own municipality: a candidate on one of them never shows.
               ARRAY(SELECT own.id FROM "Experiment" own WHERE own."municipalityId" = e."municipalityId") AS "ownExperiments",
               ARRAY(SELECT x."opgaveId" FROM "UpdateOpgave" x WHERE x."updateId" = u.id) AS opgaven,
               ARRAY(SELECT x."themeId" FROM "UpdateTheme" x WHERE x."updateId" = u.id) AS themes,
               ${significantQuery} AS query
          FROM "Update" u JOIN "Experiment" e ON e.id = u."experimentId"
         WHERE u.id = ${updateId} AND ${listed("u")}
      ),
      shared AS MATERIALIZED (
        SELECT s."updateId", sum(s.weight)::int AS score
          FROM (
            SELECT x."updateId", ${OPGAVE_WEIGHT}::int AS weight FROM src JOIN "UpdateOpgave" x ON x."opgaveId" = ANY(src.opgaven)
            UNION ALL
            SELECT x."updateId", ${THEME_WEIGHT}::int FROM src JOIN "UpdateTheme" x ON x."themeId" = ANY(src.themes)
          ) s
         GROUP BY s."updateId"
      ),
      threshold AS (
        SELECT min(found.score) AS score FROM (
          SELECT ordered.score
            FROM (SELECT sh."updateId", sh.score FROM shared sh ORDER BY sh.score DESC OFFSET 0) ordered
           CROSS JOIN LATERAL (
             SELECT 1 FROM src, "Update" c
              WHERE c.id = ordered."updateId" AND ${listed("c")} AND c."experimentId" <> ALL(src."ownExperiments")
              LIMIT 1) eligible
           ORDER BY ordered.score DESC
           LIMIT ${limit}
        ) found
      ),
      tied AS (
        SELECT c.id, c."publishedAt", s.score
          FROM src
          JOIN shared s ON s.score >= (SELECT score FROM threshold)
         CROSS JOIN LATERAL (
           SELECT c.id, c."publishedAt" FROM "Update" c
            WHERE c.id = s."updateId" AND ${listed("c")} AND c."experimentId" <> ALL(src."ownExperiments")
           OFFSET 0) c
         ORDER BY s.score DESC, c."publishedAt" DESC, c.id
         LIMIT ${window}
      ),
      best AS (
        SELECT t.id, t."publishedAt", t.score, COALESCE(ts_rank(c.search, src.query), 0)::float8 AS rank
          FROM tied t CROSS JOIN src
         CROSS JOIN LATERAL (SELECT c.search FROM "Update" c WHERE c.id = t.id OFFSET 0) c
         ORDER BY t.score DESC, rank DESC, t."publishedAt" DESC, t.id
         LIMIT ${limit}
      )
      SELECT b.id, u.title, b."publishedAt", b.score, b.rank,
             e.title AS "experimentTitle", e.slug AS "experimentSlug", m.name AS "municipalityName", m.slug AS "municipalitySlug",
             ${sharedTags("opgave", "b")} AS "sharedOpgaven",
             ${sharedTags("theme", "b")} AS "sharedThemes"
        FROM best b CROSS JOIN src
        JOIN "Update" u ON u.id = b.id
        JOIN "Experiment" e ON e.id = u."experimentId" JOIN "Municipality" m ON m.id = e."municipalityId"
       ORDER BY b.score DESC, b.rank DESC, b."publishedAt" DESC, b.id`;
}

/**
 * Up to `limit` experiments of other municipalities whose opgaven profile (how
 * many of its listed updates carry each opgave) is most like this
 * experiment's, by cosine similarity; more shared opgaven, then the title
 * break ties. Only experiments sharing at least one opgave; the shared ones
 * come strongest overlap first (the smaller of the two counts). Pure.
 *
 * Every profile needs every listed update: their experiments come from the
 * covering index "Update_listed_id_idx" alone, not from the table.
 */
export function buildSimilarExperimentsSql(experimentId: string, limit = RELATED_LIMIT): Prisma.Sql {
  return Prisma.sql`
      WITH profile AS MATERIALIZED (
        SELECT u."experimentId" AS experiment, x."opgaveId" AS opgave, count(*)::float8 AS n
          FROM "Update" u JOIN "UpdateOpgave" x ON x."updateId" = u.id
         WHERE ${listed("u")}
         GROUP BY 1, 2
      ),
      mine AS (SELECT p.opgave, p.n FROM profile p WHERE p.experiment = ${experimentId}),
      candidates AS (
        SELECT p.experiment, sum(p.n * m.n) AS dot, sqrt(sum(p.n * p.n)) AS norm, count(m.opgave)::int AS shared
          FROM profile p LEFT JOIN mine m ON m.opgave = p.opgave
         WHERE p.experiment <> ${experimentId}
         GROUP BY p.experiment
        HAVING count(m.opgave) > 0
      ),
      best AS (
        SELECT e.id, e.title, e.slug, e."municipalityId", c.shared,
               (c.dot / (c.norm * (SELECT sqrt(sum(mine.n * mine.n)) FROM mine)))::float8 AS similarity
          FROM candidates c JOIN "Experiment" e ON e.id = c.experiment
         WHERE e."municipalityId" <> (SELECT own."municipalityId" FROM "Experiment" own WHERE own.id = ${experimentId})
         ORDER BY similarity DESC, c.shared DESC, e.title, e.id
         LIMIT ${limit}
      )
      SELECT b.id, b.title, b.slug, b.similarity, m.name AS "municipalityName", m.slug AS "municipalitySlug",
             COALESCE((
               SELECT json_agg(json_build_object('id', o.id, 'name', o.name, 'nameEn', o."nameEn", 'slug', o.slug)
                        ORDER BY least(p.n, mine.n) DESC, o."sortOrder", o.name, o.id)
                 FROM profile p JOIN mine ON mine.opgave = p.opgave JOIN "Opgave" o ON o.id = p.opgave
                WHERE p.experiment = b.id), '[]'::json) AS "sharedOpgaven"
        FROM best b JOIN "Municipality" m ON m.id = b."municipalityId"
       ORDER BY b.similarity DESC, b.shared DESC, b.title, b.id`;
}
