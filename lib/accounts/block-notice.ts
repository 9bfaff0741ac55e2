import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { db } from "@/lib/db";
import { blockedUserWhere, lastBlockedDay } from "@/lib/policy/users";

/**
 * What a blocked person sees at sign-in. next-auth hands the form nothing but
 * the error code of a failed sign-in, and looking the reason up by the email
 * typed would tell anyone who knows an address why its owner was blocked. So
 * only authorizeCredentials, after the right password, appends a short-lived
 * signed token to the code ("AccountBlocked:<token>"); the form trades it for
 * the reason and end date (blockNoticeAction). The token names nothing but
 * the account and its expiry, is signed with NEXTAUTH_SECRET, lives ten
 * minutes, and never travels in a page address.
 */

export const BLOCKED_ERROR = "AccountBlocked";
export const BLOCK_NOTICE_TTL_MS = 10 * 60 * 1000;

const BASE64URL = /^[A-Za-z0-9_-]+$/;

function secret(): string | null {
  return process.env.NEXTAUTH_SECRET || null;
}

function sign(payload: string, key: string): Buffer {
  return createHmac("sha256", key).update(`koppelkans-block-notice.${payload}`).digest();
}

/** A token for the notice of `userId`, or null where no secret is configured (the form then shows the plain message). */
export function createBlockNoticeToken(userId: string, now: Date = new Date()): string | null {
  const key = secret();
  if (!key) return null;
  const payload = Buffer.from(JSON.stringify({ u: userId, e: now.getTime() + BLOCK_NOTICE_TTL_MS })).toString("base64url");
  return `${payload}.${sign(payload, key).toString("base64url")}`;
}

/** The account a genuine, unexpired token names; null for anything else. */
export function verifyBlockNoticeToken(token: unknown, now: Date = new Date()): string | null {
  const key = secret();
  if (!key || typeof token !== "string" || token.length > 500) return null;
  const [payload, signature, ...rest] = token.split(".");
  if (!payload || !signature || rest.length || !BASE64URL.test(payload) || !BASE64URL.test(signature)) return null;
  const given = Buffer.from(signature, "base64url");
  const expected = sign(payload, key);
  if (given.toString("base64url") !== signature || given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const data: unknown = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    if (!data || typeof data !== "object") return null;
    const { u, e } = data as { u?: unknown; e?: unknown };
    if (typeof u !== "string" || !u || typeof e !== "number" || e <= now.getTime()) return null;
    return u;
  } catch {
    return null;
  }
}

/** The error authorizeCredentials throws for a blocked account whose password was right. */
export function accountBlockedError(userId: string, now: Date = new Date()): string {
  const token = createBlockNoticeToken(userId, now);
  return token ? `${BLOCKED_ERROR}:${token}` : BLOCKED_ERROR;
}

export type BlockNotice = { reason: string | null; lastDay: string | null };

/**
 * The reason and the last day (YYYY-MM-DD, Amsterdam) of the block a token
 * names, while that block still holds; null for a bad token or a lifted block.
 */
export async function readBlockNotice(token: unknown, now: Date = new Date()): Promise<BlockNotice | null> {
  const userId = verifyBlockNoticeToken(token, now);
  if (!userId) return null;
  const user = await db.user.findFirst({
    where: { id: userId, ...blockedUserWhere(now) },
    select: { blockReason: true, blockedUntil: true },
  });
  if (!user) return null;
  return { reason: user.blockReason, lastDay: lastBlockedDay(user.blockedUntil) };
}
