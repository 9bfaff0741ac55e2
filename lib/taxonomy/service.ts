import "server-only";
import { fail, ok, type ActionResult } from "@/lib/action-result";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { mutation, type Tx } from "@/lib/mutation";
import {
  archiveTaxonomySchema,
  createTaxonomySchema,
  mergeTaxonomySchema,
  moveTaxonomySchema,
  updateTaxonomySchema,
  type TaxonomyKind,
} from "./schema";
import { FOLLOW_TARGET, lockTaxonomy, TAXONOMY_TABLES, taxonomyEvent, taxonomyRows, UPDATE_LINKS } from "./store";

// Coordinators and admins keep the lists of opgaven and themes. One set of
// writes serves both lists (`kind`), each through the pipeline
// (lib/mutation.ts) with its audit event in the same transaction.

type FieldErrors = Partial<Record<string, string[]>>;
type Saved = { id: string; slug: string };

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * Name and slug each belong to one opgave (or theme). Names are compared
 * without case, so "armoede" cannot stand next to "Armoede"; a slug made from
 * a taken name is not reported twice.
 */
async function findConflicts(
  client: Tx,
  kind: TaxonomyKind,
  { name, slug }: { name: string; slug: string },
  exceptId?: string,
): Promise<FieldErrors> {
  const clashes = await taxonomyRows(client, kind).findMany({
    where: { OR: [{ name: { equals: name, mode: "insensitive" } }, { slug }], ...(exceptId ? { NOT: { id: exceptId } } : {}) },
    select: { name: true, slug: true },
  });
  const errors: FieldErrors = {};
  if (clashes.some((row) => row.name.toLowerCase() === name.toLowerCase())) errors.name = ["taxonomy.nameTaken"];
  else if (clashes.some((row) => row.slug === slug)) errors.slug = ["taxonomy.slugTaken"];
  return errors;
}

/** A write that raced another for the same name or slug: the unique index refused it; name the field. */
function recoverConflict(kind: TaxonomyKind, values: { name: string; slug: string }, exceptId?: string) {
  return async (error: unknown): Promise<ActionResult<Saved> | null> => {
    if (!isUniqueViolation(error)) return null;
    const errors = await findConflicts(db, kind, values, exceptId);
    return fail("form.invalid", Object.keys(errors).length ? errors : { slug: ["taxonomy.slugTaken"] });
  };
}

/** The next place at the end of the list. */
async function nextSortOrder(tx: Tx, kind: TaxonomyKind): Promise<number> {
  const { _max } = await taxonomyRows(tx, kind).aggregate({ _max: { sortOrder: true } });
  return (_max.sortOrder ?? 0) + 1;
}

const editableSelect = { id: true, name: true, nameEn: true, slug: true, description: true, descriptionEn: true, color: true } as const;

export const createTaxonomy = mutation("taxonomy:manage", {
  schema: createTaxonomySchema,
  run: async ({ tx, data: { kind, color, ...values } }) => {
    await lockTaxonomy(tx, kind);
    const conflicts = await findConflicts(tx, kind, values);
    if (Object.keys(conflicts).length) return fail("form.invalid", conflicts);
    const created = await taxonomyRows(tx, kind).create({
      data: { ...values, ...(color ? { color } : {}), sortOrder: await nextSortOrder(tx, kind) },
      select: editableSelect,
    });
    return ok({ kind, ...created });
  },
  audit: ({ result: { kind, id, ...values } }) => taxonomyEvent(kind, "create", id, values),
  present: ({ id, slug }): Saved => ({ id, slug }),
  recover: (error, { data }) => recoverConflict(data.kind, data)(error),
});

export const updateTaxonomy = mutation("taxonomy:manage", {
  schema: updateTaxonomySchema,
  run: async ({ tx, data: { kind, id, color, ...values }, record }): Promise<ActionResult<Saved>> => {
    const before = await taxonomyRows(tx, kind).findUnique({ where: { id }, select: editableSelect });
    if (!before) return fail("taxonomy.notFound");
    const conflicts = await findConflicts(tx, kind, values, id);
    if (Object.keys(conflicts).length) return fail("form.invalid", conflicts);
    const after = { ...values, color: color ?? before.color };
    await taxonomyRows(tx, kind).update({ where: { id }, data: after });
    const { id: _id, ...previous } = before;
    record(taxonomyEvent(kind, "update", id, { before: previous, after }));
    return ok({ id, slug: after.slug });
  },
  recover: (error, { data: { kind, id, ...values } }) => recoverConflict(kind, values, id)(error),
});

/**
 * Moves an active opgave (or theme) one place up or down among the active
 * ones and numbers the list 1, 2, 3… again, so equal sort orders from before
 * cannot make a move do nothing. At the top (or bottom) nothing changes.
 */
export const moveTaxonomy = mutation("taxonomy:manage", {
  schema: moveTaxonomySchema,
  run: async ({ tx, data: { kind, id, direction }, record }) => {
    await lockTaxonomy(tx, kind);
    const rows = taxonomyRows(tx, kind);
    const item = await rows.findUnique({ where: { id }, select: { archivedAt: true } });
    if (!item) return fail("taxonomy.notFound");
    if (item.archivedAt) return fail("taxonomy.archivedCannotMove");
    const order = await rows.findMany({
      where: { archivedAt: null },
      orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
      select: { id: true, sortOrder: true },
    });
    const from = order.findIndex((row) => row.id === id);
    const to = direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= order.length) return ok({ moved: false, position: from + 1 });
    const [moving] = order.splice(from, 1);
    order.splice(to, 0, moving!);
    for (const [index, row] of order.entries()) {
      if (row.sortOrder !== index + 1) await rows.update({ where: { id: row.id }, data: { sortOrder: index + 1 } });
    }
    record(taxonomyEvent(kind, "reorder", id, { direction, from: from + 1, to: to + 1 }));
    return ok({ moved: true, position: to + 1 });
  },
});

/** Archived: stays on the updates that have it, but the editor no longer offers it. Archiving twice changes nothing. */
export const archiveTaxonomy = mutation("taxonomy:manage", {
  schema: archiveTaxonomySchema,
  run: async ({ tx, data: { kind, id }, record }) => {
    await lockTaxonomy(tx, kind);
    const rows = taxonomyRows(tx, kind);
    const { count } = await rows.updateMany({ where: { id, archivedAt: null }, data: { archivedAt: new Date() } });
    if (count === 0) return (await rows.findUnique({ where: { id }, select: { id: true } })) ? ok(null) : fail("taxonomy.notFound");
    record(taxonomyEvent(kind, "archive", id));
    return ok(null);
  },
});

/** Back in the editor's choices, at the end of the list. */
export const unarchiveTaxonomy = mutation("taxonomy:manage", {
  schema: archiveTaxonomySchema,
  run: async ({ tx, data: { kind, id }, record }) => {
    await lockTaxonomy(tx, kind);
    const rows = taxonomyRows(tx, kind);
    const { count } = await rows.updateMany({
      where: { id, archivedAt: { not: null } },
      data: { archivedAt: null, sortOrder: await nextSortOrder(tx, kind) },
    });
    if (count === 0) return (await rows.findUnique({ where: { id }, select: { id: true } })) ? ok(null) : fail("taxonomy.notFound");
    record(taxonomyEvent(kind, "unarchive", id));
    return ok(null);
  },
});

/** How many updates (of any status) carry it and how many people follow it, for the merge's audit event. */
async function countLinks(tx: Tx, kind: TaxonomyKind, { id, name, slug }: { id: string; name: string; slug: string }) {
  const tagged = kind === "opgave" ? { opgaven: { some: { opgaveId: id } } } : { themes: { some: { themeId: id } } };
  const updates = await tx.update.count({ where: tagged });
  const follows = await tx.follow.count({ where: { targetType: FOLLOW_TARGET[kind], targetId: id } });
  return { id, name, slug, updates, follows };
}

/**
 * Merges one opgave (or theme) into another, in one transaction: every update
 * that carried the source carries the target (once), its followers follow the
 * target (once), and the source is deleted. Deleted rather than archived, so
 * no empty look-alike stays in the lists and its name is free again; old
 * links to it still arrive, through the merge's audit event
 * (findMovedTaxonomySlug). Revisions keep the names as they were.
 */
export const mergeTaxonomy = mutation("taxonomy:manage", {
  schema: mergeTaxonomySchema,
  run: async ({ tx, data: { kind, sourceId, targetId }, record }): Promise<ActionResult<Saved>> => {
    await lockTaxonomy(tx, kind);
    const rows = taxonomyRows(tx, kind);
    const select = { id: true, name: true, slug: true, archivedAt: true } as const;
    const source = await rows.findUnique({ where: { id: sourceId }, select });
    if (!source) return fail("taxonomy.notFound");
    if (targetId === sourceId) return fail("taxonomy.mergeSelf", { targetId: ["taxonomy.mergeSelf"] });
    const target = await rows.findUnique({ where: { id: targetId }, select });
    if (!target) return fail("taxonomy.mergeTargetNotFound", { targetId: ["taxonomy.mergeTargetNotFound"] });
    if (target.archivedAt) return fail("taxonomy.mergeTargetArchived", { targetId: ["taxonomy.mergeTargetArchived"] });
    // An update being tagged with the source right now waits for this and then finds it gone, instead of losing the tag.
    await tx.$executeRaw`SELECT 1 FROM ${TAXONOMY_TABLES[kind]} WHERE id = ${source.id} FOR UPDATE`;
    const before = { source: await countLinks(tx, kind, source), target: await countLinks(tx, kind, target) };

    const { table, tagColumn } = UPDATE_LINKS[kind];
    const movedUpdates = await tx.$executeRaw`
      INSERT INTO ${table} ("updateId", ${tagColumn})
      SELECT "updateId", ${target.id} FROM ${table} WHERE ${tagColumn} = ${source.id} ON CONFLICT DO NOTHING`;
    const targetType = FOLLOW_TARGET[kind];
    const { count: movedFollows } = await tx.follow.updateMany({
      where: { targetType, targetId: source.id, user: { follows: { none: { targetType, targetId: target.id } } } },
      data: { targetId: target.id },
    });
    // What is left are the follows of people who followed both: they keep the one of the target.
    await tx.follow.deleteMany({ where: { targetType, targetId: source.id } });
    // The inspiration book's chapters are themes: its examples move to the target's chapter.
    if (kind === "theme") await tx.inspirationEntry.updateMany({ where: { themeId: source.id }, data: { themeId: target.id } });
    await rows.delete({ where: { id: source.id } });

    const after = { target: await countLinks(tx, kind, target) };
    record(taxonomyEvent(kind, "merge", target.id, { before, after, moved: { updates: movedUpdates, follows: movedFollows } }));
    return ok({ id: target.id, slug: target.slug });
  },
});
