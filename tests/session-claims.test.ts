import { NextRequest } from "next/server";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { setUserBlocked } from "@/lib/accounts/service";
import { openSessionClaims, sealSessionClaims, SESSION_CLAIMS_HEADER, type SessionClaims } from "@/lib/accounts/session-claims";
import { sessionCookie } from "@/lib/auth";
import { resetRateLimiters } from "@/lib/rate-limit";
import { getCurrentUser } from "@/lib/session";
import { AuthBrowser, requestScope, useFakeNextHeaders } from "./support/auth-browser";
import { createActor, createUser, TEST_PASSWORD } from "./support/factories";

// Counts how often the app decrypts the cookie itself (next-auth's getServerSession), the work the proxy's seal saves.
const decodes = vi.hoisted(() => ({ count: 0 }));
vi.mock("next-auth", async (importOriginal) => {
  const original = await importOriginal<typeof import("next-auth")>();
  return {
    ...original,
    getServerSession: (...args: Parameters<typeof original.getServerSession>) => {
      decodes.count += 1;
      return original.getServerSession(...args);
    },
  };
});
vi.mock("next/headers", async () => (await import("./support/auth-browser")).fakeNextHeaders);

const { GET, POST } = await import("@/app/api/auth/[...nextauth]/route");
const { proxy } = await import("@/proxy");
const handler = (request: Parameters<typeof GET>[0], context: Parameters<typeof GET>[1]) =>
  request.method === "POST" ? POST(request, context) : GET(request, context);
const SECRET = "test-secret-for-session-claims-0123456789";
const COOKIE = "next-auth.session-token";

beforeAll(() => {
  process.env.NEXTAUTH_SECRET = SECRET;
  process.env.NEXTAUTH_URL = "http://localhost:3000";
  process.env.RATE_LIMIT_STORE = "memory";
});

beforeEach(() => {
  useFakeNextHeaders();
  resetRateLimiters();
  decodes.count = 0;
});

async function signedIn(user: { email: string }) {
  const visitor = new AuthBrowser(handler);
  expect((await visitor.signIn(user.email, TEST_PASSWORD)).status).toBe(200);
  return visitor;
}

function cookieHeader(visitor: AuthBrowser) {
  return [...visitor.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
}

/** The request headers the proxy hands the app (Next.js carries them as x-middleware-request-*). */
async function throughProxy(path: string, headers: Record<string, string>) {
  const response = await proxy(new NextRequest(`http://localhost:3000${path}`, { headers }));
  const overridden = (response.headers.get("x-middleware-override-headers") ?? "").split(",");
  return {
    response,
    forwards: (name: string) => overridden.includes(name),
    header: (name: string) => response.headers.get(`x-middleware-request-${name}`),
  };
}

/** Who getCurrentUser says the visitor is when the proxy's header is `claimsHeader`. */
async function whoIs(visitor: AuthBrowser, claimsHeader: string | null) {
  visitor.enter();
  if (claimsHeader !== null) requestScope.headers.set(SESSION_CLAIMS_HEADER, claimsHeader);
  return (await getCurrentUser())?.id ?? null;
}

const cookiesOf = (value: string) => ({ getAll: () => [{ name: COOKIE, value }] });
const claims: SessionClaims = { uid: "cuser000000000000000000001", sv: 0, sid: "a".repeat(64), exp: Math.floor(Date.now() / 1000) + 3600 };

describe("the session claims header of proxy.ts", () => {
  it("uses the same cookie name as next-auth's options", () => {
    expect(sessionCookie().name).toBe(COOKIE);
  });

  it("hands the app the claims it decoded, and getCurrentUser uses them without decrypting the cookie again", async () => {
    const user = await createUser();
    const visitor = await signedIn(user);
    const { header, forwards } = await throughProxy("/updates", { cookie: cookieHeader(visitor) });
    expect(forwards(SESSION_CLAIMS_HEADER)).toBe(true);
    const sealed = header(SESSION_CLAIMS_HEADER);
    expect(sealed).toBeTruthy();

    decodes.count = 0;
    expect(await whoIs(visitor, sealed)).toBe(user.id);
    expect(decodes.count).toBe(0);
    // Without the header (a route the proxy does not see), the app decodes the cookie itself.
    expect(await whoIs(visitor, null)).toBe(user.id);
    expect(decodes.count).toBe(1);
  });

  it("replaces a header the browser sent with its own, also on public pages and without a cookie", async () => {
    const forged = sealSessionClaims(claims, cookiesOf("a cookie the proxy never sees"))!;
    const victim = await createUser();
    const attacker = await signedIn(await createUser());
    for (const path of ["/updates", "/inspiratie", "/api/members"]) {
      const { header } = await throughProxy(path, { cookie: cookieHeader(attacker), [SESSION_CLAIMS_HEADER]: forged });
      expect(header(SESSION_CLAIMS_HEADER)).not.toBe(forged);
      expect(openSessionClaims(header(SESSION_CLAIMS_HEADER), cookiesOf(attacker.cookies.get(COOKIE)!))?.uid).not.toBe(victim.id);
    }
    const anonymous = await throughProxy("/inspiratie", { [SESSION_CLAIMS_HEADER]: forged });
    expect(anonymous.header(SESSION_CLAIMS_HEADER)).not.toBe(forged);
    expect(openSessionClaims(anonymous.header(SESSION_CLAIMS_HEADER), cookiesOf(""))).toBeNull();
  });

  it("ignores a forged header that reaches the app past the proxy: wrong key, other cookie, edited claims", async () => {
    const victim = await createUser();
    const attacker = await signedIn(await createUser());
    const attackerId = await whoIs(attacker, null);
    const victimClaims = { ...claims, uid: victim.id };

    process.env.NEXTAUTH_SECRET = "a-guessed-secret";
    const wrongKey = sealSessionClaims(victimClaims, cookiesOf(attacker.cookies.get(COOKIE)!))!;
    process.env.NEXTAUTH_SECRET = SECRET;
    const otherCookie = sealSessionClaims(victimClaims, cookiesOf("a cookie of someone else"))!;
    const { header } = await throughProxy("/updates", { cookie: cookieHeader(attacker) });
    const [, mac] = header(SESSION_CLAIMS_HEADER)!.split(".");
    const edited = `${Buffer.from(JSON.stringify(victimClaims)).toString("base64url")}.${mac}`;

    for (const forged of [wrongKey, otherCookie, edited, "null", "x.y.z"]) {
      expect(openSessionClaims(forged, cookiesOf(attacker.cookies.get(COOKIE)!))).toBeUndefined();
      // getCurrentUser falls back to decoding the cookie: the attacker stays the attacker.
      expect(await whoIs(attacker, forged)).toBe(attackerId);
    }
    // Without any cookie a forged header is nobody.
    expect(await whoIs(new AuthBrowser(handler), otherCookie)).toBeNull();
  });

  it("treats claims past their expiry as no session", () => {
    const expired = sealSessionClaims({ ...claims, exp: Math.floor(Date.now() / 1000) - 1 }, cookiesOf("c"))!;
    expect(openSessionClaims(expired, cookiesOf("c"))).toBeNull();
    expect(openSessionClaims(sealSessionClaims(claims, cookiesOf("c")), cookiesOf("c"))).toEqual(claims);
  });

  it("stays as strict as before: a blocked person or a signed-out session is signed out, with the header too", async () => {
    const coordinator = await createActor("COORDINATOR");
    const member = await createUser();
    const visitor = await signedIn(member);
    const sealed = (await throughProxy("/updates", { cookie: cookieHeader(visitor) })).header(SESSION_CLAIMS_HEADER);
    expect(await whoIs(visitor, sealed)).toBe(member.id);
    expect((await setUserBlocked({ actor: coordinator, input: { userId: member.id, reason: "Test: blokkade" }, blocked: true })).ok).toBe(
      true,
    );
    expect(await whoIs(visitor, sealed)).toBeNull();

    const other = await createUser();
    const laptop = await signedIn(other);
    const kept = laptop.copyTo(new AuthBrowser(handler));
    const laptopSeal = (await throughProxy("/updates", { cookie: cookieHeader(laptop) })).header(SESSION_CLAIMS_HEADER);
    await laptop.signOut();
    // The copied cookie and the proxy's seal for it both name a Session row that is gone.
    expect(await whoIs(kept, laptopSeal)).toBeNull();
  });

  it("counts only the cookie, as getServerSession did: a token in an Authorization header is no session", async () => {
    const user = await createUser();
    const visitor = await signedIn(user);
    const { header } = await throughProxy("/api/members", { authorization: `Bearer ${visitor.cookies.get(COOKIE)}` });
    expect(openSessionClaims(header(SESSION_CLAIMS_HEADER), cookiesOf(""))).toBeNull();
    expect(await whoIs(new AuthBrowser(handler), header(SESSION_CLAIMS_HEADER))).toBeNull();
  });

  it("still sends visitors without a session to the sign-in page", async () => {
    const { response } = await throughProxy("/updates", { [SESSION_CLAIMS_HEADER]: sealSessionClaims(claims, cookiesOf(""))! });
    expect(response.headers.get("location")).toMatch(/\/inloggen\?callbackUrl=%2Fupdates/);
  });
});
