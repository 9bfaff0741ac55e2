import { getToken } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetRateLimiters } from "@/lib/rate-limit";
import { getCurrentUser } from "@/lib/session";
import { AuthBrowser, useFakeNextHeaders } from "./support/auth-browser";
import { createUser, TEST_PASSWORD } from "./support/factories";

const { GET, POST } = await import("@/app/api/auth/[...nextauth]/route");
const handler = (request: Parameters<typeof GET>[0], context: Parameters<typeof GET>[1]) =>
  request.method === "POST" ? POST(request, context) : GET(request, context);
const SECRET = "test-secret-for-auth-cookies";

beforeAll(() => {
  process.env.NEXTAUTH_SECRET = SECRET;
  process.env.RATE_LIMIT_STORE = "memory";
});

beforeEach(() => {
  process.env.NEXTAUTH_URL = "http://localhost:3000";
  useFakeNextHeaders();
  resetRateLimiters();
});

afterEach(() => {
  process.env.NEXTAUTH_URL = "http://localhost:3000";
});

/** The Set-Cookie header a credentials sign-in answered for `name`, split into its attributes. */
async function signInCookies(headers: Record<string, string>) {
  const user = await createUser();
  const browser = new AuthBrowser(handler, headers);
  expect((await browser.signIn(user.email, TEST_PASSWORD)).status).toBe(200);
  const attributes = (name: string) => {
    const header = browser.setCookies.findLast((cookie) => cookie.startsWith(`${name}=`));
    expect(header, `Set-Cookie for ${name}`).toBeDefined();
    return header!
      .split(";")
      .slice(1)
      .map((part) => part.trim().toLowerCase());
  };
  return { user, browser, attributes };
}

/** Whether proxy.ts (getToken with its defaults) finds the session in these cookies. */
async function proxyFindsSession(browser: AuthBrowser) {
  const cookie = [...browser.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  const request = new NextRequest("http://localhost:3000/updates", { headers: { cookie } });
  return (await getToken({ req: request, secret: SECRET })) !== null;
}

describe("session cookie attributes", () => {
  it("sets Secure, HttpOnly and SameSite=Lax behind an HTTPS proxy (X-Forwarded-Proto), with the usual names", async () => {
    const { user, browser, attributes } = await signInCookies({ "x-forwarded-proto": "https" });
    const session = attributes("next-auth.session-token");
    expect(session).toEqual(expect.arrayContaining(["secure", "httponly", "samesite=lax", "path=/"]));
    for (const name of ["next-auth.csrf-token", "next-auth.callback-url"]) expect(attributes(name)).toContain("secure");

    // The name did not change, so the pages and the proxy still find the session.
    browser.enter();
    expect((await getCurrentUser())?.id).toBe(user.id);
    expect(await proxyFindsSession(browser)).toBe(true);
  });

  it("reads only the first X-Forwarded-Proto of a chain of proxies", async () => {
    const { attributes } = await signInCookies({ "x-forwarded-proto": "https, http" });
    expect(attributes("next-auth.session-token")).toContain("secure");
  });

  it("leaves Secure off over plain HTTP (a browser would drop the cookie on http://localhost otherwise)", async () => {
    const { attributes } = await signInCookies({});
    const session = attributes("next-auth.session-token");
    expect(session).toEqual(expect.arrayContaining(["httponly", "samesite=lax"]));
    expect(session).not.toContain("secure");
  });

  it("keeps next-auth's __Secure- name when NEXTAUTH_URL is https, which is what the proxy looks for", async () => {
    process.env.NEXTAUTH_URL = "https://koppelkans.test";
    const { browser, attributes } = await signInCookies({});
    expect(attributes("__Secure-next-auth.session-token")).toEqual(expect.arrayContaining(["secure", "httponly", "samesite=lax"]));
    expect(await proxyFindsSession(browser)).toBe(true);
  });
});
