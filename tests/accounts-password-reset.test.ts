import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { requestPasswordResetAction } from "@/lib/accounts/actions";
import { verifyPassword } from "@/lib/accounts/password";
import { getPasswordResetState, requestPasswordReset, resetPassword } from "@/lib/accounts/service";
import { hashToken } from "@/lib/accounts/tokens";
import { authorizeCredentials } from "@/lib/auth";
import { db } from "@/lib/db";
import { PASSWORD_RESET_LIMITS, resetRateLimiters } from "@/lib/rate-limit";
import { requestScope } from "./support/auth-browser";
import { createUser, emailsTo, TEST_PASSWORD, tokenFromEmail, unique, uniqueEmail } from "./support/factories";

// The server action reads the client address from next/headers; here the test sets the headers.
vi.mock("next/headers", async () => (await import("./support/auth-browser")).fakeNextHeaders);

const APP_URL = "https://koppelkans.test";
const NEW_PASSWORD = "Warmtenet-in-de-wijk-2030";

beforeAll(() => {
  process.env.APP_URL = APP_URL;
  process.env.RATE_LIMIT_STORE = "memory";
  delete process.env.SMTP_URL;
  resetRateLimiters();
});

beforeEach(() => {
  vi.spyOn(console, "info").mockImplementation(() => {});
});

/** A fresh client address, so the per-address limit of one test does not reach the next. */
const freshIp = () => `10.2.${unique()}`;

/** Requests a reset for `email` and returns the token from the newest email. */
async function requestToken(email: string): Promise<string> {
  expect(await requestPasswordReset({ input: { email }, ip: freshIp() })).toEqual({ ok: true, data: null });
  const messages = await emailsTo(email);
  return tokenFromEmail(messages.at(-1)!.text, "wachtwoord-herstellen");
}

function resetInput(token: string, overrides: Record<string, unknown> = {}) {
  return { token, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD, ...overrides };
}

describe("requestPasswordReset", () => {
  it("answers ok for an unknown email and sends nothing", async () => {
    const email = uniqueEmail("nobody");
    const [emailsBefore, tokensBefore] = await Promise.all([db.emailMessage.count(), db.passwordResetToken.count()]);
    expect(await requestPasswordReset({ input: { email }, ip: freshIp() })).toEqual({ ok: true, data: null });
    expect(await db.emailMessage.count()).toBe(emailsBefore);
    expect(await db.passwordResetToken.count()).toBe(tokensBefore);
  });

  it("sends a known user exactly one email with a reset link, and stores only the token's hash", async () => {
    const user = await createUser();
    const result = await requestPasswordReset({ input: { email: user.email.toUpperCase() }, ip: freshIp() });
    expect(result).toEqual({ ok: true, data: null });

    const messages = await emailsTo(user.email);
    expect(messages).toHaveLength(1);
    const message = messages[0]!;
    expect(message).toMatchObject({ transport: "outbox", subject: expect.stringContaining("Nieuw wachtwoord") });
    const token = tokenFromEmail(message.text, "wachtwoord-herstellen");
    expect(message.text).toContain(`${APP_URL}/wachtwoord-herstellen/${token}`);

    const rows = await db.passwordResetToken.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row.tokenHash).toBe(hashToken(token));
    expect(row.usedAt).toBeNull();
    const minutesValid = (row.expiresAt.getTime() - Date.now()) / 60_000;
    expect(minutesValid).toBeGreaterThan(55);
    expect(minutesValid).toBeLessThanOrEqual(60);
    expect(await getPasswordResetState(token)).toBe("valid");
  });

  it("sends a blocked user no email and makes no token", async () => {
    const user = await createUser({ blocked: true });
    expect(await requestPasswordReset({ input: { email: user.email }, ip: freshIp() })).toEqual({ ok: true, data: null });
    expect(await emailsTo(user.email)).toHaveLength(0);
    expect(await db.passwordResetToken.count({ where: { userId: user.id } })).toBe(0);
  });

  it("refuses an invalid email address with a field error", async () => {
    const result = await requestPasswordReset({ input: { email: "geen-adres" }, ip: freshIp() });
    expect(result).toEqual({ ok: false, error: "form.invalid", fieldErrors: { email: ["email.invalid"] } });
  });
});

describe("resetPassword", () => {
  it("sets the new password, raises sessionVersion and marks the token used", async () => {
    const user = await createUser();
    const token = await requestToken(user.email);

    expect(await resetPassword({ input: resetInput(token) })).toEqual({ ok: true, data: { email: user.email } });

    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.sessionVersion).toBe(user.sessionVersion + 1);
    expect(after.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(after.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(await verifyPassword(after.passwordHash, TEST_PASSWORD)).toBe(false);

    expect(await authorizeCredentials({ email: user.email, password: NEW_PASSWORD }, "10.1.0.1")).toMatchObject({
      id: user.id,
      sessionVersion: after.sessionVersion,
    });
    expect(await authorizeCredentials({ email: user.email, password: TEST_PASSWORD }, "10.1.0.1")).toBeNull();

    const row = await db.passwordResetToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
    expect(row.usedAt).not.toBeNull();
    expect(await getPasswordResetState(token)).toBe("used");
    expect(await db.auditLog.count({ where: { action: "password.reset", targetId: user.id } })).toBe(1);
  });

  it("makes older links of the same account stop working", async () => {
    const user = await createUser();
    const older = await requestToken(user.email);
    const newer = await requestToken(user.email);
    expect(older).not.toBe(newer);
    expect(await getPasswordResetState(older)).toBe("valid");

    expect((await resetPassword({ input: resetInput(newer) })).ok).toBe(true);

    expect(await getPasswordResetState(older)).toBe("used");
    expect(
      await resetPassword({ input: resetInput(older, { password: "Nog-een-ander-99", passwordConfirm: "Nog-een-ander-99" }) }),
    ).toEqual({
      ok: false,
      error: "passwordReset.used",
    });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(after.passwordHash, NEW_PASSWORD)).toBe(true);
  });

  it("refuses a link that was used already", async () => {
    const user = await createUser();
    const token = await requestToken(user.email);
    expect((await resetPassword({ input: resetInput(token) })).ok).toBe(true);
    const sessionVersion = (await db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion;

    expect(
      await resetPassword({ input: resetInput(token, { password: "Tweede-poging-55", passwordConfirm: "Tweede-poging-55" }) }),
    ).toEqual({
      ok: false,
      error: "passwordReset.used",
    });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.sessionVersion).toBe(sessionVersion);
    expect(await verifyPassword(after.passwordHash, NEW_PASSWORD)).toBe(true);
  });

  it("refuses an expired link and leaves the password alone", async () => {
    const user = await createUser();
    const token = await requestToken(user.email);
    await db.passwordResetToken.update({ where: { tokenHash: hashToken(token) }, data: { expiresAt: new Date(Date.now() - 1000) } });

    expect(await getPasswordResetState(token)).toBe("expired");
    expect(await resetPassword({ input: resetInput(token) })).toEqual({ ok: false, error: "passwordReset.expired" });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.passwordHash).toBe(user.passwordHash);
    expect(after.sessionVersion).toBe(user.sessionVersion);
  });

  it("refuses an unknown token", async () => {
    expect(await getPasswordResetState("geen-echte-token")).toBe("unknown");
    expect(await resetPassword({ input: resetInput("geen-echte-token") })).toEqual({ ok: false, error: "passwordReset.unknown" });
  });

  it("refuses the link of an account that was blocked after the request", async () => {
    const user = await createUser();
    const token = await requestToken(user.email);
    await db.user.update({ where: { id: user.id }, data: { blockedAt: new Date() } });

    expect(await getPasswordResetState(token)).toBe("unknown");
    expect(await resetPassword({ input: resetInput(token) })).toEqual({ ok: false, error: "passwordReset.unknown" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(user.passwordHash);
  });

  it.each([
    ["a weak password", { password: "kort", passwordConfirm: "kort" }, "password", "password.tooShort"],
    ["a mismatched confirmation", { passwordConfirm: "Iets-heel-anders-1" }, "passwordConfirm", "password.mismatch"],
  ])("refuses %s and keeps the link usable", async (_label, overrides, field, key) => {
    const user = await createUser();
    const token = await requestToken(user.email);
    const result = await resetPassword({ input: resetInput(token, overrides) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBe("form.invalid");
    expect(result.fieldErrors?.[field]).toContain(key);
    expect(await getPasswordResetState(token)).toBe("valid");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(user.passwordHash);
  });

  it("accepts exactly one of two simultaneous submissions of one link", async () => {
    const user = await createUser();
    const token = await requestToken(user.email);
    const results = await Promise.all([resetPassword({ input: resetInput(token) }), resetPassword({ input: resetInput(token) })]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, error: "passwordReset.used" }]);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(user.sessionVersion + 1);
  });
});

describe.each(["memory", "postgres"] as const)("password reset limits (%s store)", (store) => {
  beforeEach(() => {
    process.env.RATE_LIMIT_STORE = store;
    resetRateLimiters();
  });

  afterAll(() => {
    process.env.RATE_LIMIT_STORE = "memory";
    resetRateLimiters();
  });

  it("sends one account at most 3 links an hour, from any address, and answers the same after that", async () => {
    expect(PASSWORD_RESET_LIMITS.perAccount).toEqual({ points: 3, duration: 60 * 60 });
    const user = await createUser();
    for (const email of [user.email, user.email.toUpperCase(), user.email, user.email, ` ${user.email} `]) {
      expect(await requestPasswordReset({ input: { email }, ip: freshIp() })).toEqual({ ok: true, data: null });
    }
    expect(await emailsTo(user.email)).toHaveLength(3);
    expect(await db.passwordResetToken.count({ where: { userId: user.id } })).toBe(3);
    // An unknown address over its limit gets that same answer, so the answer tells nothing.
    const nobody = uniqueEmail("nobody");
    for (let request = 0; request < 5; request++) {
      expect(await requestPasswordReset({ input: { email: nobody }, ip: freshIp() })).toEqual({ ok: true, data: null });
    }
    // Someone else still gets their link.
    const other = await createUser();
    expect(await requestPasswordReset({ input: { email: other.email }, ip: freshIp() })).toEqual({ ok: true, data: null });
    expect(await emailsTo(other.email)).toHaveLength(1);
  });

  it("refuses an address after 10 requests for any emails, and says so; other addresses go on", async () => {
    expect(PASSWORD_RESET_LIMITS.perIp).toEqual({ points: 10, duration: 60 * 60 });
    const ip = freshIp();
    for (let request = 0; request < 10; request++) {
      expect(await requestPasswordReset({ input: { email: uniqueEmail("spray") }, ip })).toEqual({ ok: true, data: null });
    }
    const user = await createUser();
    expect(await requestPasswordReset({ input: { email: user.email }, ip })).toEqual({ ok: false, error: "passwordReset.tooMany" });
    expect(await emailsTo(user.email)).toHaveLength(0);
    expect(await requestPasswordReset({ input: { email: user.email }, ip: freshIp() })).toEqual({ ok: true, data: null });
    expect(await emailsTo(user.email)).toHaveLength(1);
  });

  it("counts the action per address from the server's client-ip header, not from X-Forwarded-For", async () => {
    const ip = freshIp();
    const submit = async (email: string) => {
      requestScope.headers = new Headers({ "x-koppelkans-client-ip": ip, "x-forwarded-for": freshIp(), "x-real-ip": freshIp() });
      const form = new FormData();
      form.set("email", email);
      return requestPasswordResetAction(null, form);
    };
    for (let request = 0; request < 10; request++) expect(await submit(uniqueEmail("spray"))).toEqual({ ok: true, data: null });
    expect(await submit(uniqueEmail("spray"))).toEqual({ ok: false, error: "passwordReset.tooMany" });
  });
});
