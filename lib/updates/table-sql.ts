/**
 * The SQL behind the updates table, built from the table's parameters without
 * touching the database: searchUpdates (queries.ts) runs it through Prisma, and
 * the benchmark (scripts/bench.ts) and the query-plan test run the very same
 * text through `pg` to time it bare and to EXPLAIN it.
 *
 * A module of its own, not part of queries.ts, because queries.ts is
 * `server-only` (it throws when a plain Node script imports it).
 */
import { Prisma } from "@/lib/generated/prisma/client";
import type { ExperimentPhase } from "@/lib/generated/prisma/enums";
import { listedUpdateSql } from "@/lib/policy/updates";
import { HIGHLIGHT_END, HIGHLIGHT_START } from "./highlight";
import type { UpdatesTableParams } from "./table-params";

/** Markdown syntax left out of search snippets: link targets, and emphasis, heading, quote, table and code marks. */
const MARKDOWN_SYNTAX = String.raw`\]\([^)]*\)|[*_#>|\`~\[\]]+`;

/**
 * websearch_to_tsquery fails with "tsquery stack too small" on more than about
 * 32 NOT operators (`-`) in a row with no word between them; the characters it
 * skips there are whitespace and `! & | ( ) <`. So a run of three or more
 * becomes one or two, which means the same (NOT NOT x is x).
 */
const NOT_RUN = /-(?:[\s!&|()<]*-){2,}/g;

/** The search text as it goes to websearch_to_tsquery: the same query, without operator runs PostgreSQL cannot parse. */
export function websearchText(q: string): string {
  return q.replace(NOT_RUN, (run) => ((run.match(/-/g)?.length ?? 0) % 2 === 1 ? " -" : " --"));
}

/** What the table's SQL needs to know from the database first (see searchUpdates). */
export type UpdatesTableLookup = {
  /** Ids of the opgaven whose slugs are in params.opgave (unknown slugs left out). */
  opgaveIds: string[];
  /** Ids of the themes whose slugs are in params.theme. */
  themeIds: string[];
  /** params.q is not empty but holds only stop words (numnode of its tsquery is 0). */
  onlyStopWords: boolean;
};

export type UpdatesTableSql = {
  /** `websearch_to_tsquery('dutch', q)`, or null without a (useful) search. */
  query: Prisma.Sql | null;
  /** One page of rows (UpdatesTablePageRow), in the table's order. */
  page: Prisma.Sql;
  /** The number of rows over all pages: total. */
  count: Prisma.Sql;
};

/** The SQL condition for the table's filters and search (published updates only). */
function tableConditions(params: UpdatesTableParams, ids: { opgaven: string[]; themes: string[] }, query: Prisma.Sql | null) {
  const conditions: Prisma.Sql[] = [listedUpdateSql("u")];
  if (params.opgave.length) {
    if (params.opgaveMode === "all") {
      // A slug that matches no opgave makes "all of" impossible.
      if (ids.opgaven.length < params.opgave.length) conditions.push(Prisma.sql`false`);
      for (const id of ids.opgaven) {
        conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "UpdateOpgave" x WHERE x."updateId" = u.id AND x."opgaveId" = ${id})`);
      }
    } else {
      conditions.push(
        Prisma.sql`EXISTS (SELECT 1 FROM "UpdateOpgave" x WHERE x."updateId" = u.id AND x."opgaveId" = ANY(${ids.opgaven}::text[]))`,
      );
    }
  }
  if (params.theme.length) {
    conditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "UpdateTheme" x WHERE x."updateId" = u.id AND x."themeId" = ANY(${ids.themes}::text[]))`,
    );
  }
  if (params.municipality.length) conditions.push(Prisma.sql`m.slug = ANY(${params.municipality}::text[])`);
  if (params.experiment.length) conditions.push(Prisma.sql`e.slug = ANY(${params.experiment}::text[])`);
  if (params.phase.length) conditions.push(Prisma.sql`u.phase::text = ANY(${params.phase}::text[])`);
  if (params.from) conditions.push(Prisma.sql`u."publishedAt" >= ${params.from}::date`);
  if (params.to) conditions.push(Prisma.sql`u."publishedAt" < (${params.to}::date + 1)`);
  if (query) conditions.push(Prisma.sql`u.search @@ ${query}`);
  return Prisma.join(conditions, " AND ");
}

function orderBy(params: UpdatesTableParams, query: Prisma.Sql | null): Prisma.Sql {
  const dir = params.dir === "asc" ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  switch (params.sort) {
    case "title":
      return Prisma.sql`u.title ${dir}, u.id`;
    case "municipality":
      return Prisma.sql`m.name ${dir}, u."publishedAt" DESC, u.id`;
    case "comments":
      return Prisma.sql`u."commentCount" ${dir}, u."publishedAt" DESC, u.id`;
    case "relevance":
      return query ? Prisma.sql`ts_rank_cd(u.search, ${query}) DESC, u."publishedAt" DESC, u.id` : Prisma.sql`u."publishedAt" DESC, u.id`;
    default:
      return Prisma.sql`u."publishedAt" ${dir}, u.id ${dir}`;
  }
}

/** One tag (opgave or theme) as the table shows it. */
export type UpdatesTableTag = { id: string; name: string; slug: string; color: string };

/** One row of the page query, as PostgreSQL returns it (see toUpdatesTableRow). */
export type UpdatesTablePageRow = {
  id: string;
  title: string;
  phase: ExperimentPhase;
  milestone: string | null;
  publishedAt: Date;
  commentCount: number;
  authorId: string;
  authorName: string;
  authorAvatarId: string | null;
  experimentTitle: string;
  experimentSlug: string;
  municipalityName: string;
  municipalitySlug: string;
  opgaven: UpdatesTableTag[];
  themes: UpdatesTableTag[];
  snippet: string | null;
};

/** A row of the updates table. */
export type UpdatesTableRow = {
  id: string;
  title: string;
  phase: ExperimentPhase;
  milestone: string | null;
  author: { id: string; name: string; avatarId: string | null };
  experiment: { title: string; slug: string; municipality: { name: string; slug: string } };
  opgaven: UpdatesTableTag[];
  themes: UpdatesTableTag[];
  publishedAt: Date;
  commentCount: number;
  snippet: string | null;
};

export function toUpdatesTableRow(row: UpdatesTablePageRow): UpdatesTableRow {
  return {
    id: row.id,
    title: row.title,
    phase: row.phase,
    milestone: row.milestone,
    author: { id: row.authorId, name: row.authorName, avatarId: row.authorAvatarId },
    experiment: {
      title: row.experimentTitle,
      slug: row.experimentSlug,
      municipality: { name: row.municipalityName, slug: row.municipalitySlug },
    },
    opgaven: row.opgaven,
    themes: row.themes,
    publishedAt: row.publishedAt,
    commentCount: row.commentCount,
    snippet: row.snippet,
  };
}

/** The tags of the update `page.id`, in their sort order, as a JSON array. */
function tagsOf(link: "UpdateOpgave" | "UpdateTheme", tag: "Opgave" | "Theme", tagColumn: "opgaveId" | "themeId"): Prisma.Sql {
  return Prisma.sql`COALESCE((
             SELECT json_agg(json_build_object('id', t.id, 'name', t.name, 'slug', t.slug, 'color', t.color) ORDER BY t."sortOrder", t.id)
               FROM ${Prisma.raw(`"${link}"`)} x JOIN ${Prisma.raw(`"${tag}"`)} t ON t.id = x.${Prisma.raw(`"${tagColumn}"`)}
              WHERE x."updateId" = page.id), '[]'::json)`;
}

/**
 * The page query and the count query of the updates table for `params`. Pure:
 * builds SQL, runs nothing. The page query returns everything a row shows
 * (author, experiment, municipality, opgaven and themes too) in one round trip;
 * the count joins experiment and municipality only when a filter needs them.
 */
export function buildUpdatesTableSql(params: UpdatesTableParams, lookup: UpdatesTableLookup): UpdatesTableSql {
  const query = params.q && !lookup.onlyStopWords ? Prisma.sql`websearch_to_tsquery('dutch', ${websearchText(params.q)})` : null;
  const where = lookup.onlyStopWords
    ? Prisma.sql`false`
    : tableConditions(params, { opgaven: lookup.opgaveIds, themes: lookup.themeIds }, query);
  const from = Prisma.sql`"Update" u JOIN "Experiment" e ON e.id = u."experimentId" JOIN "Municipality" m ON m.id = e."municipalityId"`;
  // Every update has an experiment and every experiment a municipality (required
  // foreign keys), so without a filter on them the joins do not change the count.
  const countFrom = params.municipality.length || params.experiment.length ? from : Prisma.sql`"Update" u`;
  const offset = (params.page - 1) * params.perPage;
  const page = Prisma.sql`
      SELECT page.id, page.title, page.phase, page.milestone, page."publishedAt", page."commentCount",
             page."authorId", (SELECT a.name FROM "User" a WHERE a.id = page."authorId") AS "authorName",
             (SELECT a.id FROM "Upload" a WHERE a."avatarOfId" = page."authorId") AS "authorAvatarId",
             page."experimentTitle", page."experimentSlug", page."municipalityName", page."municipalitySlug",
             ${tagsOf("UpdateOpgave", "Opgave", "opgaveId")} AS opgaven,
             ${tagsOf("UpdateTheme", "Theme", "themeId")} AS themes,
             ${query ? Prisma.sql`ts_headline('dutch', regexp_replace(left(page.body, 20000), ${MARKDOWN_SYNTAX}, ' ', 'g'), ${query}, ${`MaxFragments=2, MaxWords=25, MinWords=8, FragmentDelimiter=" … ", StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}`})` : Prisma.sql`NULL`} AS snippet
        FROM (
          SELECT u.id, u.title, u.phase::text AS phase, u.milestone, u."publishedAt", u."commentCount", u."authorId", u.body,
                 e.title AS "experimentTitle", e.slug AS "experimentSlug", m.name AS "municipalityName", m.slug AS "municipalitySlug"
            FROM ${from}
           WHERE ${where}
           ORDER BY ${orderBy(params, query)}
           LIMIT ${params.perPage} OFFSET ${offset}
        ) page`;
  const count = Prisma.sql`SELECT count(*)::int AS total FROM ${countFrom} WHERE ${where}`;
  return { query, page, count };
}
