import { Prisma } from "@/lib/generated/prisma/client";
import { can, type Actor } from "./permissions";

/**
 * Which updates a person may see or change, written once. Every read path
 * (table, search, pages, counts, feeds, CSV, notifications, digests) takes its
 * condition from here; tests/policy-read-paths.test.ts holds them to it.
 */

/** Updates that everyone who may read the portal sees in lists and counts. */
export const listedUpdateWhere = { status: "PUBLISHED" } as const satisfies Prisma.UpdateWhereInput;

/** `listedUpdateWhere` for raw SQL over the "Update" table under `alias`. */
export function listedUpdateSql(alias: string): Prisma.Sql {
  return Prisma.sql`${Prisma.raw(`"${alias.replace(/"/g, "")}"`)}.status = 'PUBLISHED'`;
}

/** Is this update listed (published)? For code that already holds the row. */
export function isListedUpdate(update: { status: string }): boolean {
  return update.status === listedUpdateWhere.status;
}

/** The updates an actor may read: all listed ones, their own in any state and, for staff, withdrawn ones. */
export function visibleUpdatesWhere(actor: Pick<Actor, "id" | "role">): Prisma.UpdateWhereInput {
  return {
    OR: [
      listedUpdateWhere,
      { authorId: actor.id },
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
  return can(actor, "update:edit-any") ? { OR: [own, listedUpdateWhere] } : own;
}

/** The updates an actor may withdraw: their own published ones. */
export function withdrawableUpdatesWhere(actor: Pick<Actor, "id" | "role">): Prisma.UpdateWhereInput {
  return can(actor, "update:withdraw-own") ? { authorId: actor.id, ...listedUpdateWhere } : { id: "" };
}
