import "server-only";
import { fail, ok } from "@/lib/action-result";
import { requestDelivery } from "@/lib/email/queue";
import { Prisma } from "@/lib/generated/prisma/client";
import { mutation, type Tx } from "@/lib/mutation";
import { consentableEntriesWhere, proposableUpdateWhere } from "@/lib/policy/inspiration";
import type { Actor } from "@/lib/policy/permissions";
import { listedUpdateWhere } from "@/lib/policy/updates";
import { queueConsentRequestEmail } from "./email";
import { SORT_ORDER_MAX } from "./limits";
import { editEntrySchema, entrySchema, proposeSchema } from "./schema";

// The public inspiration book: coordinators propose listed updates as
// praktijkvoorbeelden, the author consents (or not), coordinators publish.
// Every step goes through the pipeline with its audit event, targeted at the
// update (one entry per update, so its history reads in one place).

type Changed = { entryId: string; updateId: string };

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/** A chapter is an active theme, or the one the entry already has. */
async function chapterExists(tx: Tx, themeId: string, currentId?: string | null): Promise<boolean> {
  const theme = await tx.theme.findFirst({
    where: { id: themeId, OR: [{ archivedAt: null }, ...(currentId ? [{ id: currentId }] : [])] },
    select: { id: true },
  });
  return theme !== null;
}

const chapterMissing = () => fail("form.invalid", { themeId: ["inspiration.themeRequired"] });

export const proposeInspirationEntry = mutation("inspiration:curate", {
  schema: proposeSchema,
  run: async ({ tx, actor, data }) => {
    const update = await tx.update.findFirst({
      where: { id: data.updateId, ...proposableUpdateWhere },
      select: { id: true, inspiration: { select: { id: true } }, author: { select: { anonymisedAt: true } } },
    });
    if (!update) return fail("inspiration.updateNotListed");
    if (update.inspiration) return fail("inspiration.alreadyProposed");
    // Nobody is left to consent for a deleted account.
    if (update.author.anonymisedAt) return fail("inspiration.authorGone");
    if (!(await chapterExists(tx, data.themeId))) return chapterMissing();
    const last = await tx.inspirationEntry.aggregate({ _max: { sortOrder: true } });
    const entry = await tx.inspirationEntry.create({
      data: {
        updateId: update.id,
        themeId: data.themeId,
        introduction: data.introduction,
        requestedById: actor.id,
        sortOrder: Math.min(SORT_ORDER_MAX, (last._max.sortOrder ?? -1) + 1),
      },
      select: { id: true },
    });
    await queueConsentRequestEmail(tx, update.id);
    return ok<Changed>({ entryId: entry.id, updateId: update.id });
  },
  audit: ({ data, result }) => ({
    type: "inspiration.propose",
    targetId: result.updateId,
    data: { entryId: result.entryId, themeId: data.themeId, introduction: data.introduction },
  }),
  after: async () => requestDelivery(),
  // Two coordinators proposing the same update at once: the unique index lets one through.
  recover: async (error) => (isUniqueViolation(error) ? fail("inspiration.alreadyProposed") : null),
});

const entryFields = {
  id: true,
  updateId: true,
  themeId: true,
  introduction: true,
  sortOrder: true,
  consent: true,
  publishedAt: true,
} as const;

export const editInspirationEntry = mutation("inspiration:curate", {
  schema: editEntrySchema,
  run: async ({ tx, data, record }) => {
    const entry = await tx.inspirationEntry.findUnique({ where: { id: data.entryId }, select: entryFields });
    if (!entry) return fail("inspiration.notFound");
    if (!(await chapterExists(tx, data.themeId, entry.themeId))) return chapterMissing();
    const after = { themeId: data.themeId, introduction: data.introduction, sortOrder: data.sortOrder };
    await tx.inspirationEntry.update({ where: { id: entry.id }, data: after });
    const before = { themeId: entry.themeId, introduction: entry.introduction, sortOrder: entry.sortOrder };
    record({ type: "inspiration.edit", targetId: entry.updateId, data: { before, after } });
    return ok<Changed>({ entryId: entry.id, updateId: entry.updateId });
  },
});

export const publishInspirationEntry = mutation("inspiration:curate", {
  schema: entrySchema,
  run: async ({ tx, data }) => {
    const entry = await tx.inspirationEntry.findUnique({ where: { id: data.entryId }, select: entryFields });
    if (!entry) return fail("inspiration.notFound");
    if (entry.publishedAt) return fail("inspiration.alreadyPublished");
    // The same conditions as the public book, in the write itself: an answer or a withdrawal in between wins.
    const { count } = await tx.inspirationEntry.updateMany({
      where: { id: entry.id, consent: "ACCEPTED", publishedAt: null, update: listedUpdateWhere },
      data: { publishedAt: new Date() },
    });
    if (count === 0) return fail(entry.consent === "ACCEPTED" ? "inspiration.updateNotListed" : "inspiration.notAccepted");
    return ok<Changed>({ entryId: entry.id, updateId: entry.updateId });
  },
  audit: ({ result }) => ({ type: "inspiration.publish", targetId: result.updateId, data: { entryId: result.entryId } }),
});

export const unpublishInspirationEntry = mutation("inspiration:curate", {
  schema: entrySchema,
  run: async ({ tx, data }) => {
    const entry = await tx.inspirationEntry.findUnique({ where: { id: data.entryId }, select: entryFields });
    if (!entry) return fail("inspiration.notFound");
    const { count } = await tx.inspirationEntry.updateMany({
      where: { id: entry.id, publishedAt: { not: null } },
      data: { publishedAt: null },
    });
    if (count === 0) return fail("inspiration.notPublished");
    return ok<Changed>({ entryId: entry.id, updateId: entry.updateId });
  },
  audit: ({ result }) => ({ type: "inspiration.unpublish", targetId: result.updateId, data: { entryId: result.entryId } }),
});

export const removeInspirationEntry = mutation("inspiration:curate", {
  schema: entrySchema,
  run: async ({ tx, data, record }) => {
    const entry = await tx.inspirationEntry.findUnique({ where: { id: data.entryId }, select: entryFields });
    if (!entry) return fail("inspiration.notFound");
    await tx.inspirationEntry.delete({ where: { id: entry.id } });
    record({
      type: "inspiration.remove",
      targetId: entry.updateId,
      data: { entryId: entry.id, consent: entry.consent, published: entry.publishedAt !== null },
    });
    return ok<Changed>({ entryId: entry.id, updateId: entry.updateId });
  },
});

/** The author's own entry, or null: nobody else answers for them (also not staff). */
function findOwnEntry(tx: Tx, actor: Actor, entryId: string) {
  return tx.inspirationEntry.findFirst({ where: { id: entryId, ...consentableEntriesWhere(actor) }, select: entryFields });
}

/** Consent given, also after declining first (changing one's mind is the author's right). */
export const acceptInspiration = mutation("inspiration:consent", {
  schema: entrySchema,
  run: async ({ tx, actor, data }) => {
    const entry = await findOwnEntry(tx, actor, data.entryId);
    if (!entry) return fail("inspiration.notFound");
    if (entry.consent === "ACCEPTED") return fail("inspiration.alreadyAccepted");
    await tx.inspirationEntry.update({ where: { id: entry.id }, data: { consent: "ACCEPTED", respondedAt: new Date() } });
    return ok<Changed>({ entryId: entry.id, updateId: entry.updateId });
  },
  audit: ({ result }) => ({ type: "inspiration.accept", targetId: result.updateId, data: { entryId: result.entryId } }),
});

export const declineInspiration = mutation("inspiration:consent", {
  schema: entrySchema,
  run: async ({ tx, actor, data }) => {
    const entry = await findOwnEntry(tx, actor, data.entryId);
    if (!entry) return fail("inspiration.notFound");
    if (entry.consent !== "REQUESTED") return fail("inspiration.notRequested");
    await tx.inspirationEntry.update({ where: { id: entry.id }, data: { consent: "DECLINED", respondedAt: new Date() } });
    return ok<Changed>({ entryId: entry.id, updateId: entry.updateId });
  },
  audit: ({ result }) => ({ type: "inspiration.decline", targetId: result.updateId, data: { entryId: result.entryId } }),
});

/** Consent taken back: the entry leaves the book at once, and a coordinator must publish it anew after a new yes. */
export const withdrawInspirationConsent = mutation("inspiration:consent", {
  schema: entrySchema,
  run: async ({ tx, actor, data, record }) => {
    const entry = await findOwnEntry(tx, actor, data.entryId);
    if (!entry) return fail("inspiration.notFound");
    if (entry.consent !== "ACCEPTED") return fail("inspiration.nothingToWithdraw");
    await tx.inspirationEntry.update({
      where: { id: entry.id },
      data: { consent: "DECLINED", respondedAt: new Date(), publishedAt: null },
    });
    record({
      type: "inspiration.withdraw-consent",
      targetId: entry.updateId,
      data: { entryId: entry.id, wasPublished: entry.publishedAt !== null },
    });
    return ok<Changed>({ entryId: entry.id, updateId: entry.updateId });
  },
});
