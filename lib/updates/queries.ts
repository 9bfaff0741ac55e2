import { authorSelect, avatarIdOf } from "@/lib/people/author";
import "server-only";
import { pageCountOf } from "@/components/data-table/url-state";
import { cached } from "@/lib/cache/server";
import { db } from "@/lib/db";
import { queryRows } from "@/lib/db-sql";
import { can, type Actor } from "@/lib/policy/permissions";
import { choosableTaxonomyWhere } from "@/lib/policy/taxonomy";
import { editableUpdatesWhere, isListedUpdate, visibleUpdatesWhere } from "@/lib/policy/updates";
import { localisedName, localiseTaxonomy } from "@/lib/taxonomy/localise";
import { updateTagsSelect, withTags } from "@/lib/taxonomy/tags";
import { HIGHLIGHT_END, HIGHLIGHT_START } from "./highlight";
import { findTagIdsBySlug } from "./table-lookup-sql";
import type { UpdatesTableParams } from "./table-params";
import { buildUpdatesTableSql, toUpdatesTableRow, websearchText, type UpdatesTablePageRow } from "./table-sql";

export { HIGHLIGHT_END, HIGHLIGHT_START };
export { buildUpdatesTableSql };

/**
 * The number of nodes of `websearch_to_tsquery('dutch', text)`: 0 when there
 * is nothing to search for (only stop words). A query PostgreSQL still cannot
 * build ("tsquery stack too small") counts as 0 too, instead of failing the page.
 */
export async function searchQueryNodes(text: string): Promise<number> {
  try {
    const [row] = await db.$queryRaw<{ nodes: number }[]>`SELECT numnode(websearch_to_tsquery('dutch', ${text}))::int AS nodes`;
    return row?.nodes ?? 0;
  } catch (error) {
    if (/tsquery stack too small/.test(errorText(error))) return 0;
    throw error;
  }
}

/** The message of an error with what Prisma keeps of PostgreSQL's own message. */
function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const meta = (error as { meta?: unknown }).meta;
  return `${error.message} ${meta ? JSON.stringify(meta) : ""}`;
}

/**
 * The updates table: published updates filtered, searched (Dutch full-text
 * search, title above body, ranked, with snippets), sorted and paged on the
 * server. Hostile search strings are safe: websearch_to_tsquery never fails
 * on syntax, runs of NOT operators it cannot build are shortened (websearchText),
 * and a query of only stop words is reported instead of matching nothing silently.
 */
export async function searchUpdates(params: UpdatesTableParams) {
  const [tagIds, queryNodes] = await Promise.all([
    findTagIdsBySlug(params.opgave, params.theme),
    params.q ? searchQueryNodes(websearchText(params.q)) : 0,
  ]);
  const onlyStopWords = Boolean(params.q) && queryNodes === 0;
  const sql = buildUpdatesTableSql(params, { ...tagIds, onlyStopWords });
  // One query for the rows (with their author, experiment and tags), one for the total; on the pool, past Prisma (lib/db-sql.ts).
  const [rows, counted] = await Promise.all([queryRows<UpdatesTablePageRow>(sql.page), queryRows<{ total: number }>(sql.count)]);
  const total = counted[0]?.total ?? 0;
  return {
    rows: rows.map(toUpdatesTableRow),
    total,
    pageCount: pageCountOf(total, params.perPage),
    onlyStopWords,
  };
}

export type UpdatesTableResult = Awaited<ReturnType<typeof searchUpdates>>;
export type UpdatesTableRow = UpdatesTableResult["rows"][number];

/** Above this many experiments the experiment filter lists only those of the chosen municipalities. */
export const EXPERIMENT_OPTIONS_LIMIT = 60;

const experimentOptionSelect = { slug: true, title: true, municipality: { select: { name: true } } } as const;
const experimentOrder = [{ municipality: { name: "asc" } }, { title: "asc" }] as const;

/** What every reader's filters offer (the chosen ones aside), cached until the taxonomy or programme changes. */
const readFilterOptions = cached("updates.filter-options", ["taxonomy", "programme"], async () => {
  const taxonomyOptions = {
    where: { archivedAt: null },
    orderBy: { sortOrder: "asc" },
    select: { slug: true, name: true, nameEn: true },
  } as const;
  const [opgaven, themes, municipalities, experimentCount] = await Promise.all([
    db.opgave.findMany(taxonomyOptions),
    db.theme.findMany(taxonomyOptions),
    db.municipality.findMany({ orderBy: { name: "asc" }, select: { slug: true, name: true } }),
    db.experiment.count(),
  ]);
  // Null when there are too many to list: then only the chosen municipalities' experiments are read.
  const allExperiments =
    experimentCount > EXPERIMENT_OPTIONS_LIMIT
      ? null
      : await db.experiment.findMany({ orderBy: [...experimentOrder], select: experimentOptionSelect });
  return { opgaven, themes, municipalities, allExperiments };
});

/**
 * The options of the table's filters. A large programme has hundreds of
 * experiments: listing them all would make every table page heavy, so then
 * only the chosen municipalities' experiments (and a chosen one) are offered.
 */
export async function getTableFilterOptions(params: Pick<UpdatesTableParams, "municipality" | "experiment">, locale = "nl") {
  const { opgaven, themes, municipalities, allExperiments } = await readFilterOptions();
  const limited = allExperiments === null;
  const experiments =
    allExperiments ??
    (await db.experiment.findMany({
      where: { OR: [{ municipality: { slug: { in: params.municipality } } }, { slug: { in: params.experiment } }] },
      orderBy: [...experimentOrder],
      select: experimentOptionSelect,
    }));
  const named = ({ slug, ...row }: { slug: string; name: string; nameEn: string | null }) => ({ slug, name: localisedName(row, locale) });
  return {
    opgaven: opgaven.map(named),
    themes: themes.map(named),
    municipalities,
    experiments,
    experimentsLimited: limited && params.municipality.length === 0,
  };
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
      hiddenAt: true,
      commentsLockedAt: true,
      publishedAt: true,
      withdrawnAt: true,
      updatedAt: true,
      commentCount: true,
      authorId: true,
      author: { select: authorSelect },
      experiment: { select: { title: true, slug: true, municipality: { select: { name: true, slug: true } } } },
      ...updateTagsSelect,
      _count: { select: { revisions: true } },
    },
  });
  if (!update) return null;
  const editable = await db.update.count({ where: { AND: [{ id }, editableUpdatesWhere(actor)] } });
  return {
    ...withTags(update),
    author: { ...update.author, avatarId: avatarIdOf(update.author) },
    canEdit: editable > 0,
    canWithdraw: update.authorId === actor.id && isListedUpdate(update) && can(actor, "update:withdraw-own"),
  };
}

/** An update as the editor needs it, only for someone who may edit it. */
export async function getUpdateForEditing(actor: Actor, id: string) {
  const update = await db.update.findFirst({
    where: { AND: [{ id }, editableUpdatesWhere(actor)] },
    select: {
      id: true,
      title: true,
      body: true,
      phase: true,
      milestone: true,
      status: true,
      updatedAt: true,
      experimentId: true,
      experiment: { select: { title: true, slug: true } },
      opgaven: { select: { opgave: { select: { id: true } } } },
      themes: { select: { theme: { select: { id: true } } } },
    },
  });
  return update && withTags(update);
}

/** Whether the actor may read the update: who may read but not edit it is told so (403), anyone else gets a 404. */
export async function isUpdateVisible(actor: Actor, id: string): Promise<boolean> {
  return (await db.update.count({ where: { AND: [{ id }, visibleUpdatesWhere(actor)] } })) > 0;
}

const taxonomyOptionSelect = { id: true, name: true, nameEn: true, description: true, descriptionEn: true } as const;

/**
 * What the editor offers: the actor's own municipality's experiments, and the
 * active opgaven and themes — plus archived ones the edited update already
 * carries, so saving an old update keeps its tags.
 */
export async function getEditorOptions(actor: Actor, updateId?: string, locale = "nl") {
  const carried = choosableTaxonomyWhere(updateId);
  const [experiments, opgaven, themes] = await db.$transaction([
    db.experiment.findMany({
      where: can(actor, "update:publish") ? { municipalityId: actor.municipalityId ?? "" } : { id: "" },
      orderBy: { title: "asc" },
      select: { id: true, slug: true, title: true, phase: true },
    }),
    db.opgave.findMany({ where: carried, orderBy: { sortOrder: "asc" }, select: taxonomyOptionSelect }),
    db.theme.findMany({ where: carried, orderBy: { sortOrder: "asc" }, select: taxonomyOptionSelect }),
  ]);
  const localise = <T extends { name: string; nameEn: string | null; description: string }>(row: T) => localiseTaxonomy(row, locale);
  return { experiments, opgaven: opgaven.map(localise), themes: themes.map(localise) };
}

/** The saved versions of an update the actor may read, oldest first. */
export async function listRevisions(actor: Actor, updateId: string) {
  const update = await db.update.findFirst({
    where: { AND: [{ id: updateId }, visibleUpdatesWhere(actor)] },
    select: {
      id: true,
      title: true,
      revisions: {
        // cuid ids grow with time: they order revisions saved in the same millisecond.
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          title: true,
          body: true,
          phase: true,
          milestone: true,
          opgaven: true,
          themes: true,
          createdAt: true,
          editor: { select: { name: true } },
        },
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
