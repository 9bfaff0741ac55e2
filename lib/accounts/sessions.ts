/**
 * Live sign-in sessions. A JWT alone cannot be taken back, so every token
 * carries a random session id (`sid`) whose hash is a row in Session while the
 * session lives; signing out deletes the row, and getCurrentUser only accepts
 * a token whose row still exists. No `server-only` import: the scheduler and
 * `npm run digest` purge expired rows.
 */
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { hashToken } from "./tokens";

/** Records a new session for `userId`, valid for `maxAgeSeconds`; returns its id for the token. */
export async function startSession(userId: string, maxAgeSeconds: number): Promise<string> {
  const sid = randomBytes(32).toString("base64url");
  await db.session.create({
    data: { sessionToken: hashToken(sid), userId, expires: new Date(Date.now() + maxAgeSeconds * 1000) },
  });
  return sid;
}

/** The Prisma filter for a session that is still live (for `sessions: { some: … }`). */
export function liveSession(sid: string, now = new Date()) {
  return { sessionToken: hashToken(sid), expires: { gt: now } };
}

/** Ends one session (sign-out); a token without an id, or an ended one, is fine. */
export async function endSession(sid: unknown): Promise<void> {
  if (typeof sid !== "string" || !sid) return;
  await db.session.deleteMany({ where: { sessionToken: hashToken(sid) } });
}

/** Removes rows of sessions that ran out (their cookies expired too). */
export async function deleteExpiredSessions(now = new Date()): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { expires: { lte: now } } });
  return count;
}
