import "server-only";
import { fail, invalid, ok, type ActionResult } from "@/lib/action-result";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { onUpdatePublished } from "@/lib/notifications/events";
import { can, type Actor } from "@/lib/permissions";
import { updateIdSchema, updateInputSchema, type UpdateInput } from "./schema";

type Tx = Prisma.TransactionClient;

/**
 * The updates an actor may edit: project leaders their own (while they still
 * hold the role), coordinators and admins any published one. Drafts stay
 * their author's alone.
 */
export function editableUpdatesWhere(actor: Actor): Prisma.UpdateWhereInput {
  const own: Prisma.UpdateWhereInput = can(actor, "update:publish")
    ? { authorId: actor.id, experiment: { municipalityId: actor.municipalityId ?? "" } }
    : { id: "" };
  return can(actor, "moderation:access") ? { OR: [own, { status: "PUBLISHED" }] } : own;
}

/** The updates an actor may read: all published ones, their own drafts and, for staff, withdrawn ones. */
export function visibleUpdatesWhere(actor: Actor): Prisma.UpdateWhereInput {
  return {
    OR: [
      { status: "PUBLISHED" },
      { authorId: actor.id },
      ...(can(actor, "moderation:access") ? [{ status: "WITHDRAWN" as const }] : []),
    ],
  };
}

/** Checks the chosen opgaven and themes exist and are not archived. */
async function checkTaxonomies(tx: Tx, input: UpdateInput) {
  // One after the other: a transaction has one connection.
  const opgaven = await tx.opgave.findMany({ where: { id: { in: input.opgaveIds }, archivedAt: null }, select: { id: true, name: true } });
  const themes = await tx.theme.findMany({ where: { id: { in: input.themeIds }, archivedAt: null }, select: { id: true, name: true } });
  const fieldErrors: Record<string, string[]> = {};
  if (opgaven.length !== new Set(input.opgaveIds).size) fieldErrors.opgaveIds = ["update.opgaveUnknown"];
  if (themes.length !== new Set(input.themeIds).size) fieldErrors.themeIds = ["update.themeUnknown"];
  return { opgaven, themes, fieldErrors: Object.keys(fieldErrors).length ? fieldErrors : null };
}

/** Ids of uploaded images the body shows (`/beelden/<id>`). */
export function imageIdsIn(body: string): string[] {
  return [...new Set([...body.matchAll(/\/beelden\/([a-z0-9]{10,40})\b/g)].map((match) => match[1]!))];
}

/** Ties the actor's own uploads that the body shows to the update (they were uploaded before it existed). */
async function linkUploads(tx: Tx, updateId: string, actorId: string, body: string) {
  const ids = imageIdsIn(body);
  if (ids.length === 0) return;
  await tx.upload.updateMany({ where: { id: { in: ids }, uploaderId: actorId, updateId: null }, data: { updateId } });
}

function recordRevision(tx: Tx, updateId: string, editorId: string, input: UpdateInput, names: { opgaven: { name: string }[]; themes: { name: string }[] }) {
  return tx.updateRevision.create({
    data: {
      updateId,
      editorId,
      title: input.title,
      body: input.body,
      phase: input.phase,
      milestone: input.milestone,
      opgaven: names.opgaven.map((opgave) => opgave.name).sort(),
      themes: names.themes.map((theme) => theme.name).sort(),
    },
  });
}

/**
 * Writes a new update, or saves an edit of an existing one. A published
 * update keeps a revision of every saved version. The experiment must belong
 * to the author's municipality: that condition sits in the `where` clause, so
 * an update for another municipality's experiment finds nothing to write to.
 */
export async function saveUpdate({
  actor,
  input,
  updateId,
}: {
  actor: Actor | null;
  input: unknown;
  updateId?: string;
}): Promise<ActionResult<{ id: string; status: "DRAFT" | "PUBLISHED" | "WITHDRAWN" }>> {
  if (!actor || !(can(actor, "update:publish") || (updateId && can(actor, "moderation:access")))) {
    return fail("permission.denied");
  }
  const parsed = updateInputSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const data = parsed.data;

  return db.$transaction(async (tx) => {
    const taxonomies = await checkTaxonomies(tx, data);
    if (taxonomies.fieldErrors) return fail("form.invalid", taxonomies.fieldErrors);
    const content = {
      title: data.title,
      body: data.body,
      phase: data.phase,
      milestone: data.milestone,
      opgaven: { set: data.opgaveIds.map((id) => ({ id })) },
      themes: { set: data.themeIds.map((id) => ({ id })) },
    };

    if (!updateId) {
      const experiment = await tx.experiment.findFirst({
        where: { id: data.experimentId, municipalityId: actor.municipalityId ?? "" },
        select: { id: true },
      });
      if (!experiment) return fail("update.experimentNotAllowed", { experimentId: ["update.experimentNotAllowed"] });
      const publish = data.intent === "publish";
      const created = await tx.update.create({
        data: {
          ...content,
          opgaven: { connect: data.opgaveIds.map((id) => ({ id })) },
          themes: { connect: data.themeIds.map((id) => ({ id })) },
          experimentId: experiment.id,
          authorId: actor.id,
          status: publish ? "PUBLISHED" : "DRAFT",
          publishedAt: publish ? new Date() : null,
        },
        select: { id: true, status: true },
      });
      await linkUploads(tx, created.id, actor.id, data.body);
      if (publish) {
        await recordRevision(tx, created.id, actor.id, data, taxonomies);
        await onUpdatePublished(tx, { updateId: created.id, authorId: actor.id });
      }
      return ok(created);
    }

    const existing = await tx.update.findFirst({
      where: { AND: [{ id: updateId }, editableUpdatesWhere(actor)] },
      select: { id: true, status: true, experimentId: true, publishedAt: true },
    });
    if (!existing) return fail("update.notFound");
    const publish = data.intent === "publish" && existing.status !== "PUBLISHED";
    const updated = await tx.update.update({
      where: { id: existing.id },
      data: {
        ...content,
        ...(publish ? { status: "PUBLISHED" as const, publishedAt: existing.publishedAt ?? new Date(), withdrawnAt: null } : {}),
      },
      select: { id: true, status: true },
    });
    await linkUploads(tx, updated.id, actor.id, data.body);
    if (updated.status === "PUBLISHED") await recordRevision(tx, updated.id, actor.id, data, taxonomies);
    if (publish) {
      const { authorId } = await tx.update.findUniqueOrThrow({ where: { id: updated.id }, select: { authorId: true } });
      await onUpdatePublished(tx, { updateId: updated.id, authorId });
    }
    return ok(updated);
  });
}

/** Authors take their own published update back; it returns to them alone. */
export async function withdrawUpdate({ actor, input }: { actor: Actor | null; input: unknown }): Promise<ActionResult> {
  if (!actor) return fail("permission.denied");
  const parsed = updateIdSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { count } = await db.update.updateMany({
    where: { id: parsed.data.updateId, authorId: actor.id, status: "PUBLISHED" },
    data: { status: "WITHDRAWN", withdrawnAt: new Date() },
  });
  return count === 0 ? fail("update.notFound") : ok(null);
}
