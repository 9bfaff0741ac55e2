import "server-only";
import { RateLimiterMemory, RateLimiterPrisma, type RateLimiterAbstract } from "rate-limiter-flexible";
import { db } from "@/lib/db";

/**
 * Sign-in, password-reset, invitation and comment throttling. One instance
 * (the embedded default) counts in memory; with a deployer's database several instances may run, so
 * they count in PostgreSQL (RATE_LIMIT_STORE=postgres, the default outside the launcher).
 *
 * Wrong passwords count per account *and address* (so a stranger cannot lock
 * the owner out), against a much higher ceiling per account over all
 * addresses (so a distributed guess is still slowed), and per address.
 */
export const SIGN_IN_LIMITS = {
  perAccountAndIp: { points: 5, duration: 15 * 60 },
  perAccount: { points: 50, duration: 60 * 60 },
  perIp: { points: 30, duration: 15 * 60 },
} as const;

/** Reset links: every request counts, whether or not the account exists. */
export const PASSWORD_RESET_LIMITS = {
  perAccount: { points: 3, duration: 60 * 60 },
  perIp: { points: 10, duration: 60 * 60 },
} as const;

/**
 * Invitation links: only failed acceptances count (unknown, used or expired),
 * so links cannot be guessed at speed while an office behind one address can
 * still sign up together.
 */
export const INVITATION_ACCEPT_LIMITS = {
  perIp: { points: 10, duration: 15 * 60 },
} as const;

/** Comments per person, so a script (or a stolen session) cannot flood a discussion. */
export const COMMENT_LIMITS = {
  // COMMENT_RATE_LIMIT raises it where many comments per person are the point (npm run loadtest).
  perPerson: { points: Number.parseInt(process.env.COMMENT_RATE_LIMIT ?? "", 10) || 30, duration: 10 * 60 },
} as const;

type LimitName = "signInPair" | "signInAccount" | "signInIp" | "resetAccount" | "resetIp" | "invitationIp" | "commentPerson";
const LIMITS: Record<LimitName, { keyPrefix: string; points: number; duration: number }> = {
  signInPair: { keyPrefix: "signin-account-ip", ...SIGN_IN_LIMITS.perAccountAndIp },
  signInAccount: { keyPrefix: "signin-account", ...SIGN_IN_LIMITS.perAccount },
  signInIp: { keyPrefix: "signin-ip", ...SIGN_IN_LIMITS.perIp },
  resetAccount: { keyPrefix: "reset-account", ...PASSWORD_RESET_LIMITS.perAccount },
  resetIp: { keyPrefix: "reset-ip", ...PASSWORD_RESET_LIMITS.perIp },
  invitationIp: { keyPrefix: "invitation-ip", ...INVITATION_ACCEPT_LIMITS.perIp },
  commentPerson: { keyPrefix: "comment-person", ...COMMENT_LIMITS.perPerson },
};

let limiters: Record<LimitName, RateLimiterAbstract> | undefined;

export function rateLimitStore(): "memory" | "postgres" {
  return process.env.RATE_LIMIT_STORE === "memory" ? "memory" : "postgres";
}

function createLimiter(options: (typeof LIMITS)[LimitName]): RateLimiterAbstract {
  if (rateLimitStore() === "memory") return new RateLimiterMemory(options);
  return new RateLimiterPrisma({ storeClient: db, tableName: "rateLimit", clearExpiredByTimeout: false, ...options });
}

function limiter(name: LimitName): RateLimiterAbstract {
  limiters ??= Object.fromEntries(Object.entries(LIMITS).map(([key, options]) => [key, createLimiter(options)])) as Record<
    LimitName,
    RateLimiterAbstract
  >;
  return limiters[name];
}

/** For tests. */
export function resetRateLimiters() {
  limiters = undefined;
}

/** One key for an account seen from one address (an email has no spaces). */
const pairKey = (email: string, ip: string) => `${email} ${ip}`;

/**
 * The PostgreSQL store's rows that count an email address (sign-in and reset
 * counters, each under its limiter's prefix), for removing them with the account.
 */
export function rateLimitRowsOfEmail(email: string) {
  const key = (name: LimitName, rest: string) => `${LIMITS[name].keyPrefix}:${rest}`;
  return {
    OR: [
      { key: { in: [key("signInAccount", email), key("resetAccount", email)] } },
      { key: { startsWith: key("signInPair", pairKey(email, "")) } },
    ],
  };
}

async function isUnder(name: LimitName, key: string): Promise<boolean> {
  const state = await limiter(name).get(key);
  return state === null || state.consumedPoints < LIMITS[name].points;
}

/** Counts one request; false when it is over the limit. */
async function consume(name: LimitName, key: string): Promise<boolean> {
  try {
    await limiter(name).consume(key);
    return true;
  } catch (error) {
    // consume() rejects with the limiter's state once the limit is passed; anything else is a real failure.
    if (error instanceof Error) throw error;
    return false;
  }
}

/** Whether another sign-in attempt is allowed right now; consumes nothing. */
export async function isSignInAllowed(email: string, ip: string): Promise<boolean> {
  const checks = await Promise.all([isUnder("signInPair", pairKey(email, ip)), isUnder("signInAccount", email), isUnder("signInIp", ip)]);
  return checks.every(Boolean);
}

/** Counts one failed attempt against the account from this address, the account, and the address. */
export async function recordFailedSignIn(email: string, ip: string): Promise<void> {
  // consume() rejects once the limit is passed; that is the expected state here.
  await Promise.allSettled([
    limiter("signInPair").consume(pairKey(email, ip)),
    limiter("signInAccount").consume(email),
    limiter("signInIp").consume(ip),
  ]);
}

/** The owner got in from this address: their own typos there are forgiven (the account ceiling stays). */
export async function recordSuccessfulSignIn(email: string, ip: string): Promise<void> {
  await limiter("signInPair").delete(pairKey(email, ip));
}

/**
 * Counts one reset request. "ip" means the address asked too often (the form
 * may say so); "account" means this email did, which the form must not reveal.
 */
export async function consumePasswordReset(email: string, ip: string): Promise<"ok" | "ip" | "account"> {
  if (!(await consume("resetIp", ip))) return "ip";
  if (!(await consume("resetAccount", email))) return "account";
  return "ok";
}

/** Whether this address may try an invitation link now; consumes nothing. */
export async function isInvitationAcceptAllowed(ip: string): Promise<boolean> {
  return isUnder("invitationIp", ip);
}

/** Counts one acceptance of an unknown, used or expired invitation link from this address. */
export async function recordFailedInvitationAccept(ip: string): Promise<void> {
  await consume("invitationIp", ip);
}

/** Counts one new comment by this person; false when they posted too many lately. */
export async function consumeComment(userId: string): Promise<boolean> {
  return consume("commentPerson", userId);
}
