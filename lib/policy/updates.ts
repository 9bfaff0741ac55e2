import { Prisma } from "@/lib/generated/prisma/client";
import { can, type Actor } from "./permissions";

/**
 * Which updates a person may see or change, written once. Every read path
 * (table, search, pages, counts, feeds, CSV, notifications, digests) takes its
 * condition from here; tests/policy-read-paths.test.ts holds them to it.
 */

/** Updates that everyone who may read the portal sees in lists and counts: published and not hidden by moderation. */
export const listedUpdateWhere = { status: "PUBLISHED", hiddenAt: null } as const satisfies Prisma.UpdateWhereInput;

/** `listedUpdateWhere` for raw SQL over the "Update" table under `alias`. */
export function listedUpdateSql(alias: string): Prisma.Sql {
  const table = Prisma.raw(`"${alias.replace(/"/g, "")}"`);
  return Prisma.sql`(${table}.status = 'PUBLISHED' AND ${table}."hiddenAt" IS NULL)`;
}

/** Is this update listed? For code that already holds the row. */
export function isListedUpdate(update: { status: string; hiddenAt: Date | null }): boolean {
  return update.status === listedUpdateWhere.status && update.hiddenAt === null;
}

/**
 * The updates an actor may read: all listed ones, their own in any state and,
 * for staff, hidden and withdrawn ones (shown with a banner saying so).
 */
export function visibleUpdatesWhere(actor: Pick<Actor, "id" | "role">): Prisma.UpdateWhereInput {
  return {
    OR: [
      listedUpdateWhere,
      { authorId: actor.id },
      ...(can(actor, "update:read-hidden") ? [{ status: "PUBLISHED" as const }] : []),
      ...(can(actor, "update:read-withdrawn") ? [{ status: "WITHDRAWN" as const }] : []),
    ],
  };
}

/**
 * The updates an actor may edit: project leaders their own on their own
 * municipality's experiments (while they still hold the role), staff any
 * published one. Drafts stay their author's alone.
 */
export function editableUpdatesWhere(actor: Actor): Prisma.UpdateWhereInput {
  const own: Prisma.UpdateWhereInput = can(actor, "update:publish")
    ? { authorId: actor.id, experiment: { municipalityId: actor.municipalityId ?? "" } }
    : { id: "" };
  return can(actor, "update:edit-any") ? { OR: [own, { status: "PUBLISHED" }] } : own;
}

/** The updates an actor's editor may autosave to: their own drafts (a published update changes only when saved on purpose). */
export function autosavableUpdatesWhere(actor: Actor): Prisma.UpdateWhereInput {
  return { AND: [editableUpdatesWhere(actor), { status: "DRAFT" }] };
}

/**
 * The updates an actor may withdraw as their author: their own published ones
 * (also while hidden). Staff withdraw others' updates through moderation, with a reason.
 */
export function withdrawableUpdatesWhere(actor: Pick<Actor, "id" | "role">): Prisma.UpdateWhereInput {
  return can(actor, "update:withdraw-own") ? { authorId: actor.id, status: "PUBLISHED" } : { id: "" };
}
