import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/policy/permissions";

// The image route asks lib/session.ts for the user; here the test decides who that is.
const session = vi.hoisted(() => ({ user: null as Actor | null }));
vi.mock("@/lib/session", () => ({ getCurrentUser: async () => session.user }));

const SECRET = "test-secret-for-the-proxy-csp-0123456789abcdef";
const IMAGE_CSP = "default-src 'none'; sandbox";

/** A request with a session cookie the proxy accepts (it only checks the signed token). */
async function signedIn(path: string): Promise<NextRequest> {
  const token = await encode({ token: { sub: "cuser000000000000000000000", name: "Test" }, secret: SECRET });
  return new NextRequest(`http://localhost${path}`, { headers: { cookie: `next-auth.session-token=${token}` } });
}

beforeAll(() => {
  process.env.NEXTAUTH_SECRET = SECRET;
  delete process.env.NEXTAUTH_URL;
});

describe("the page CSP of proxy.ts", () => {
  it("is set on pages", async () => {
    const { proxy } = await import("@/proxy");
    const page = await proxy(await signedIn("/updates"));
    expect(page.headers.get("location")).toBeNull();
    expect(page.headers.get("Content-Security-Policy")).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  });

  it("leaves /beelden/ to the image route's own sandbox CSP, and still asks visitors to sign in", async () => {
    const { proxy } = await import("@/proxy");
    const image = await proxy(await signedIn("/beelden/cabc0000000000000000000000"));
    expect(image.headers.get("location")).toBeNull();
    expect(image.headers.get("Content-Security-Policy")).toBeNull();
    const visitor = await proxy(new NextRequest("http://localhost/beelden/cabc0000000000000000000000"));
    expect(visitor.headers.get("location")).toMatch(/\/inloggen\?callbackUrl=%2Fbeelden%2F/);
  });

  it("the image route sends the sandbox CSP on every answer, also a 401 or a 404", async () => {
    const { GET } = await import("@/app/beelden/[id]/route");
    const get = (id: string) => GET(new NextRequest(`http://localhost/beelden/${id}`), { params: Promise.resolve({ id }) });
    session.user = null;
    const unauthorized = await get("cabc0000000000000000000000");
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.headers.get("Content-Security-Policy")).toBe(IMAGE_CSP);
    session.user = { id: "cuser000000000000000000000", role: "MEMBER", municipalityId: null };
    const missing = await get("cabc0000000000000000000000");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("Content-Security-Policy")).toBe(IMAGE_CSP);
  });
});
