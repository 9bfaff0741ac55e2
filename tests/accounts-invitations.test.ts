import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { verifyPassword } from "@/lib/accounts/password";
import { acceptInvitation, createInvitation, getInvitationByToken, revokeInvitation } from "@/lib/accounts/service";
import { hashToken } from "@/lib/accounts/tokens";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/policy/permissions";
import { createActor, createMunicipality, createUser, emailsTo, tokenFromEmail, uniqueEmail } from "./support/factories";

const APP_URL = "https://koppelkans.test";
const NEW_PASSWORD = "Zonnepaneel-op-het-dak-7";

let coordinator: Actor;
let admin: Actor;
let municipalityId: string;

beforeAll(async () => {
  process.env.APP_URL = APP_URL;
  delete process.env.SMTP_URL;
  [coordinator, admin, { id: municipalityId }] = await Promise.all([
    createActor("COORDINATOR"),
    createActor("ADMIN"),
    createMunicipality({ name: "Tilburg (test)" }),
  ]);
});

beforeEach(() => {
  vi.spyOn(console, "info").mockImplementation(() => {});
});

/** Invites a fresh address as a member (or as told) and returns the token. */
async function invite(input: { email?: string; role?: string; municipalityId?: string | null } = {}, actor = coordinator) {
  const email = input.email ?? uniqueEmail("invitee");
  const result = await createInvitation({ actor, input: { role: "MEMBER", ...input, email } });
  if (!result.ok) throw new Error(`invitation failed: ${JSON.stringify(result)}`);
  return { email, ...result.data };
}

function acceptInput(token: string, overrides: Record<string, unknown> = {}) {
  return { token, name: "Fatima de Vries (test)", password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD, ...overrides };
}

describe("createInvitation: who may invite", () => {
  it("lets a coordinator invite a member", async () => {
    const email = uniqueEmail();
    const result = await createInvitation({ actor: coordinator, input: { email, role: "MEMBER" } });
    expect(result.ok).toBe(true);
    const row = await db.invitation.findFirstOrThrow({ where: { email } });
    expect(row).toMatchObject({ role: "MEMBER", invitedById: coordinator.id, acceptedAt: null, revokedAt: null });
    expect(row.expiresAt.getTime()).toBeGreaterThan(Date.now());
  });

  it("lets a coordinator invite a project leader with a municipality", async () => {
    const email = uniqueEmail();
    const result = await createInvitation({ actor: coordinator, input: { email, role: "PROJECT_LEADER", municipalityId } });
    expect(result.ok).toBe(true);
    expect(await db.invitation.findFirstOrThrow({ where: { email } })).toMatchObject({ role: "PROJECT_LEADER", municipalityId });
  });

  it("lets an admin invite another admin", async () => {
    const email = uniqueEmail();
    const result = await createInvitation({ actor: admin, input: { email, role: "ADMIN" } });
    expect(result.ok).toBe(true);
    expect(await db.invitation.findFirstOrThrow({ where: { email } })).toMatchObject({ role: "ADMIN", invitedById: admin.id });
  });

  it("writes an audit log entry for the invitation", async () => {
    const { id } = await invite();
    const entry = await db.auditLog.findFirstOrThrow({ where: { targetId: id } });
    expect(entry).toMatchObject({ actorId: coordinator.id, action: "invitation.create", targetType: "Invitation" });
  });

  it.each(["MEMBER", "PROJECT_LEADER"] as const)("refuses a %s and creates no invitation", async (role) => {
    const actor = await createActor(role);
    const email = uniqueEmail();
    const result = await createInvitation({ actor, input: { email, role: "MEMBER" } });
    expect(result).toEqual({ ok: false, error: "permission.denied" });
    expect(await db.invitation.count({ where: { email } })).toBe(0);
    expect(await db.emailMessage.count({ where: { to: email } })).toBe(0);
  });

  it("refuses a visitor without an account", async () => {
    const email = uniqueEmail();
    const result = await createInvitation({ actor: null, input: { email, role: "MEMBER" } });
    expect(result).toEqual({ ok: false, error: "permission.denied" });
    expect(await db.invitation.count({ where: { email } })).toBe(0);
  });

  it("refuses a coordinator who invites an admin", async () => {
    const email = uniqueEmail();
    const result = await createInvitation({ actor: coordinator, input: { email, role: "ADMIN" } });
    expect(result).toEqual({ ok: false, error: "permission.denied", fieldErrors: { role: ["role.notAssignable"] } });
    expect(await db.invitation.count({ where: { email } })).toBe(0);
  });
});

describe("createInvitation: validation", () => {
  it("requires a municipality for a project leader", async () => {
    const email = uniqueEmail();
    for (const missing of [undefined, null, ""]) {
      const result = await createInvitation({ actor: coordinator, input: { email, role: "PROJECT_LEADER", municipalityId: missing } });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error).toBe("form.invalid");
      expect(result.fieldErrors?.municipalityId).toEqual(["municipality.requiredForProjectLeader"]);
    }
    expect(await db.invitation.count({ where: { email } })).toBe(0);
  });

  it("refuses an unknown municipality", async () => {
    const email = uniqueEmail();
    const result = await createInvitation({ actor: coordinator, input: { email, role: "PROJECT_LEADER", municipalityId: "no-such-id" } });
    expect(result).toEqual({ ok: false, error: "form.invalid", fieldErrors: { municipalityId: ["municipality.unknown"] } });
    expect(await db.invitation.count({ where: { email } })).toBe(0);
  });

  it("refuses an email that already has an account, regardless of case", async () => {
    const existing = uniqueEmail("foo");
    await createUser({ email: existing });
    const shouted = existing.replace(/^foo/, "Foo").replace("@example.nl", "@Example.nl");
    expect(shouted).not.toBe(existing);
    const result = await createInvitation({ actor: coordinator, input: { email: shouted, role: "MEMBER" } });
    expect(result).toEqual({ ok: false, error: "form.invalid", fieldErrors: { email: ["email.inUse"] } });
    expect(await db.invitation.count({ where: { email: { equals: existing, mode: "insensitive" } } })).toBe(0);
  });

  it("stores the email trimmed and in lower case", async () => {
    const email = uniqueEmail("mixed");
    const result = await createInvitation({ actor: coordinator, input: { email: `  ${email.toUpperCase()} `, role: "MEMBER" } });
    expect(result.ok).toBe(true);
    expect(await db.invitation.count({ where: { email } })).toBe(1);
  });

  it.each([
    ["an invalid email", "geen-adres", "email.invalid"],
    ["an empty email", "", "email.required"],
  ])("refuses %s", async (_label, email, key) => {
    const before = await db.invitation.count();
    const result = await createInvitation({ actor: coordinator, input: { email, role: "MEMBER" } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBe("form.invalid");
    expect(result.fieldErrors?.email).toEqual([key]);
    expect(await db.invitation.count()).toBe(before);
  });

  it("refuses an unknown role", async () => {
    const result = await createInvitation({ actor: admin, input: { email: uniqueEmail(), role: "SUPERUSER" } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors?.role).toEqual(["role.invalid"]);
  });
});

describe("createInvitation: the email and the token", () => {
  it("puts the invitation email with the link in the outbox", async () => {
    const { email, token } = await invite({ role: "PROJECT_LEADER", municipalityId });
    const messages = await emailsTo(email);
    expect(messages).toHaveLength(1);
    const message = messages[0]!;
    expect(message.transport).toBe("outbox");
    expect(message.sentAt).toBeNull();
    expect(message.error).toBeNull();
    expect(message.subject).toContain("Uitnodiging voor Koppelkans");
    expect(message.text).toContain(`${APP_URL}/uitnodiging/${token}`);
    expect(message.text).toContain("projectleider (Tilburg (test))");
    expect(tokenFromEmail(message.text, "uitnodiging")).toBe(token);
  });

  it("stores only the sha256 hash of the token, never the token itself", async () => {
    const { id, token } = await invite();
    expect(token.length).toBeGreaterThanOrEqual(40);
    const row = await db.invitation.findUniqueOrThrow({ where: { id } });
    expect(row.tokenHash).toBe(hashToken(token));
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(token);
    const [matching] = await db.$queryRaw<{ count: bigint }[]>`
      SELECT count(*) AS count FROM "Invitation" WHERE position(${token} in row_to_json("Invitation".*)::text) > 0`;
    expect(Number(matching?.count)).toBe(0);
  });

  it("revokes the older open invitation when the same address is invited again", async () => {
    const email = uniqueEmail();
    const first = await invite({ email });
    const second = await invite({ email });
    const rows = await db.invitation.findMany({ where: { email }, orderBy: { createdAt: "asc" } });
    expect(rows.map((row) => row.id)).toEqual([first.id, second.id]);
    expect(rows[0]?.revokedAt).not.toBeNull();
    expect(rows[1]?.revokedAt).toBeNull();
    expect((await getInvitationByToken(first.token)).state).toBe("unknown");
    expect(await acceptInvitation({ input: acceptInput(first.token) })).toEqual({ ok: false, error: "invitation.unknown" });
    expect((await acceptInvitation({ input: acceptInput(second.token) })).ok).toBe(true);
  });
});

describe("acceptInvitation", () => {
  it("creates the account with the invitation's role and municipality and an argon2id hash", async () => {
    const { email, token, id } = await invite({ role: "PROJECT_LEADER", municipalityId });
    const result = await acceptInvitation({ input: acceptInput(token, { name: "  Fatima de Vries (test) " }) });
    expect(result).toEqual({ ok: true, data: { email } });

    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user).toMatchObject({ name: "Fatima de Vries (test)", role: "PROJECT_LEADER", municipalityId, blockedAt: null });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.passwordHash).not.toContain(NEW_PASSWORD);
    expect(await verifyPassword(user.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(await verifyPassword(user.passwordHash, "Iets-anders-123")).toBe(false);

    const invitation = await db.invitation.findUniqueOrThrow({ where: { id } });
    expect(invitation.acceptedAt).not.toBeNull();
    expect(invitation.acceptedUserId).toBe(user.id);
    expect(await db.auditLog.count({ where: { action: "invitation.accept", targetId: user.id } })).toBe(1);
  });

  it("creates a member without a municipality", async () => {
    const { email, token } = await invite({ role: "MEMBER" });
    expect((await acceptInvitation({ input: acceptInput(token) })).ok).toBe(true);
    expect(await db.user.findUniqueOrThrow({ where: { email } })).toMatchObject({ role: "MEMBER", municipalityId: null });
  });

  it.each([
    ["a password that is too short", { password: "Kort-1", passwordConfirm: "Kort-1" }, "password", "password.tooShort"],
    ["a password of letters only", { password: "alleenmaarletters", passwordConfirm: "alleenmaarletters" }, "password", "password.mix"],
    ["a password of digits only", { password: "123412341234", passwordConfirm: "123412341234" }, "password", "password.mix"],
    ["a common password", { password: "Welkom123456", passwordConfirm: "Welkom123456" }, "password", "password.common"],
    ["a confirmation that differs", { passwordConfirm: `${NEW_PASSWORD}x` }, "passwordConfirm", "password.mismatch"],
    ["a name that is too short", { name: " A " }, "name", "name.tooShort"],
    ["a missing name", { name: undefined }, "name", "name.required"],
  ])("refuses %s and creates no account", async (_label, overrides, field, key) => {
    const { email, token, id } = await invite();
    const result = await acceptInvitation({ input: acceptInput(token, overrides) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBe("form.invalid");
    expect(result.fieldErrors?.[field]).toContain(key);
    expect(await db.user.count({ where: { email } })).toBe(0);
    expect((await db.invitation.findUniqueOrThrow({ where: { id } })).acceptedAt).toBeNull();
    expect((await getInvitationByToken(token)).state).toBe("valid");
  });

  it("refuses a used link and does not create a second account", async () => {
    const { email, token } = await invite();
    expect((await acceptInvitation({ input: acceptInput(token) })).ok).toBe(true);
    const again = await acceptInvitation({ input: acceptInput(token, { name: "Iemand Anders (test)" }) });
    expect(again).toEqual({ ok: false, error: "invitation.used" });
    expect(await db.user.count({ where: { email } })).toBe(1);
    expect((await db.user.findUniqueOrThrow({ where: { email } })).name).toBe("Fatima de Vries (test)");
  });

  it("accepts exactly one of two simultaneous submissions of one link", async () => {
    const { email, token } = await invite();
    const results = await Promise.all([
      acceptInvitation({ input: acceptInput(token, { name: "Eerste Inzending (test)" }) }),
      acceptInvitation({ input: acceptInput(token, { name: "Tweede Inzending (test)" }) }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, error: "invitation.used" }]);
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it("refuses an expired link", async () => {
    const { email, token, id } = await invite();
    await db.invitation.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await acceptInvitation({ input: acceptInput(token) })).toEqual({ ok: false, error: "invitation.expired" });
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("refuses an unknown token", async () => {
    const before = await db.user.count();
    expect(await acceptInvitation({ input: acceptInput("dit-is-geen-echte-token") })).toEqual({ ok: false, error: "invitation.unknown" });
    expect(await db.user.count()).toBe(before);
  });

  it("refuses a revoked link", async () => {
    const { email, token, id } = await invite();
    expect(await revokeInvitation({ actor: coordinator, input: { invitationId: id } })).toEqual({ ok: true, data: null });
    expect(await acceptInvitation({ input: acceptInput(token) })).toEqual({ ok: false, error: "invitation.unknown" });
    expect(await db.user.count({ where: { email } })).toBe(0);
  });
});

describe("revokeInvitation", () => {
  it("lets a coordinator revoke an open invitation and logs it", async () => {
    const { id } = await invite();
    expect(await revokeInvitation({ actor: coordinator, input: { invitationId: id } })).toEqual({ ok: true, data: null });
    expect((await db.invitation.findUniqueOrThrow({ where: { id } })).revokedAt).not.toBeNull();
    expect(await db.auditLog.count({ where: { action: "invitation.revoke", targetId: id, actorId: coordinator.id } })).toBe(1);
  });

  it.each(["MEMBER", "PROJECT_LEADER"] as const)("refuses a %s and leaves the invitation open", async (role) => {
    const { id, token } = await invite();
    const actor = await createActor(role);
    expect(await revokeInvitation({ actor, input: { invitationId: id } })).toEqual({ ok: false, error: "permission.denied" });
    expect((await db.invitation.findUniqueOrThrow({ where: { id } })).revokedAt).toBeNull();
    expect((await getInvitationByToken(token)).state).toBe("valid");
  });

  it("does not let a coordinator revoke an admin's invitation to an admin", async () => {
    const { id } = await invite({ role: "ADMIN" }, admin);
    expect(await revokeInvitation({ actor: coordinator, input: { invitationId: id } })).toEqual({
      ok: false,
      error: "invitation.notFound",
    });
    expect((await db.invitation.findUniqueOrThrow({ where: { id } })).revokedAt).toBeNull();
  });

  it("answers notFound for an invitation that was already accepted", async () => {
    const { id, token } = await invite();
    expect((await acceptInvitation({ input: acceptInput(token) })).ok).toBe(true);
    expect(await revokeInvitation({ actor: coordinator, input: { invitationId: id } })).toEqual({
      ok: false,
      error: "invitation.notFound",
    });
  });
});

describe("getInvitationByToken", () => {
  it("describes a valid link with its email, role and municipality", async () => {
    const { email, token } = await invite({ role: "PROJECT_LEADER", municipalityId });
    const { state, invitation } = await getInvitationByToken(token);
    expect(state).toBe("valid");
    expect(invitation).toMatchObject({ email, role: "PROJECT_LEADER", municipality: { name: "Tilburg (test)" } });
  });

  it("says used, expired or unknown and then reveals nothing", async () => {
    const used = await invite();
    await acceptInvitation({ input: acceptInput(used.token) });
    const expired = await invite();
    await db.invitation.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const revoked = await invite();
    await revokeInvitation({ actor: coordinator, input: { invitationId: revoked.id } });

    expect(await getInvitationByToken(used.token)).toEqual({ state: "used", invitation: null });
    expect(await getInvitationByToken(expired.token)).toEqual({ state: "expired", invitation: null });
    expect(await getInvitationByToken(revoked.token)).toEqual({ state: "unknown", invitation: null });
    expect(await getInvitationByToken("onbekend")).toEqual({ state: "unknown", invitation: null });
  });
});
