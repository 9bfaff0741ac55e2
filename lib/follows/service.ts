import "server-only";
import { fail, ok } from "@/lib/action-result";
import { mutation, type Tx } from "@/lib/mutation";
import type { Actor } from "@/lib/policy/permissions";
import { visibleUpdatesWhere } from "@/lib/policy/updates";
import { followInputSchema, type FollowInput } from "./schema";

// Following is for every signed-in reader. Both writes are idempotent:
// following twice or unfollowing something not followed is fine, so a double
// click changes nothing.

/** Whether the target exists and the actor may read it (a draft or withdrawn update only as the policy allows). */
async function targetExists(tx: Tx, actor: Actor, { targetType, targetId }: FollowInput): Promise<boolean> {
  const where = { where: { id: targetId }, select: { id: true } } as const;
  switch (targetType) {
    case "EXPERIMENT":
      return Boolean(await tx.experiment.findUnique(where));
    case "MUNICIPALITY":
      return Boolean(await tx.municipality.findUnique(where));
    case "OPGAVE":
      return Boolean(await tx.opgave.findUnique(where));
    case "THEME":
      return Boolean(await tx.theme.findUnique(where));
    case "UPDATE":
      return Boolean(await tx.update.findFirst({ where: { AND: [{ id: targetId }, visibleUpdatesWhere(actor)] }, select: { id: true } }));
  }
}

export const follow = mutation("follow:manage", {
  schema: followInputSchema,
  run: async ({ tx, actor, data }) => {
    if (!(await targetExists(tx, actor, data))) return fail("follow.notFound");
    // Skips an existing follow, also one written by a simultaneous click.
    await tx.follow.createMany({
      data: [{ userId: actor.id, targetType: data.targetType, targetId: data.targetId }],
      skipDuplicates: true,
    });
    return ok({ following: true as const });
  },
});

export const unfollow = mutation("follow:manage", {
  schema: followInputSchema,
  run: async ({ tx, actor, data }) => {
    // Only the actor's own follow: the owner is in the where clause.
    await tx.follow.deleteMany({ where: { userId: actor.id, targetType: data.targetType, targetId: data.targetId } });
    return ok({ following: false as const });
  },
});
