import "server-only";
import type { AuditEvent, AuditEventType } from "@/lib/audit/events";
import { Prisma } from "@/lib/generated/prisma/client";
import type { FollowTarget } from "@/lib/generated/prisma/enums";
import type { Tx } from "@/lib/mutation";
import type { TaxonomyKind } from "./schema";

// What differs between the two lists is only where they live: the table, the
// join table with updates, the follow target and the audit event names.

type Client = Pick<Tx, "opgave" | "theme">;

/**
 * The rows of one list. Opgave and Theme have the same columns, so the opgave
 * delegate's type describes both and every write is written once.
 */
export function taxonomyRows(client: Client, kind: TaxonomyKind): Tx["opgave"] {
  return kind === "opgave" ? client.opgave : (client.theme as unknown as Tx["opgave"]);
}

export const TAXONOMY_TABLES: Record<TaxonomyKind, Prisma.Sql> = { opgave: Prisma.raw(`"Opgave"`), theme: Prisma.raw(`"Theme"`) };

/** The join tables with updates ("updateId" and the tag's column). */
export const UPDATE_LINKS: Record<TaxonomyKind, { table: Prisma.Sql; tagColumn: Prisma.Sql }> = {
  opgave: { table: Prisma.raw(`"UpdateOpgave"`), tagColumn: Prisma.raw(`"opgaveId"`) },
  theme: { table: Prisma.raw(`"UpdateTheme"`), tagColumn: Prisma.raw(`"themeId"`) },
};

export const FOLLOW_TARGET = { opgave: "OPGAVE", theme: "THEME" } as const satisfies Record<TaxonomyKind, FollowTarget>;

/**
 * Serialises the writes that renumber or empty one list (reorder, add,
 * unarchive, merge) until the transaction ends, so two coordinators at work
 * at once cannot interleave their numbering.
 */
export async function lockTaxonomy(tx: Tx, kind: TaxonomyKind): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`koppelkans:taxonomy:${kind}`}, 0))`;
}

type Action = "create" | "update" | "reorder" | "archive" | "unarchive" | "merge";
type EventData<T extends AuditEventType> = Extract<AuditEvent, { type: T }>["data"];

/** The audit event `opgave.<action>` or `theme.<action>`; both kinds of an action carry the same data. */
export function taxonomyEvent<A extends Action>(
  kind: TaxonomyKind,
  action: A,
  targetId: string,
  data?: EventData<`opgave.${A}`>,
): AuditEvent {
  return { type: `${kind}.${action}`, targetId, data } as AuditEvent;
}
