import "server-only";
import { cached } from "@/lib/cache/server";
import { db } from "@/lib/db";
import { markdownExcerpt } from "@/lib/markdown-excerpt";
import { shownCommentWhere } from "@/lib/policy/comments";
import { can, type Actor } from "@/lib/policy/permissions";
import { listedUpdateWhere } from "@/lib/policy/updates";
import { localiseTaxonomy } from "./localise";
import type { TaxonomyKind } from "./schema";
import { FOLLOW_TARGET, taxonomyRows } from "./store";
import { updateTagsSelect, withTags } from "./tags";

// Opgaven and themes as readers see them: lists with how many published
// updates carry each, and a page per opgave or theme. Counts come from one
// query each (a filtered relation count), never a query per tag.

export type { TaxonomyKind };

// The count runs over the join rows: only those of listed updates count.
const publishedCount = { _count: { select: { updates: { where: { update: listedUpdateWhere } } } } } as const;

const listSelect = {
  id: true,
  name: true,
  nameEn: true,
  slug: true,
  description: true,
  descriptionEn: true,
  color: true,
  archivedAt: true,
  ...publishedCount,
} as const;

/** What a timeline entry shows of a published update (the shape UpdateTimeline takes). */
const updateSummarySelect = {
  id: true,
  title: true,
  publishedAt: true,
  milestone: true,
  phase: true,
  author: { select: { name: true } },
  experiment: { select: { title: true, slug: true, municipality: { select: { name: true, slug: true } } } },
  ...updateTagsSelect,
} as const;

/** Newest first; the id breaks ties so the order is stable. */
const newestFirst = [{ publishedAt: "desc" }, { id: "desc" }] as const;
/** Active ones in the coordinators' order, archived ones after them. */
const listOrder = [{ archivedAt: { sort: "desc", nulls: "first" } }, { sortOrder: "asc" }, { name: "asc" }] as const;

export const TAXONOMY_PAGE_UPDATES = 25;

/** The row with its count flattened and its name and description in the reader's language. */
function flatten<T extends { _count: { updates: number }; name: string; nameEn: string | null; description: string }>(
  item: T,
  locale: string,
) {
  const { _count, ...rest } = item;
  return { ...localiseTaxonomy(rest, locale), updateCount: _count.updates };
}

/**
 * All opgaven or all themes with the number of published updates carrying
 * each. `includeArchived: false` leaves out archived ones (the home page).
 */
export async function listTaxonomy(
  kind: TaxonomyKind,
  { includeArchived = true, locale = "nl" }: { includeArchived?: boolean; locale?: string } = {},
) {
  const items = await readTaxonomyList(kind, includeArchived);
  return items.map((item) => flatten(item, locale));
}

/** The rows and counts are the same for every reader (listed updates only), so they are cached until a write changes them. */
const readTaxonomyList = cached("taxonomy.list", ["taxonomy", "listed-updates"], async (kind: TaxonomyKind, includeArchived: boolean) => {
  const where = includeArchived ? {} : { archivedAt: null };
  return kind === "opgave"
    ? db.opgave.findMany({ where, orderBy: [...listOrder], select: listSelect })
    : db.theme.findMany({ where, orderBy: [...listOrder], select: listSelect });
});

export type TaxonomyListItem = Awaited<ReturnType<typeof listTaxonomy>>[number];

/**
 * One opgave or theme for its page: its facts, how many published updates
 * carry it, and the newest TAXONOMY_PAGE_UPDATES of them. Null for an unknown
 * slug; archived ones are returned (the page says so).
 */
export async function getTaxonomyPage(kind: TaxonomyKind, slug: string, locale = "nl") {
  const select = {
    ...listSelect,
    updates: {
      where: { update: listedUpdateWhere },
      orderBy: [{ update: { publishedAt: "desc" as const } }, { updateId: "desc" as const }],
      take: TAXONOMY_PAGE_UPDATES,
      select: { update: { select: updateSummarySelect } },
    },
  };
  const item =
    kind === "opgave" ? await db.opgave.findUnique({ where: { slug }, select }) : await db.theme.findUnique({ where: { slug }, select });
  if (!item) return null;
  const { updates, ...rest } = flatten(item, locale);
  return { ...rest, updates: updates.map((row) => withTags(row.update)) };
}

export type TaxonomyPage = NonNullable<Awaited<ReturnType<typeof getTaxonomyPage>>>;

/** The newest published updates across the programme, for the home page. */
export async function listLatestUpdates(take = 5) {
  const rows = await db.update.findMany({
    where: listedUpdateWhere,
    orderBy: [...newestFirst],
    take,
    select: {
      id: true,
      title: true,
      body: true,
      publishedAt: true,
      author: { select: { id: true, name: true } },
      _count: { select: { comments: { where: shownCommentWhere } } },
      experiment: { select: { title: true, slug: true, municipality: { select: { name: true, slug: true } } } },
    },
  });
  // The body stays on the server: the list shows a plain-text excerpt of it.
  return rows.map(({ body, _count, ...row }) => ({ ...row, excerpt: markdownExcerpt(body), commentCount: _count.comments }));
}

/**
 * One opgave or theme for its edit page: its fields, how many updates (of any
 * status) carry it, how many people follow it, and the active others it can
 * be merged into. Null for an unknown id.
 */
export async function getTaxonomyForEdit(actor: Actor, kind: TaxonomyKind, id: string) {
  // Only for who manages opgaven and themes; the page refuses others earlier too.
  if (!can(actor, "taxonomy:manage")) return null;
  const rows = taxonomyRows(db, kind);
  const [item, followCount, mergeTargets] = await Promise.all([
    rows.findUnique({
      where: { id },
      select: {
        id: true,
        name: true,
        nameEn: true,
        slug: true,
        description: true,
        descriptionEn: true,
        color: true,
        archivedAt: true,
        _count: { select: { updates: true } },
      },
    }),
    db.follow.count({ where: { targetType: FOLLOW_TARGET[kind], targetId: id } }),
    rows.findMany({
      where: { archivedAt: null, NOT: { id } },
      orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
      select: { id: true, name: true },
    }),
  ]);
  if (!item) return null;
  const { _count, ...fields } = item;
  return { ...fields, updateCount: _count.updates, followCount, mergeTargets };
}

/**
 * Where an old address of an opgave or theme points now: after a new slug or
 * a merge, the audit event of that change names the row that took it over
 * (a merged one may have been merged again, so a few steps are followed).
 * Null when the slug never moved or its row is gone.
 */
export async function findMovedTaxonomySlug(kind: TaxonomyKind, slug: string): Promise<string | null> {
  const moved = await db.auditLog.findFirst({
    where: {
      action: { in: [`${kind}.update`, `${kind}.merge`] },
      OR: [{ data: { path: ["before", "slug"], equals: slug } }, { data: { path: ["before", "source", "slug"], equals: slug } }],
    },
    orderBy: { createdAt: "desc" },
    select: { targetId: true },
  });
  let id = moved?.targetId ?? null;
  for (let step = 0; id && step < 5; step += 1) {
    const row = await taxonomyRows(db, kind).findUnique({ where: { id }, select: { slug: true } });
    if (row) return row.slug === slug ? null : row.slug;
    const merged = await db.auditLog.findFirst({
      where: { action: `${kind}.merge`, data: { path: ["before", "source", "id"], equals: id } },
      select: { targetId: true },
    });
    id = merged?.targetId ?? null;
  }
  return null;
}
