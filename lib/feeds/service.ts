import "server-only";
import { fail, ok, type ActionResult } from "@/lib/action-result";
import { createToken, hashToken } from "@/lib/accounts/tokens";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/permissions";

// A personal feed token lets a feed reader (which has no session) read the
// Atom feed of published updates. Only its SHA-256 is stored, and one account
// has at most one: a new token replaces the old, which stops working at once.

/** The shape of a token from createToken (32 random bytes, base64url); anything else is not looked up. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32,128}$/;

/** Makes a new feed token for the actor, replacing any earlier one. The token is returned only here. */
export async function createFeedToken({ actor }: { actor: Actor | null }): Promise<ActionResult<{ token: string }>> {
  if (!can(actor, "portal:read")) return fail("permission.denied");
  const { token, tokenHash } = createToken();
  const saved = await db.$transaction(async (tx) => {
    // The account must still be active; the condition sits in the write itself.
    const { count } = await tx.user.updateMany({ where: { id: actor.id, blockedAt: null }, data: { feedTokenHash: tokenHash } });
    if (count === 0) return false;
    await tx.auditLog.create({ data: { actorId: actor.id, action: "feedToken.create", targetType: "User", targetId: actor.id } });
    return true;
  });
  return saved ? ok({ token }) : fail("permission.denied");
}

/** Stops the actor's feed link from working. Without a link there is nothing to do (still ok). */
export async function revokeFeedToken({ actor }: { actor: Actor | null }): Promise<ActionResult> {
  if (!actor) return fail("permission.denied");
  const { count } = await db.user.updateMany({ where: { id: actor.id, feedTokenHash: { not: null } }, data: { feedTokenHash: null } });
  if (count > 0) {
    await db.auditLog.create({ data: { actorId: actor.id, action: "feedToken.revoke", targetType: "User", targetId: actor.id } });
  }
  return ok(null);
}

/** Whether the user has a working feed link (the link itself cannot be shown again). */
export async function hasFeedToken(userId: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { feedTokenHash: true } });
  return Boolean(user?.feedTokenHash);
}

/** The active (not blocked) user a feed token belongs to, or null. */
export async function userForFeedToken(token: string) {
  if (!TOKEN_PATTERN.test(token)) return null;
  const user = await db.user.findFirst({
    where: { feedTokenHash: hashToken(token), blockedAt: null },
    select: { id: true, name: true, role: true, municipalityId: true, locale: true },
  });
  return user && can(user, "portal:read") ? user : null;
}
