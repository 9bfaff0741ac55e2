import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { classifyOidcError } from "@/lib/accounts/oidc-errors";
import { withSsoOutcome } from "@/lib/accounts/oidc-sign-in";
import { acceptInvitation, requestPasswordReset, resetPassword } from "@/lib/accounts/service";
import { readSignInConfig } from "@/lib/accounts/sign-in-config";
import { createToken, INVITATION_TTL_MS } from "@/lib/accounts/tokens";
import { authorizeCredentials, PASSWORD_SIGN_IN_OFF } from "@/lib/auth";
import { db } from "@/lib/db";
import { createUser, TEST_PASSWORD } from "./support/factories";

// Single sign-on's configuration (one line per mistake), the operator's line
// and the page for each way an attempt fails, and PASSWORD_SIGN_IN=off.

const ISSUER = "https://login.gemeente.test";
const full = { OIDC_ISSUER: `${ISSUER}/`, OIDC_CLIENT_ID: "koppelkans", OIDC_CLIENT_SECRET: "geheim" };

function problemWith(env: Record<string, string | undefined>): string {
  try {
    readSignInConfig(env);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("the configuration was accepted");
}

describe("readSignInConfig", () => {
  it("has no SSO and the password form on by default, also for empty values", () => {
    expect(readSignInConfig({})).toEqual({ oidc: null, passwordSignIn: true });
    expect(readSignInConfig({ OIDC_ISSUER: "", OIDC_CLIENT_ID: " ", PASSWORD_SIGN_IN: "" })).toEqual({ oidc: null, passwordSignIn: true });
  });

  it("reads a complete configuration, without the issuer's trailing slash", () => {
    expect(readSignInConfig({ ...full, OIDC_BUTTON_LABEL: "Inloggen met Gemeente Tilburg", PASSWORD_SIGN_IN: "off" })).toEqual({
      oidc: { issuer: ISSUER, clientId: "koppelkans", clientSecret: "geheim", buttonLabel: "Inloggen met Gemeente Tilburg" },
      passwordSignIn: false,
    });
    expect(readSignInConfig(full).oidc?.buttonLabel).toBeNull();
  });

  it.each([
    ["a missing client id", { ...full, OIDC_CLIENT_ID: undefined }, /^OIDC_CLIENT_ID ontbreekt/],
    ["a missing client secret", { ...full, OIDC_CLIENT_SECRET: "" }, /^OIDC_CLIENT_SECRET ontbreekt/],
    ["a missing issuer", { ...full, OIDC_ISSUER: undefined }, /^OIDC_ISSUER ontbreekt/],
    ["an issuer that is no URL", { ...full, OIDC_ISSUER: "login.gemeente.nl" }, /^OIDC_ISSUER=login\.gemeente\.nl is geen geldig adres/],
    ["an http issuer elsewhere than localhost", { ...full, OIDC_ISSUER: "http://login.gemeente.nl" }, /moet met https:\/\/ beginnen/],
    ["an unknown password switch", { PASSWORD_SIGN_IN: "nee" }, /^PASSWORD_SIGN_IN moet on of off zijn/],
    ["password sign-in off without SSO", { PASSWORD_SIGN_IN: "off" }, /^PASSWORD_SIGN_IN=off zonder OIDC_ISSUER/],
  ])("names %s in one line", (_label, env, expected) => {
    const message = problemWith(env);
    expect(message).toMatch(expected);
    expect(message).not.toContain("\n");
  });

  it("stops the server at start with that one line", () => {
    const env = { ...process.env, PORT: "0", ...full, OIDC_CLIENT_ID: "", PASSWORD_SIGN_IN: "off" };
    const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/server.ts"], {
      cwd: path.resolve(import.meta.dirname, ".."),
      env,
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    // One line, whether the server logs plain text or JSON.
    const lines = `${run.stdout}${run.stderr}`.split("\n").filter((line) => line.trim());
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("OIDC_CLIENT_ID ontbreekt: vraag de client-id van Koppelkans");
  });

  it("lets a loopback issuer use http (tests, a provider on the same machine)", () => {
    expect(readSignInConfig({ ...full, OIDC_ISSUER: "http://localhost:3121" }).oidc?.issuer).toBe("http://localhost:3121");
  });
});

describe("classifyOidcError", () => {
  const cases: [string, string, unknown, string, RegExp][] = [
    [
      "a wrong state",
      "OAUTH_CALLBACK_ERROR",
      { error: new Error("state mismatch, expected abc, got: xyz") },
      "attempt",
      /state mismatch\)/,
    ],
    ["a wrong nonce", "OAUTH_CALLBACK_ERROR", { error: new Error("nonce mismatch, expected abc, got: xyz") }, "attempt", /nonce/],
    ["a missing check cookie", "OAUTH_CALLBACK_ERROR", { error: new TypeError("State cookie was missing.") }, "attempt", /state/],
    [
      "a wrong client secret",
      "OAUTH_CALLBACK_ERROR",
      { error: Object.assign(new Error("invalid_client (client authentication failed)"), { error: "invalid_client" }) },
      "config",
      /OIDC_CLIENT_SECRET/,
    ],
    [
      "an unreachable issuer",
      "SIGNIN_OAUTH_ERROR",
      { error: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), { code: "ECONNREFUSED" }) },
      "unavailable",
      /niet bereikbaar/,
    ],
    ["a discovery document that is not one", "SIGNIN_OAUTH_ERROR", { error: new Error("Unexpected token <") }, "unavailable", /discovery/],
    [
      "a person who cancels at the provider",
      "OAUTH_CALLBACK_HANDLER_ERROR",
      { error: new Error("access_denied") },
      "denied",
      /access_denied/,
    ],
    ["anything else", "OAUTH_CALLBACK_ERROR", { error: new Error("something\nodd") }, "failed", /something odd/],
  ];

  it.each(cases)("gives %s its kind and one line naming it", (_label, step, metadata, kind, line) => {
    const classified = classifyOidcError(step, metadata, ISSUER);
    expect(classified.kind).toBe(kind);
    expect(classified.line).toMatch(line);
    expect(classified.line).not.toContain("\n");
  });

  it("leaves the attempt's expected and received values out of the line", () => {
    const { line } = classifyOidcError(
      "OAUTH_CALLBACK_ERROR",
      { error: new Error("nonce mismatch, expected n0nce-abc, got: forged-xyz") },
      ISSUER,
    );
    expect(line).not.toMatch(/n0nce-abc|forged-xyz/);
  });
});

describe("withSsoOutcome (the route's answer)", () => {
  const empty = { user: null, problem: null, blockNoticeToken: null };

  it("leaves a successful answer alone", () => {
    const response = new Response(null, { status: 302, headers: { location: "http://localhost/" } });
    expect(withSsoOutcome(response, empty, { secure: false })).toBe(response);
  });

  it("sends a failed callback to the page for its problem, and a blocked person's notice token in a cookie", () => {
    const response = new Response(null, { status: 302, headers: { location: "http://localhost/api/auth/error?error=OAuthCallback" } });
    const answer = withSsoOutcome(response, { ...empty, problem: "blocked", blockNoticeToken: "abc.def" }, { secure: true });
    expect(new URL(answer.headers.get("location")!).search).toBe("?sso=blocked");
    expect(answer.headers.get("set-cookie")).toMatch(
      /^koppelkans\.sso-block-notice=abc\.def; Path=\/inloggen; Max-Age=600; HttpOnly; SameSite=Lax; Secure$/,
    );
  });

  it("rewrites the JSON the sign-in button follows when the provider cannot be asked", async () => {
    const response = Response.json({ url: "http://localhost/api/auth/error?error=OAuthSignin" });
    const answer = withSsoOutcome(response, { ...empty, problem: "unavailable" }, { secure: false });
    expect(new URL(((await answer.json()) as { url: string }).url).search).toBe("?sso=unavailable");
  });
});

describe("PASSWORD_SIGN_IN=off", () => {
  afterEach(() => {
    delete process.env.PASSWORD_SIGN_IN;
    delete process.env.OIDC_ISSUER;
    delete process.env.OIDC_CLIENT_ID;
    delete process.env.OIDC_CLIENT_SECRET;
  });

  function switchOff() {
    Object.assign(process.env, full, { PASSWORD_SIGN_IN: "off" });
  }

  it("refuses the right email and password on the server", async () => {
    const user = await createUser();
    switchOff();
    await expect(authorizeCredentials({ email: user.email, password: TEST_PASSWORD }, "10.9.0.1")).rejects.toThrow(PASSWORD_SIGN_IN_OFF);
    delete process.env.PASSWORD_SIGN_IN;
    expect(await authorizeCredentials({ email: user.email, password: TEST_PASSWORD }, "10.9.0.1")).toMatchObject({ id: user.id });
  });

  it("refuses reset requests, reset links and invitations with a password, and writes nothing", async () => {
    vi.spyOn(console, "info").mockImplementation(() => {});
    const user = await createUser();
    const inviter = await createUser({ role: "COORDINATOR" });
    // A valid invitation link: refused for the switch, not for the link.
    const { token, tokenHash } = createToken();
    const expiresAt = new Date(Date.now() + INVITATION_TTL_MS);
    await db.invitation.create({
      data: { email: `off-${user.id}@example.nl`, role: "MEMBER", tokenHash, invitedById: inviter.id, expiresAt },
    });
    switchOff();
    const before = { emails: await db.emailMessage.count(), audit: await db.auditLog.count() };
    const refused = { ok: false, error: "signIn.PasswordSignInOff" };
    expect(await requestPasswordReset({ input: { email: user.email }, ip: "10.9.0.2" })).toEqual(refused);
    const password = "Zonnepaneel-op-het-dak-7";
    expect(await resetPassword({ input: { token, password, passwordConfirm: password } })).toEqual(refused);
    expect(await acceptInvitation({ input: { token, name: "Iemand (test)", password, passwordConfirm: password } })).toEqual(refused);
    expect({ emails: await db.emailMessage.count(), audit: await db.auditLog.count() }).toEqual(before);
  });
});
