import "server-only";
import { getServerSession } from "next-auth";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { findCurrentUser } from "@/lib/accounts/current-user-sql";
import { openSessionClaims, SESSION_CLAIMS_HEADER, type SessionClaims } from "@/lib/accounts/session-claims";
import { liveSession } from "@/lib/accounts/sessions";
import { authOptions } from "@/lib/auth";
import { noteRequestUser } from "@/lib/http/request-context";
import { can, type Permission } from "@/lib/policy/permissions";
import { activeUserWhere } from "@/lib/policy/users";

/**
 * Which user a session token stands for at `now`: the account must not be
 * blocked (a block whose end has passed no longer counts), the token must be
 * from after the last block or password reset, and its Session row must live.
 */
export function currentUserWhere(session: { uid: string; sv?: number; sid: string }, now: Date = new Date()) {
  return { id: session.uid, ...activeUserWhere(now), sessionVersion: session.sv ?? 0, sessions: { some: liveSession(session.sid, now) } };
}

/** The claims proxy.ts decoded and sealed for this request; undefined without a valid seal or outside a request. */
async function proxiedSessionClaims(): Promise<SessionClaims | null | undefined> {
  let requestHeaders: Headers;
  let requestCookies: Awaited<ReturnType<typeof cookies>>;
  try {
    [requestHeaders, requestCookies] = await Promise.all([headers(), cookies()]);
  } catch {
    // Outside a request scope (scripts, some tests) there is no header: decode as before.
    return undefined;
  }
  return openSessionClaims(requestHeaders.get(SESSION_CLAIMS_HEADER), requestCookies);
}

/** Who the session cookie names: from the proxy's seal, or decoded here where the proxy did not run. */
async function readSessionClaims(): Promise<Pick<SessionClaims, "uid" | "sv" | "sid"> | null> {
  const proxied = await proxiedSessionClaims();
  if (proxied !== undefined) return proxied;
  const session = await getServerSession(authOptions);
  return session?.uid && session.sid ? { uid: session.uid, sv: session.sv ?? 0, sid: session.sid } : null;
}

/**
 * The signed-in user, read from the database on every request: a blocked
 * account, a token from before a block or password reset, or a session that
 * was signed out (its Session row is gone) counts as signed out. One query.
 */
export const getCurrentUser = cache(async () => {
  const session = await readSessionClaims();
  if (!session) return null;
  // The same rule as currentUserWhere, as one statement past Prisma (lib/accounts/current-user-sql.ts).
  const user = await findCurrentUser(session);
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
