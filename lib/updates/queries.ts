import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { can, type Actor } from "@/lib/permissions";
import { editableUpdatesWhere, visibleUpdatesWhere } from "./service";
import type { UpdatesTableParams } from "./table-params";

import { HIGHLIGHT_END, HIGHLIGHT_START } from "./highlight";

export { HIGHLIGHT_END, HIGHLIGHT_START };

const tagSelect = { select: { id: true, name: true, slug: true, color: true }, orderBy: { sortOrder: "asc" } } as const;

/** The SQL condition for the table's filters and search (published updates only). */
function tableConditions(params: UpdatesTableParams, ids: { opgaven: string[]; themes: string[] }, query: Prisma.Sql | null) {
  const conditions: Prisma.Sql[] = [Prisma.sql`u.status = 'PUBLISHED'`];
  if (params.opgave.length) {
    if (params.opgaveMode === "all") {
      // A slug that matches no opgave makes "all of" impossible.
      if (ids.opgaven.length < params.opgave.length) conditions.push(Prisma.sql`false`);
      for (const id of ids.opgaven) {
        conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "_OpgaveToUpdate" x WHERE x."B" = u.id AND x."A" = ${id})`);
      }
    } else {
      conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "_OpgaveToUpdate" x WHERE x."B" = u.id AND x."A" = ANY(${ids.opgaven}::text[]))`);
    }
  }
  if (params.theme.length) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "_ThemeToUpdate" x WHERE x."B" = u.id AND x."A" = ANY(${ids.themes}::text[]))`);
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

type TableRow = { id: string; publishedAt: Date; commentCount: number; municipality: string; snippet: string | null };

/**
 * The updates table: published updates filtered, searched (Dutch full-text
 * search, title above body, ranked, with snippets), sorted and paged on the
 * server. Hostile search strings are safe: websearch_to_tsquery never fails
 * on syntax, and a query of only stop words is reported instead of matching nothing silently.
 */
export async function searchUpdates(params: UpdatesTableParams) {
  const [opgaven, themes, queryInfo] = await Promise.all([
    params.opgave.length ? db.opgave.findMany({ where: { slug: { in: params.opgave } }, select: { id: true } }) : [],
    params.theme.length ? db.theme.findMany({ where: { slug: { in: params.theme } }, select: { id: true } }) : [],
    params.q
      ? db.$queryRaw<{ nodes: number }[]>`SELECT numnode(websearch_to_tsquery('dutch', ${params.q}))::int AS nodes`
      : Promise.resolve([{ nodes: 0 }]),
  ]);
  const onlyStopWords = Boolean(params.q) && (queryInfo[0]?.nodes ?? 0) === 0;
  const query = params.q && !onlyStopWords ? Prisma.sql`websearch_to_tsquery('dutch', ${params.q})` : null;
  const where = onlyStopWords
    ? Prisma.sql`false`
    : tableConditions(params, { opgaven: opgaven.map((o) => o.id), themes: themes.map((t) => t.id) }, query);
  const from = Prisma.sql`"Update" u JOIN "Experiment" e ON e.id = u."experimentId" JOIN "Municipality" m ON m.id = e."municipalityId"`;
  const offset = (params.page - 1) * params.perPage;

  const [rows, counted] = await Promise.all([
    db.$queryRaw<TableRow[]>`
      SELECT page.id, page."publishedAt", page."commentCount", page.municipality,
             ${query ? Prisma.sql`ts_headline('dutch', left(page.body, 20000), ${query}, ${`MaxFragments=2, MaxWords=25, MinWords=8, FragmentDelimiter=" … ", StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}`})` : Prisma.sql`NULL`} AS snippet
        FROM (
          SELECT u.id, u."publishedAt", u."commentCount", u.body, m.name AS municipality
            FROM ${from}
           WHERE ${where}
           ORDER BY ${orderBy(params, query)}
           LIMIT ${params.perPage} OFFSET ${offset}
        ) page`,
    db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM ${from} WHERE ${where}`,
  ]);
  const total = counted[0]?.total ?? 0;

  // Rows keep the SQL order; their relations come in one more query.
  const details = rows.length
    ? await db.update.findMany({
        where: { id: { in: rows.map((row) => row.id) } },
        select: {
          id: true,
          title: true,
          phase: true,
          milestone: true,
          author: { select: { name: true } },
          experiment: { select: { title: true, slug: true, municipality: { select: { name: true, slug: true } } } },
          opgaven: tagSelect,
          themes: tagSelect,
        },
      })
    : [];
  const byId = new Map(details.map((detail) => [detail.id, detail]));
  return {
    rows: rows.flatMap((row) => {
      const detail = byId.get(row.id);
      return detail ? [{ ...detail, publishedAt: row.publishedAt, commentCount: row.commentCount, snippet: row.snippet }] : [];
    }),
    total,
    pageCount: Math.max(1, Math.ceil(total / params.perPage)),
    onlyStopWords,
  };
}

export type UpdatesTableResult = Awaited<ReturnType<typeof searchUpdates>>;
export type UpdatesTableRow = UpdatesTableResult["rows"][number];

/** The options of the table's filters. */
export async function getTableFilterOptions() {
  const [opgaven, themes, municipalities, experiments] = await db.$transaction([
    db.opgave.findMany({ where: { archivedAt: null }, orderBy: { sortOrder: "asc" }, select: { slug: true, name: true } }),
    db.theme.findMany({ where: { archivedAt: null }, orderBy: { sortOrder: "asc" }, select: { slug: true, name: true } }),
    db.municipality.findMany({ orderBy: { name: "asc" }, select: { slug: true, name: true } }),
    db.experiment.findMany({ orderBy: { title: "asc" }, select: { slug: true, title: true, municipality: { select: { name: true } } } }),
  ]);
  return { opgaven, themes, municipalities, experiments };
}

/** One update for its page, if the actor may read it, with what the actor may do with it. */
export async function getUpdateForReader(actor: Actor, id: string) {
  const update = await db.update.findFirst({
    where: { AND: [{ id }, visibleUpdatesWhere(actor)] },
    select: {
      id: true,
      title: true,
      body: true,
      phase: true,
      milestone: true,
      status: true,
      publishedAt: true,
      withdrawnAt: true,
      updatedAt: true,
      commentCount: true,
      authorId: true,
      author: { select: { name: true, municipality: { select: { name: true } } } },
      experiment: { select: { title: true, slug: true, municipality: { select: { name: true, slug: true } } } },
      opgaven: tagSelect,
      themes: tagSelect,
      _count: { select: { revisions: true } },
    },
  });
  if (!update) return null;
  const editable = await db.update.count({ where: { AND: [{ id }, editableUpdatesWhere(actor)] } });
  return {
    ...update,
    canEdit: editable > 0,
    canWithdraw: update.authorId === actor.id && update.status === "PUBLISHED",
  };
}

/** An update as the editor needs it, only for someone who may edit it. */
export function getUpdateForEditing(actor: Actor, id: string) {
  return db.update.findFirst({
    where: { AND: [{ id }, editableUpdatesWhere(actor)] },
    select: {
      id: true,
      title: true,
      body: true,
      phase: true,
      milestone: true,
      status: true,
      experimentId: true,
      experiment: { select: { title: true, slug: true } },
      opgaven: { select: { id: true } },
      themes: { select: { id: true } },
    },
  });
}

/** What the editor offers: the actor's own municipality's experiments, and the active opgaven and themes. */
export async function getEditorOptions(actor: Actor) {
  const [experiments, opgaven, themes] = await db.$transaction([
    db.experiment.findMany({
      where: can(actor, "update:publish") ? { municipalityId: actor.municipalityId ?? "" } : { id: "" },
      orderBy: { title: "asc" },
      select: { id: true, slug: true, title: true, phase: true },
    }),
    db.opgave.findMany({ where: { archivedAt: null }, orderBy: { sortOrder: "asc" }, select: { id: true, name: true, description: true } }),
    db.theme.findMany({ where: { archivedAt: null }, orderBy: { sortOrder: "asc" }, select: { id: true, name: true, description: true } }),
  ]);
  return { experiments, opgaven, themes };
}

/** The saved versions of an update the actor may read, oldest first. */
export async function listRevisions(actor: Actor, updateId: string) {
  const update = await db.update.findFirst({
    where: { AND: [{ id: updateId }, visibleUpdatesWhere(actor)] },
    select: {
      id: true,
      title: true,
      revisions: {
        orderBy: { createdAt: "asc" },
        select: { id: true, title: true, body: true, phase: true, milestone: true, opgaven: true, themes: true, createdAt: true, editor: { select: { name: true } } },
      },
    },
  });
  return update;
}

/** The actor's own drafts and withdrawn updates. */
export function listOwnUnpublished(actor: Actor) {
  return db.update.findMany({
    where: { authorId: actor.id, status: { in: ["DRAFT", "WITHDRAWN"] } },
    orderBy: { updatedAt: "desc" },
    select: { id: true, title: true, status: true, updatedAt: true, experiment: { select: { title: true } } },
  });
}
