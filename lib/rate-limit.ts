import "server-only";
import { RateLimiterMemory, RateLimiterPrisma, type RateLimiterAbstract } from "rate-limiter-flexible";
import { db } from "@/lib/db";

/**
 * Sign-in throttling. One instance (the embedded default) counts in memory;
 * with a deployer's database several instances may run, so they count in
 * PostgreSQL (RATE_LIMIT_STORE=postgres, the default outside the launcher).
 */
export const SIGN_IN_LIMITS = {
  perAccount: { points: 5, duration: 15 * 60 },
  perIp: { points: 30, duration: 15 * 60 },
} as const;

type Limiters = { account: RateLimiterAbstract; ip: RateLimiterAbstract };
let limiters: Limiters | undefined;

export function rateLimitStore(): "memory" | "postgres" {
  return process.env.RATE_LIMIT_STORE === "memory" ? "memory" : "postgres";
}

function createLimiters(): Limiters {
  if (rateLimitStore() === "memory") {
    return {
      account: new RateLimiterMemory({ keyPrefix: "signin-account", ...SIGN_IN_LIMITS.perAccount }),
      ip: new RateLimiterMemory({ keyPrefix: "signin-ip", ...SIGN_IN_LIMITS.perIp }),
    };
  }
  const common = { storeClient: db, tableName: "rateLimit", clearExpiredByTimeout: false };
  return {
    account: new RateLimiterPrisma({ ...common, keyPrefix: "signin-account", ...SIGN_IN_LIMITS.perAccount }),
    ip: new RateLimiterPrisma({ ...common, keyPrefix: "signin-ip", ...SIGN_IN_LIMITS.perIp }),
  };
}

function getLimiters(): Limiters {
  limiters ??= createLimiters();
  return limiters;
}

/** For tests. */
export function resetRateLimiters() {
  limiters = undefined;
}

/** Whether another attempt is allowed right now; consumes nothing. */
export async function isSignInAllowed(email: string, ip: string): Promise<boolean> {
  const { account, ip: perIp } = getLimiters();
  const [accountState, ipState] = await Promise.all([account.get(email), perIp.get(ip)]);
  const over = (state: Awaited<ReturnType<RateLimiterAbstract["get"]>>, points: number) =>
    state !== null && state.consumedPoints >= points;
  return !over(accountState, SIGN_IN_LIMITS.perAccount.points) && !over(ipState, SIGN_IN_LIMITS.perIp.points);
}

/** Counts one failed attempt against the account and the address. */
export async function recordFailedSignIn(email: string, ip: string): Promise<void> {
  const { account, ip: perIp } = getLimiters();
  // consume() rejects once the limit is passed; that is the expected state here.
  await Promise.allSettled([account.consume(email), perIp.consume(ip)]);
}

export async function recordSuccessfulSignIn(email: string): Promise<void> {
  await getLimiters().account.delete(email);
}
