import type { Prisma } from "@/lib/generated/prisma/client";
import { can, type Actor } from "./permissions";
import { isListedUpdate, listedUpdateWhere } from "./updates";

/**
 * Which inspiration-book entries the public sees, and who answers an entry's
 * consent request, written once. The book is the one part of the portal that
 * visitors read, so its condition is checked at read time: a withdrawn or
 * hidden update, or consent taken back, leaves the book with the next request.
 */

/** Entries in the public book: the author accepted, a coordinator published it, and the update is still listed. */
export const publicInspirationWhere = {
  consent: "ACCEPTED",
  publishedAt: { not: null },
  update: listedUpdateWhere,
} as const satisfies Prisma.InspirationEntryWhereInput;

/** Is this entry in the public book? For code that already holds the row and its update. */
export function isPublicInspirationEntry(entry: {
  consent: string;
  publishedAt: Date | null;
  update: { status: string; hiddenAt: Date | null };
}): boolean {
  return entry.consent === publicInspirationWhere.consent && entry.publishedAt !== null && isListedUpdate(entry.update);
}

/** The updates a coordinator may propose as a praktijkvoorbeeld: listed ones only. */
export const proposableUpdateWhere = listedUpdateWhere;

/** The entries whose consent the actor answers: those on updates they wrote. Nobody consents for someone else. */
export function consentableEntriesWhere(actor: Pick<Actor, "id" | "role">): Prisma.InspirationEntryWhereInput {
  return can(actor, "inspiration:consent") ? { update: { authorId: actor.id } } : { id: "" };
}
