import "server-only";
import { fail, invalid, ok, type ActionResult } from "@/lib/action-result";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/permissions";
import { followInputSchema, type FollowInput } from "./schema";

// Following is for every signed-in reader (the same people who may read the
// portal). Both writes are idempotent: following twice or unfollowing
// something not followed is fine, so a double click changes nothing.

/** Whether the target exists and the actor may read it (a draft or withdrawn update only for its author). */
async function targetExists(actor: Actor, { targetType, targetId }: FollowInput): Promise<boolean> {
  const where = { where: { id: targetId }, select: { id: true } } as const;
  switch (targetType) {
    case "EXPERIMENT":
      return Boolean(await db.experiment.findUnique(where));
    case "MUNICIPALITY":
      return Boolean(await db.municipality.findUnique(where));
    case "OPGAVE":
      return Boolean(await db.opgave.findUnique(where));
    case "THEME":
      return Boolean(await db.theme.findUnique(where));
    case "UPDATE":
      return Boolean(
        await db.update.findFirst({ where: { id: targetId, OR: [{ status: "PUBLISHED" }, { authorId: actor.id }] }, select: { id: true } }),
      );
  }
}

export async function follow({ actor, input }: { actor: Actor | null; input: unknown }): Promise<ActionResult<{ following: true }>> {
  if (!can(actor, "portal:read")) return fail("permission.denied");
  const parsed = followInputSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  if (!(await targetExists(actor, parsed.data))) return fail("follow.notFound");
  const { targetType, targetId } = parsed.data;
  await db.follow.upsert({
    where: { userId_targetType_targetId: { userId: actor.id, targetType, targetId } },
    create: { userId: actor.id, targetType, targetId },
    update: {},
  });
  return ok({ following: true });
}

export async function unfollow({ actor, input }: { actor: Actor | null; input: unknown }): Promise<ActionResult<{ following: false }>> {
  if (!actor) return fail("permission.denied");
  const parsed = followInputSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  // Only the actor's own follow: the owner is in the where clause.
  await db.follow.deleteMany({ where: { userId: actor.id, targetType: parsed.data.targetType, targetId: parsed.data.targetId } });
  return ok({ following: false });
}
