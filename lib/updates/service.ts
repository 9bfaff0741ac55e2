import "server-only";
import { fail, ok, type ActionResult } from "@/lib/action-result";
import { mutation, type Tx } from "@/lib/mutation";
import { onUpdatePublished } from "@/lib/notifications/events";
import { can, type Actor } from "@/lib/policy/permissions";
import { choosableTaxonomyWhere } from "@/lib/policy/taxonomy";
import { autosavableUpdatesWhere, editableUpdatesWhere, withdrawableUpdatesWhere } from "@/lib/policy/updates";
import { updateIdSchema, updateInputSchema, type UpdateInput } from "./schema";

type Saved = { id: string; status: "DRAFT" | "PUBLISHED" | "WITHDRAWN"; updatedAt: Date };

/**
 * Checks the chosen opgaven and themes exist and are not archived — except
 * archived ones the edited update already carries, which it may keep.
 */
async function checkTaxonomies(tx: Tx, input: UpdateInput, updateId?: string) {
  const usable = choosableTaxonomyWhere(updateId);
  // One after the other: a transaction has one connection.
  const opgaven = await tx.opgave.findMany({ where: { id: { in: input.opgaveIds }, ...usable }, select: { id: true, name: true } });
  const themes = await tx.theme.findMany({ where: { id: { in: input.themeIds }, ...usable }, select: { id: true, name: true } });
  const fieldErrors: Record<string, string[]> = {};
  if (opgaven.length !== new Set(input.opgaveIds).size) fieldErrors.opgaveIds = ["update.opgaveUnknown"];
  if (themes.length !== new Set(input.themeIds).size) fieldErrors.themeIds = ["update.themeUnknown"];
  return { opgaven, themes, fieldErrors: Object.keys(fieldErrors).length ? fieldErrors : null };
}

/** The join rows of the checked (so existing and unique) opgaven and themes. */
function tagsCreate(taxonomies: { opgaven: { id: string }[]; themes: { id: string }[] }) {
  return {
    opgaven: { create: taxonomies.opgaven.map((opgave) => ({ opgaveId: opgave.id })) },
    themes: { create: taxonomies.themes.map((theme) => ({ themeId: theme.id })) },
  };
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

function recordRevision(
  tx: Tx,
  updateId: string,
  editorId: string,
  input: UpdateInput,
  names: { opgaven: { name: string }[]; themes: { name: string }[] },
) {
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

function contentOf(data: UpdateInput) {
  return { title: data.title, body: data.body, phase: data.phase, milestone: data.milestone };
}

/**
 * A new update. The experiment must belong to the author's municipality: that
 * condition sits in the `where` clause, so an update for another
 * municipality's experiment finds nothing to write to.
 */
const createUpdate = mutation("update:publish", {
  schema: updateInputSchema,
  invalidates: ["listed-updates"],
  run: async ({ tx, actor, data }): Promise<ActionResult<Saved>> => {
    const taxonomies = await checkTaxonomies(tx, data);
    if (taxonomies.fieldErrors) return fail("form.invalid", taxonomies.fieldErrors);
    const experiment = await tx.experiment.findFirst({
      where: { id: data.experimentId, municipalityId: actor.municipalityId ?? "" },
      select: { id: true },
    });
    if (!experiment) return fail("update.experimentNotAllowed", { experimentId: ["update.experimentNotAllowed"] });
    const publish = data.intent === "publish";
    const created = await tx.update.create({
      data: {
        ...contentOf(data),
        ...tagsCreate(taxonomies),
        experimentId: experiment.id,
        authorId: actor.id,
        status: publish ? "PUBLISHED" : "DRAFT",
        publishedAt: publish ? new Date() : null,
      },
      select: { id: true, status: true, updatedAt: true },
    });
    await linkUploads(tx, created.id, actor.id, data.body);
    if (publish) {
      await recordRevision(tx, created.id, actor.id, data, taxonomies);
      await onUpdatePublished(tx, { updateId: created.id, authorId: actor.id });
    }
    return ok(created);
  },
});

const editSchema = updateInputSchema.and(updateIdSchema);

/**
 * An edit of an existing update, by its author or by staff (then audited). A
 * published update keeps a revision of every saved version.
 */
const editUpdate = mutation((actor) => can(actor, "update:publish") || can(actor, "update:edit-any"), {
  schema: editSchema,
  invalidates: ["listed-updates"],
  run: async ({ tx, actor, data, record }): Promise<ActionResult<Saved>> => {
    const taxonomies = await checkTaxonomies(tx, data, data.updateId);
    if (taxonomies.fieldErrors) return fail("form.invalid", taxonomies.fieldErrors);
    const existing = await tx.update.findFirst({
      where: { AND: [{ id: data.updateId }, editableUpdatesWhere(actor)] },
      select: { id: true, status: true, publishedAt: true, authorId: true, title: true, body: true, phase: true, milestone: true },
    });
    if (!existing) return fail("update.notFound");
    const publish = data.intent === "publish" && existing.status !== "PUBLISHED";
    const tags = tagsCreate(taxonomies);
    const updated = await tx.update.update({
      where: { id: existing.id },
      data: {
        ...contentOf(data),
        // The tags are replaced: all join rows of the update are written again.
        opgaven: { deleteMany: {}, ...tags.opgaven },
        themes: { deleteMany: {}, ...tags.themes },
        ...(publish ? { status: "PUBLISHED" as const, publishedAt: existing.publishedAt ?? new Date(), withdrawnAt: null } : {}),
      },
      select: { id: true, status: true, updatedAt: true },
    });
    await linkUploads(tx, updated.id, actor.id, data.body);
    if (updated.status === "PUBLISHED") await recordRevision(tx, updated.id, actor.id, data, taxonomies);
    if (publish) await onUpdatePublished(tx, { updateId: updated.id, authorId: existing.authorId });
    if (existing.authorId !== actor.id) {
      const { id: _id, status: _status, publishedAt: _publishedAt, authorId: _authorId, ...before } = existing;
      record({ type: "update.edit-any", targetId: existing.id, data: { before, after: contentOf(data) } });
    }
    return ok(updated);
  },
});

/** Writes a new update, or saves an edit of an existing one (`updateId`). */
export async function saveUpdate({
  actor,
  input,
  updateId,
}: {
  actor: Actor | null;
  input: unknown;
  updateId?: string;
}): Promise<ActionResult<Saved>> {
  if (!updateId) return createUpdate({ actor, input });
  const fields = input && typeof input === "object" ? input : {};
  return editUpdate({ actor, input: { ...fields, updateId } });
}

/**
 * The editor's autosave of an existing draft. The `where` takes only the
 * author's own drafts, so it never publishes and never changes a published
 * update half-way through an edit; `updateMany` locks the row first, so a
 * publish racing it waits and wins.
 */
const autosaveDraft = mutation("update:publish", {
  schema: editSchema,
  run: async ({ tx, actor, data }): Promise<ActionResult<Saved>> => {
    const taxonomies = await checkTaxonomies(tx, data, data.updateId);
    if (taxonomies.fieldErrors) return fail("form.invalid", taxonomies.fieldErrors);
    const { count } = await tx.update.updateMany({
      where: { AND: [{ id: data.updateId }, autosavableUpdatesWhere(actor)] },
      data: contentOf(data),
    });
    if (count === 0) return fail("update.notFound");
    const tags = tagsCreate(taxonomies);
    const saved = await tx.update.update({
      where: { id: data.updateId },
      data: { opgaven: { deleteMany: {}, ...tags.opgaven }, themes: { deleteMany: {}, ...tags.themes } },
      select: { id: true, status: true, updatedAt: true },
    });
    await linkUploads(tx, saved.id, actor.id, data.body);
    return ok(saved);
  },
});

/**
 * Saves while the author types, as "Opslaan als concept" would but never
 * publishing: a new update becomes a draft, later calls write that draft.
 */
export async function autosaveUpdate({
  actor,
  input,
  updateId,
}: {
  actor: Actor | null;
  input: unknown;
  updateId?: string;
}): Promise<ActionResult<Saved>> {
  const fields = { ...(input && typeof input === "object" ? input : {}), intent: "save" };
  if (!updateId) return createUpdate({ actor, input: fields });
  return autosaveDraft({ actor, input: { ...fields, updateId } });
}

/** Authors take their own published update back; it returns to them alone. */
export const withdrawUpdate = mutation("update:withdraw-own", {
  schema: updateIdSchema,
  invalidates: ["listed-updates"],
  run: async ({ tx, actor, data }) => {
    const { count } = await tx.update.updateMany({
      where: { AND: [{ id: data.updateId }, withdrawableUpdatesWhere(actor)] },
      data: { status: "WITHDRAWN", withdrawnAt: new Date() },
    });
    return count === 0 ? fail("update.notFound") : ok(null);
  },
});
