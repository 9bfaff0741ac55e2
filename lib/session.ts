import "server-only";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { liveSession } from "@/lib/accounts/sessions";
import { authOptions } from "@/lib/auth";
import { db } from "@/lib/db";
import { noteRequestUser } from "@/lib/http/request-context";
import { can, type Permission } from "@/lib/policy/permissions";
import { activeUserWhere } from "@/lib/policy/users";

const currentUserSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  municipalityId: true,
  locale: true,
  municipality: { select: { id: true, name: true, slug: true } },
} as const;

/**
 * Which user a session token stands for at `now`: the account must not be
 * blocked (a block whose end has passed no longer counts), the token must be
 * from after the last block or password reset, and its Session row must live.
 */
export function currentUserWhere(session: { uid: string; sv?: number; sid: string }, now: Date = new Date()) {
  return { id: session.uid, ...activeUserWhere(now), sessionVersion: session.sv ?? 0, sessions: { some: liveSession(session.sid, now) } };
}

/**
 * The signed-in user, read from the database on every request: a blocked
 * account, a token from before a block or password reset, or a session that
 * was signed out (its Session row is gone) counts as signed out. One query.
 */
export const getCurrentUser = cache(async () => {
  const session = await getServerSession(authOptions);
  if (!session?.uid || !session.sid) return null;
  const user = await db.user.findFirst({
    where: currentUserWhere({ uid: session.uid, sv: session.sv, sid: session.sid }),
    select: currentUserSelect,
  });
  // The request log names the user by id only.
  noteRequestUser(user?.id);
  return user;
});

export type CurrentUser = NonNullable<Awaited<ReturnType<typeof getCurrentUser>>>;

/** For pages: the user, or a redirect to the sign-in page. */
export async function requireUser(callbackPath?: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) {
    redirect(callbackPath ? `/inloggen?callbackUrl=${encodeURIComponent(callbackPath)}` : "/inloggen");
  }
  return user;
}

/** For pages: the user if they hold `permission`; otherwise a 403 page. */
export async function requirePermission(permission: Permission, callbackPath?: string): Promise<CurrentUser> {
  const user = await requireUser(callbackPath);
  if (!can(user, permission)) forbidden();
  return user;
}
