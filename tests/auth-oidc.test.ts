import { randomUUID } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { verifyBlockNoticeToken } from "@/lib/accounts/block-notice";
import { linkOidcSignIn, oidcAccountProvider, type OidcClaims } from "@/lib/accounts/oidc-link";
import { admitOidcSignIn } from "@/lib/accounts/oidc-sign-in";
import { runSsoRequest } from "@/lib/accounts/sso-request";
import { createToken, INVITATION_TTL_MS } from "@/lib/accounts/tokens";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { createMunicipality, createUser, uniqueEmail } from "./support/factories";

// The linking rule of single sign-on (lib/accounts/oidc-link.ts): a verified
// email links an invitation or an account, a linked `sub` signs in, anything
// else is refused without a row written.

const ISSUER = "https://login.gemeente.test/realms/medewerkers";
let inviterId: string;

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET ??= "test-secret-for-block-notices";
  inviterId = (await createUser({ role: "COORDINATOR" })).id;
});

beforeEach(() => {
  vi.spyOn(console, "info").mockImplementation(() => {});
});

async function invite(
  email: string,
  role: Role = "MEMBER",
  overrides: { municipalityId?: string; expiresAt?: Date; revokedAt?: Date } = {},
) {
  return db.invitation.create({
    data: {
      email,
      role,
      municipalityId: overrides.municipalityId ?? null,
      tokenHash: createToken().tokenHash,
      invitedById: inviterId,
      expiresAt: overrides.expiresAt ?? new Date(Date.now() + INVITATION_TTL_MS),
      revokedAt: overrides.revokedAt ?? null,
    },
  });
}

function claims(email: string, overrides: Partial<OidcClaims> = {}): OidcClaims {
  return { issuer: ISSUER, subject: randomUUID(), email, emailVerified: true, name: "Noor Jansen (test)", ...overrides };
}

/** Links `input` and answers what that wrote: users with the address, accounts with the subject, audit rows (the file's tests run one at a time). */
async function linkAndCount(input: OidcClaims, email: string) {
  const auditBefore = await db.auditLog.count();
  const result = await linkOidcSignIn(input);
  const [users, accounts, auditAfter] = await Promise.all([
    db.user.count({ where: { email } }),
    db.account.count({ where: { providerAccountId: input.subject } }),
    db.auditLog.count(),
  ]);
  return { result, written: { users, accounts, audit: auditAfter - auditBefore } };
}

describe("linkOidcSignIn: an invited person", () => {
  it("turns the open invitation into an account with the invited role and municipality, accepted and audited", async () => {
    const email = uniqueEmail("invitee");
    const municipality = await createMunicipality();
    const invitation = await invite(email, "PROJECT_LEADER", { municipalityId: municipality.id });
    const input = claims(email);
    const result = await linkOidcSignIn(input);
    expect(result).toMatchObject({ ok: true, data: { status: "signed-in", via: "invitation" } });
    const user = await db.user.findUniqueOrThrow({ where: { email }, include: { accounts: true } });
    expect(user).toMatchObject({ role: "PROJECT_LEADER", municipalityId: municipality.id, name: "Noor Jansen (test)", passwordHash: null });
    expect(user.accounts).toEqual([expect.objectContaining({ provider: oidcAccountProvider(ISSUER), providerAccountId: input.subject })]);
    expect(await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).toMatchObject({ acceptedUserId: user.id });
    const audit = await db.auditLog.findMany({ where: { targetId: user.id }, orderBy: { action: "asc" } });
    expect(audit.map((row) => [row.action, row.actorId])).toEqual([
      ["invitation.accept", user.id],
      ["user.sso-link", user.id],
    ]);
    expect(audit[1]?.data).toEqual({ issuer: ISSUER });
  });

  it("signs the same person in again by their sub, without writing anything", async () => {
    const email = uniqueEmail("again");
    await invite(email);
    const input = claims(email);
    const first = await linkOidcSignIn(input);
    const auditBefore = await db.auditLog.count();
    // The provider may later send another address, or none: the sub is who it is.
    const second = await linkOidcSignIn({ ...input, email: uniqueEmail("renamed"), emailVerified: false });
    const { id } = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    expect(first).toMatchObject({ ok: true, data: { via: "invitation", user: { id } } });
    expect(second).toMatchObject({ ok: true, data: { status: "signed-in", via: "account", user: { id } } });
    expect(await db.auditLog.count()).toBe(auditBefore);
  });

  it("matches the invitation case-insensitively", async () => {
    const email = uniqueEmail("case");
    await invite(email);
    expect(await linkOidcSignIn(claims(email.toUpperCase()))).toMatchObject({ ok: true, data: { via: "invitation" } });
  });

  it("names the account after the address when the provider sends no usable name", async () => {
    const email = uniqueEmail("nameless");
    await invite(email);
    await linkOidcSignIn(claims(email, { name: undefined }));
    expect((await db.user.findUniqueOrThrow({ where: { email } })).name).toBe(email);
  });
});

describe("linkOidcSignIn: never by an unverified claim", () => {
  it.each([
    ["false", false],
    ['the string "true"', "true"],
    ["missing", undefined],
  ])("refuses an invited person whose email_verified is %s, and writes nothing", async (_label, emailVerified) => {
    const email = uniqueEmail("unverified");
    const invitation = await invite(email);
    const { result, written } = await linkAndCount(claims(email, { emailVerified }), email);
    expect(result).toEqual({ ok: false, error: "sso.unverified" });
    expect(written).toEqual({ users: 0, accounts: 0, audit: 0 });
    expect(await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).toMatchObject({
      acceptedAt: null,
      acceptedUserId: null,
    });
  });

  it("does not link an existing account by an unverified email", async () => {
    const user = await createUser();
    const input = claims(user.email, { emailVerified: false });
    expect(await linkOidcSignIn(input)).toEqual({ ok: false, error: "sso.unverified" });
    expect(await db.account.count({ where: { userId: user.id } })).toBe(0);
  });

  it("refuses claims without an email address", async () => {
    expect(await linkOidcSignIn(claims("", { email: undefined }))).toEqual({ ok: false, error: "sso.unverified" });
  });
});

describe("linkOidcSignIn: uninvited people", () => {
  it("refuses a verified address without an invitation, and creates no user or account", async () => {
    const email = uniqueEmail("stranger");
    const { result, written } = await linkAndCount(claims(email), email);
    expect(result).toEqual({ ok: false, error: "sso.uninvited" });
    expect(written).toEqual({ users: 0, accounts: 0, audit: 0 });
  });

  it.each([
    ["expired", { expiresAt: new Date(Date.now() - 1000) }],
    ["revoked", { revokedAt: new Date() }],
  ])("treats an %s invitation as none", async (_label, overrides) => {
    const email = uniqueEmail("stale");
    await invite(email, "MEMBER", overrides);
    expect(await linkOidcSignIn(claims(email))).toEqual({ ok: false, error: "sso.uninvited" });
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("does not take an account linked at another issuer for the same sub", async () => {
    const email = uniqueEmail("issuer");
    await invite(email);
    const input = claims(email);
    await linkOidcSignIn(input);
    const elsewhere = await linkOidcSignIn({ ...input, issuer: "https://other-idp.test", email: uniqueEmail("other") });
    expect(elsewhere).toEqual({ ok: false, error: "sso.uninvited" });
  });
});

describe("linkOidcSignIn: existing accounts and blocks", () => {
  it("links an existing account by verified email, keeps its role and password, and audits the link", async () => {
    const user = await createUser({ role: "COORDINATOR" });
    const input = claims(user.email);
    const result = await linkOidcSignIn(input);
    expect(result).toEqual({
      ok: true,
      data: { status: "signed-in", via: "email", user: { id: user.id, sessionVersion: user.sessionVersion } },
    });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id }, include: { accounts: true } });
    expect(after).toMatchObject({ role: "COORDINATOR", passwordHash: user.passwordHash, name: user.name });
    expect(after.accounts).toHaveLength(1);
    expect(await db.auditLog.count({ where: { action: "user.sso-link", targetId: user.id } })).toBe(1);
  });

  it("refuses a blocked person found by email, without linking", async () => {
    const user = await createUser({ blocked: true });
    expect(await linkOidcSignIn(claims(user.email))).toEqual({ ok: true, data: { status: "blocked", userId: user.id } });
    expect(await db.account.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { targetId: user.id } })).toBe(0);
  });

  it("refuses a linked person who was blocked later, and admits them once the block has ended", async () => {
    const user = await createUser();
    const input = claims(user.email);
    await linkOidcSignIn(input);
    await db.user.update({ where: { id: user.id }, data: { blockedAt: new Date(), blockedUntil: new Date(Date.now() + 86_400_000) } });
    expect(await linkOidcSignIn(input)).toEqual({ ok: true, data: { status: "blocked", userId: user.id } });
    await db.user.update({ where: { id: user.id }, data: { blockedUntil: new Date(Date.now() - 1000) } });
    expect(await linkOidcSignIn(input)).toMatchObject({ ok: true, data: { status: "signed-in", via: "account" } });
  });
});

describe("admitOidcSignIn (the signIn callback)", () => {
  it("records the linked account for the jwt callback", async () => {
    const email = uniqueEmail("admit");
    await invite(email);
    const sub = randomUUID();
    const outcome = await runSsoRequest(async (request) => ({
      answer: await admitOidcSignIn({ sub, email, email_verified: true, name: "Sem de Boer (test)" }, ISSUER),
      request,
    }));
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(outcome.answer).toBe(true);
    expect(outcome.request.user).toEqual({ id: user.id, sessionVersion: 0 });
  });

  it("sends an uninvited person to the sign-in page that explains it", async () => {
    const outcome = await runSsoRequest(async (request) => ({
      answer: await admitOidcSignIn({ sub: randomUUID(), email: uniqueEmail("nobody"), email_verified: true }, ISSUER),
      request,
    }));
    expect(outcome.answer).toMatch(/\/inloggen\?sso=uninvited$/);
    expect(outcome.request).toMatchObject({ user: null, problem: "uninvited" });
  });

  it("hands a blocked person a notice token for their own account only", async () => {
    const user = await createUser({ blocked: true });
    const outcome = await runSsoRequest(async (request) => ({
      answer: await admitOidcSignIn({ sub: randomUUID(), email: user.email, email_verified: true }, ISSUER),
      request,
    }));
    expect(outcome.answer).toMatch(/\/inloggen\?sso=blocked$/);
    expect(verifyBlockNoticeToken(outcome.request.blockNoticeToken)).toBe(user.id);
    expect(outcome.request.user).toBeNull();
  });
});
