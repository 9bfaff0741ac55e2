import { newId, sql } from "./authorization-database";

/**
 * The authorization world's inspiration-book rows: for every caller the
 * entries its calls meet untouched (one to publish, one to take out, one to
 * edit, one to remove, a listed update to propose) and, on an update of the
 * caller's own, requests to accept and decline and a consent to withdraw;
 * plus a request on someone else's update, which nobody but its author answers.
 */

export type InspirationRows = {
  propose: string;
  publish: string;
  unpublish: string;
  edit: string;
  remove: string;
  accept: string;
  decline: string;
  withdraw: string;
  others: string;
};

type Consent = "REQUESTED" | "ACCEPTED";

export async function seedInspirationRows<K extends string>(input: {
  tag: string;
  callers: readonly K[];
  /** Whose own updates each caller answers for (for ANONYMOUS: the bystander). */
  ownerOf: (caller: K) => string;
  /** The world's author: everyone else's updates. */
  authorId: string;
  experimentId: string;
  themeId: string;
  requesterId: string;
}): Promise<Record<K, InspirationRows>> {
  const addUpdate = async (authorId: string) => {
    const id = newId();
    await sql(
      `INSERT INTO "Update" (id, "experimentId", "authorId", title, body, phase, status, "publishedAt", "updatedAt")
       VALUES ($1, $2, $3, $4, 'Een praktijkvoorbeeld voor de autorisatietest.', 'UITVOERING', 'PUBLISHED', now(), now())`,
      [id, input.experimentId, authorId, `Inspiratie-update ${input.tag} ${id.slice(-6)}`],
    );
    return id;
  };
  const addEntry = async (authorId: string, consent: Consent, published = false) => {
    const id = newId();
    await sql(
      `INSERT INTO "InspirationEntry" (id, "updateId", "themeId", introduction, "requestedById", consent, "respondedAt", "publishedAt", "updatedAt")
       VALUES ($1, $2, $3, 'Voor de autorisatietest.', $4, $5::"InspirationConsent", $6, $7, now())`,
      [
        id,
        await addUpdate(authorId),
        input.themeId,
        input.requesterId,
        consent,
        consent === "REQUESTED" ? null : new Date(),
        published ? new Date() : null,
      ],
    );
    return id;
  };
  const rows = {} as Record<K, InspirationRows>;
  for (const caller of input.callers) {
    const owner = input.ownerOf(caller);
    rows[caller] = {
      propose: await addUpdate(input.authorId),
      publish: await addEntry(input.authorId, "ACCEPTED"),
      unpublish: await addEntry(input.authorId, "ACCEPTED", true),
      edit: await addEntry(input.authorId, "REQUESTED"),
      remove: await addEntry(input.authorId, "REQUESTED"),
      accept: await addEntry(owner, "REQUESTED"),
      decline: await addEntry(owner, "REQUESTED"),
      withdraw: await addEntry(owner, "ACCEPTED", true),
      others: await addEntry(input.authorId, "REQUESTED"),
    };
  }
  return rows;
}
