/**
 * The session lookup of every signed-in request (getCurrentUser in
 * lib/session.ts) as one SQL statement on the pool: through Prisma's
 * findFirst with its nested `sessions: { some }` filter it cost several times
 * the query's own CPU (scripts/bench/prisma-overhead.ts).
 */
import { queryRow } from "@/lib/db-sql";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Locale, Role } from "@/lib/generated/prisma/enums";
import { activeUserSql } from "@/lib/policy/users";
import { hashToken } from "./tokens";

/** What a session token names: the user id, the token's session version and its session id. */
export type SessionRef = { uid: string; sv?: number; sid: string };

export type CurrentUserRecord = {
  id: string;
  email: string;
  name: string;
  role: Role;
  municipalityId: string | null;
  locale: Locale;
  municipality: { id: string; name: string; slug: string } | null;
};

/**
 * The same rule as currentUserWhere (lib/session.ts): the account works at
 * `now` (activeUserSql), the token is from after the last block or password
 * reset, and its Session row lives (liveSession in lib/accounts/sessions.ts).
 */
export function currentUserSql(session: SessionRef, now: Date = new Date()): Prisma.Sql {
  return Prisma.sql`
    SELECT u.id, u.email, u.name, u.role::text AS role, u."municipalityId", u.locale::text AS locale,
           CASE WHEN m.id IS NULL THEN NULL ELSE json_build_object('id', m.id, 'name', m.name, 'slug', m.slug) END AS municipality
      FROM "User" u LEFT JOIN "Municipality" m ON m.id = u."municipalityId"
     WHERE u.id = ${session.uid}
       AND ${activeUserSql("u", now)}
       AND u."sessionVersion" = ${session.sv ?? 0}
       AND EXISTS (SELECT 1 FROM "Session" s
                    WHERE s."userId" = u.id AND s."sessionToken" = ${hashToken(session.sid)} AND s.expires > ${now})
     LIMIT 1`;
}

/** The signed-in user a session token stands for, or null (blocked, stale token, signed out). One statement. */
export function findCurrentUser(session: SessionRef, now: Date = new Date()): Promise<CurrentUserRecord | null> {
  return queryRow<CurrentUserRecord>(currentUserSql(session, now));
}
