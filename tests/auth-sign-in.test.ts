import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { authorizeCredentials } from "@/lib/auth";
import { db } from "@/lib/db";
import { rateLimitStore, resetRateLimiters, SIGN_IN_LIMITS } from "@/lib/rate-limit";
import { createUser, TEST_PASSWORD, unique, uniqueEmail } from "./support/factories";

const WRONG_PASSWORD = "Verkeerd-wachtwoord-1";
const originalStore = process.env.RATE_LIMIT_STORE;

afterAll(() => {
  if (originalStore === undefined) delete process.env.RATE_LIMIT_STORE;
  else process.env.RATE_LIMIT_STORE = originalStore;
  resetRateLimiters();
});

/** A fresh client address per test, so the per-IP limit of one test does not leak into the next. */
const freshIp = () => `10.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}-${unique()}`;

describe("authorizeCredentials", () => {
  beforeEach(() => {
    process.env.RATE_LIMIT_STORE = "memory";
    resetRateLimiters();
  });

  it("returns the user for the right email and password", async () => {
    const user = await createUser();
    expect(await authorizeCredentials({ email: user.email, password: TEST_PASSWORD }, freshIp())).toEqual({
      id: user.id,
      email: user.email,
      name: user.name,
      sessionVersion: user.sessionVersion,
    });
  });

  it("matches the email case-insensitively and ignores surrounding spaces", async () => {
    const user = await createUser();
    const result = await authorizeCredentials({ email: `  ${user.email.toUpperCase()} `, password: TEST_PASSWORD }, freshIp());
    expect(result?.id).toBe(user.id);
  });

  it("returns null for a wrong password", async () => {
    const user = await createUser();
    expect(await authorizeCredentials({ email: user.email, password: WRONG_PASSWORD }, freshIp())).toBeNull();
  });

  it("does not treat the password case-insensitively", async () => {
    const user = await createUser();
    expect(await authorizeCredentials({ email: user.email, password: TEST_PASSWORD.toUpperCase() }, freshIp())).toBeNull();
  });

  it("returns null for an unknown email, the same answer as a wrong password", async () => {
    expect(await authorizeCredentials({ email: uniqueEmail("nobody"), password: TEST_PASSWORD }, freshIp())).toBeNull();
  });

  it("returns null for missing or malformed credentials", async () => {
    const ip = freshIp();
    expect(await authorizeCredentials(undefined, ip)).toBeNull();
    expect(await authorizeCredentials({}, ip)).toBeNull();
    expect(await authorizeCredentials({ email: "geen-adres", password: TEST_PASSWORD }, ip)).toBeNull();
    expect(await authorizeCredentials({ email: uniqueEmail(), password: "" }, ip)).toBeNull();
  });

  it("returns null for an account without a password (never finished an invitation or an OIDC account)", async () => {
    const user = await createUser();
    await db.user.update({ where: { id: user.id }, data: { passwordHash: null } });
    expect(await authorizeCredentials({ email: user.email, password: TEST_PASSWORD }, freshIp())).toBeNull();
  });

  it("throws AccountBlocked for a blocked account with the right password", async () => {
    const user = await createUser({ blocked: true });
    await expect(authorizeCredentials({ email: user.email, password: TEST_PASSWORD }, freshIp())).rejects.toThrow("AccountBlocked");
  });

  it("returns null for a blocked account with a wrong password, so the block is not revealed", async () => {
    const user = await createUser({ blocked: true });
    expect(await authorizeCredentials({ email: user.email, password: WRONG_PASSWORD }, freshIp())).toBeNull();
  });

  it("returns the current sessionVersion, so older tokens stop working", async () => {
    const user = await createUser();
    await db.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 3 } } });
    const result = await authorizeCredentials({ email: user.email, password: TEST_PASSWORD }, freshIp());
    expect(result?.sessionVersion).toBe(user.sessionVersion + 3);
  });
});

describe.each(["memory", "postgres"] as const)("sign-in rate limiting (%s store)", (store) => {
  beforeEach(() => {
    process.env.RATE_LIMIT_STORE = store;
    resetRateLimiters();
  });

  it(`uses the ${store} store`, () => {
    expect(rateLimitStore()).toBe(store);
  });

  it("stops an address after 5 wrong passwords for one account, but not the owner at another address", async () => {
    expect(SIGN_IN_LIMITS.perAccountAndIp).toEqual({ points: 5, duration: 15 * 60 });
    const user = await createUser();
    const attacker = freshIp();
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect(await authorizeCredentials({ email: user.email, password: WRONG_PASSWORD }, attacker)).toBeNull();
    }
    await expect(authorizeCredentials({ email: user.email, password: TEST_PASSWORD }, attacker)).rejects.toThrow("RateLimited");
    // The email is counted after normalisation, so changing its case does not help.
    await expect(authorizeCredentials({ email: user.email.toUpperCase(), password: TEST_PASSWORD }, attacker)).rejects.toThrow(
      "RateLimited",
    );
    // The owner, elsewhere, is not locked out.
    expect((await authorizeCredentials({ email: user.email, password: TEST_PASSWORD }, freshIp()))?.id).toBe(user.id);
    // Other accounts from the attacker's address are not affected by this account's count.
    const other = await createUser();
    expect((await authorizeCredentials({ email: other.email, password: TEST_PASSWORD }, attacker))?.id).toBe(other.id);
  });

  it("lets the 5th failure through but nothing after it", async () => {
    const user = await createUser();
    const ip = freshIp();
    for (let attempt = 1; attempt <= 4; attempt++) {
      await authorizeCredentials({ email: user.email, password: WRONG_PASSWORD }, ip);
    }
    // Attempt 5 is still checked (and succeeds with the right password).
    expect((await authorizeCredentials({ email: user.email, password: TEST_PASSWORD }, ip))?.id).toBe(user.id);
  });

  it("resets the account-and-address counter after a successful sign-in from that address", async () => {
    const user = await createUser();
    const ip = freshIp();
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect(await authorizeCredentials({ email: user.email, password: WRONG_PASSWORD }, ip)).toBeNull();
    }
    expect((await authorizeCredentials({ email: user.email, password: TEST_PASSWORD }, ip))?.id).toBe(user.id);
    // Four more failures are allowed again without reaching the limit.
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect(await authorizeCredentials({ email: user.email, password: WRONG_PASSWORD }, ip)).toBeNull();
    }
    expect((await authorizeCredentials({ email: user.email, password: TEST_PASSWORD }, ip))?.id).toBe(user.id);
  });

  it("counts failures for unknown emails too", async () => {
    const email = uniqueEmail("nobody");
    const ip = freshIp();
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect(await authorizeCredentials({ email, password: WRONG_PASSWORD }, ip)).toBeNull();
    }
    await expect(authorizeCredentials({ email, password: WRONG_PASSWORD }, ip)).rejects.toThrow("RateLimited");
  });

  it("stops every address once one account has 50 failures in an hour from many addresses", async () => {
    expect(SIGN_IN_LIMITS.perAccount).toEqual({ points: 50, duration: 60 * 60 });
    const user = await createUser();
    for (let attempt = 1; attempt <= 49; attempt++) {
      expect(await authorizeCredentials({ email: user.email, password: WRONG_PASSWORD }, freshIp())).toBeNull();
    }
    // Below the ceiling the owner still gets in, and that does not wipe the distributed count.
    expect((await authorizeCredentials({ email: user.email, password: TEST_PASSWORD }, freshIp()))?.id).toBe(user.id);
    expect(await authorizeCredentials({ email: user.email, password: WRONG_PASSWORD }, freshIp())).toBeNull();
    await expect(authorizeCredentials({ email: user.email, password: TEST_PASSWORD }, freshIp())).rejects.toThrow("RateLimited");
    await expect(authorizeCredentials({ email: user.email, password: WRONG_PASSWORD }, freshIp())).rejects.toThrow("RateLimited");
  });

  if (store === "postgres") {
    it("keeps the counters in the RateLimit table, so they survive a new limiter instance", async () => {
      const user = await createUser();
      const ip = freshIp();
      for (let attempt = 1; attempt <= 5; attempt++) {
        await authorizeCredentials({ email: user.email, password: WRONG_PASSWORD }, ip);
      }
      const rows = await db.rateLimit.findMany({ where: { key: { contains: user.email } }, orderBy: { key: "asc" } });
      expect(rows.map((row) => [row.key, row.points])).toEqual([
        [`signin-account-ip:${user.email} ${ip}`, 5],
        [`signin-account:${user.email}`, 5],
      ]);
      for (const row of rows) expect(row.expire!.getTime()).toBeGreaterThan(Date.now());

      // Another app instance (here: a fresh limiter) sees the same count.
      resetRateLimiters();
      await expect(authorizeCredentials({ email: user.email, password: TEST_PASSWORD }, ip)).rejects.toThrow("RateLimited");
    });

    it("removes the account-and-address row after a successful sign-in, and keeps the account's", async () => {
      const user = await createUser();
      const ip = freshIp();
      await authorizeCredentials({ email: user.email, password: WRONG_PASSWORD }, ip);
      expect(await db.rateLimit.count({ where: { key: { contains: user.email } } })).toBe(2);
      expect(await authorizeCredentials({ email: user.email, password: TEST_PASSWORD }, ip)).not.toBeNull();
      expect(await db.rateLimit.findMany({ where: { key: { contains: user.email } }, select: { key: true } })).toEqual([
        { key: `signin-account:${user.email}` },
      ]);
    });
  } else {
    it("forgets the counters when the limiter is reset (memory only)", async () => {
      const user = await createUser();
      const ip = freshIp();
      for (let attempt = 1; attempt <= 5; attempt++) {
        await authorizeCredentials({ email: user.email, password: WRONG_PASSWORD }, ip);
      }
      resetRateLimiters();
      expect((await authorizeCredentials({ email: user.email, password: TEST_PASSWORD }, ip))?.id).toBe(user.id);
      expect(await db.rateLimit.count({ where: { key: { contains: user.email } } })).toBe(0);
    });
  }

  it("limits one address after 30 failures across accounts", async () => {
    expect(SIGN_IN_LIMITS.perIp.points).toBe(30);
    const ip = freshIp();
    // Unknown emails, six different ones, so no single account reaches its own limit.
    const emails = Array.from({ length: 6 }, () => uniqueEmail("spray"));
    for (let attempt = 0; attempt < 30; attempt++) {
      expect(await authorizeCredentials({ email: emails[attempt % 6], password: WRONG_PASSWORD }, ip)).toBeNull();
    }
    const user = await createUser();
    await expect(authorizeCredentials({ email: user.email, password: TEST_PASSWORD }, ip)).rejects.toThrow("RateLimited");
    // From another address the same account signs in fine.
    expect((await authorizeCredentials({ email: user.email, password: TEST_PASSWORD }, freshIp()))?.id).toBe(user.id);
  });
});
