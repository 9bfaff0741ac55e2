import "server-only";
import { z } from "zod";
import { createToken, hashToken } from "@/lib/accounts/tokens";
import { fail, ok } from "@/lib/action-result";
import { db } from "@/lib/db";
import { mutation } from "@/lib/mutation";
import { can } from "@/lib/policy/permissions";
import { activeUserWhere } from "@/lib/policy/users";

// A personal feed token lets a feed reader (which has no session) read the
// Atom feed of published updates. Only its SHA-256 is stored, and one account
// has at most one: a new token replaces the old, which stops working at once.

/** The shape of a token from createToken (32 random bytes, base64url); anything else is not looked up. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32,128}$/;

const noInput = z.object({});

/** Makes a new feed token for the actor, replacing any earlier one. The token is returned only here. */
export const createFeedToken = mutation("portal:read", {
  schema: noInput,
  run: async ({ tx, actor }) => {
    const { token, tokenHash } = createToken();
    // The account must still be active; the condition sits in the write itself.
    const { count } = await tx.user.updateMany({ where: { id: actor.id, ...activeUserWhere() }, data: { feedTokenHash: tokenHash } });
    return count === 0 ? fail("permission.denied") : ok({ token });
  },
  audit: ({ actor }) => ({ type: "feedToken.create", targetId: actor.id }),
});

/** Stops the actor's feed link from working. Without a link there is nothing to do (still ok). */
export const revokeFeedToken = mutation("portal:read", {
  schema: noInput,
  run: async ({ tx, actor, record }) => {
    const { count } = await tx.user.updateMany({ where: { id: actor.id, feedTokenHash: { not: null } }, data: { feedTokenHash: null } });
    if (count > 0) record({ type: "feedToken.revoke", targetId: actor.id });
    return ok(null);
  },
});

/** Whether the user has a working feed link (the link itself cannot be shown again). */
export async function hasFeedToken(userId: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { feedTokenHash: true } });
  return Boolean(user?.feedTokenHash);
}

/** The active (not blocked) user a feed token belongs to, or null. */
export async function userForFeedToken(token: string) {
  if (!TOKEN_PATTERN.test(token)) return null;
  const user = await db.user.findFirst({
    where: { feedTokenHash: hashToken(token), ...activeUserWhere() },
    select: { id: true, name: true, role: true, municipalityId: true, locale: true },
  });
  return user && can(user, "portal:read") ? user : null;
}
