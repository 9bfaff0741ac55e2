import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { verifyPassword } from "@/lib/accounts/password";
import { getPasswordResetState, requestPasswordReset, resetPassword } from "@/lib/accounts/service";
import { hashToken } from "@/lib/accounts/tokens";
import { authorizeCredentials } from "@/lib/auth";
import { db } from "@/lib/db";
import { resetRateLimiters } from "@/lib/rate-limit";
import { createUser, emailsTo, TEST_PASSWORD, tokenFromEmail, uniqueEmail } from "./support/factories";

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

/** Requests a reset for `email` and returns the token from the newest email. */
async function requestToken(email: string): Promise<string> {
  expect(await requestPasswordReset({ input: { email } })).toEqual({ ok: true, data: null });
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
    expect(await requestPasswordReset({ input: { email } })).toEqual({ ok: true, data: null });
    expect(await db.emailMessage.count()).toBe(emailsBefore);
    expect(await db.passwordResetToken.count()).toBe(tokensBefore);
  });

  it("sends a known user exactly one email with a reset link, and stores only the token's hash", async () => {
    const user = await createUser();
    const result = await requestPasswordReset({ input: { email: user.email.toUpperCase() } });
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
    expect(await requestPasswordReset({ input: { email: user.email } })).toEqual({ ok: true, data: null });
    expect(await emailsTo(user.email)).toHaveLength(0);
    expect(await db.passwordResetToken.count({ where: { userId: user.id } })).toBe(0);
  });

  it("refuses an invalid email address with a field error", async () => {
    const result = await requestPasswordReset({ input: { email: "geen-adres" } });
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
    expect(await resetPassword({ input: resetInput(older, { password: "Nog-een-ander-99", passwordConfirm: "Nog-een-ander-99" }) })).toEqual({
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

    expect(await resetPassword({ input: resetInput(token, { password: "Tweede-poging-55", passwordConfirm: "Tweede-poging-55" }) })).toEqual({
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
