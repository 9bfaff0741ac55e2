import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { clientIp } from "@/lib/http/client-ip";
import { resetRateLimiters, SIGN_IN_LIMITS } from "@/lib/rate-limit";
import { AuthBrowser, useFakeNextHeaders } from "./support/auth-browser";
import { createUser, TEST_PASSWORD, unique, uniqueEmail } from "./support/factories";

const { GET, POST } = await import("@/app/api/auth/[...nextauth]/route");
const handler = (request: Parameters<typeof GET>[0], context: Parameters<typeof GET>[1]) =>
  request.method === "POST" ? POST(request, context) : GET(request, context);

beforeAll(() => {
  process.env.NEXTAUTH_SECRET = "test-secret-for-auth-client-ip";
  process.env.NEXTAUTH_URL = "http://localhost:3000";
  process.env.RATE_LIMIT_STORE = "memory";
});

beforeEach(() => {
  useFakeNextHeaders();
  resetRateLimiters();
});

const spoofed = () => `203.0.113.${unique()}`;

/** A browser at `ip` (as the project's server reports it) that also sends made-up forwarding headers. */
const from = (ip: string) =>
  new AuthBrowser(handler, { "x-koppelkans-client-ip": ip, "x-forwarded-for": `${spoofed()}, ${ip}`, "x-real-ip": spoofed() });

describe("the client address of a sign-in", () => {
  it("is the server's x-koppelkans-client-ip header only", () => {
    expect(clientIp(new Headers({ "x-koppelkans-client-ip": "198.51.100.1", "x-forwarded-for": "203.0.113.9" }))).toBe("198.51.100.1");
    expect(clientIp({ "x-forwarded-for": "203.0.113.9", "x-real-ip": "203.0.113.10" })).toBe("unknown");
  });

  it("cannot be changed with X-Forwarded-For or X-Real-IP to dodge the per-address limit", async () => {
    const ip = `198.51.100.${unique()}`;
    // Different emails, so only the per-address limit can be reached.
    for (let attempt = 0; attempt < SIGN_IN_LIMITS.perIp.points; attempt++) {
      const { status, url } = await from(ip).signIn(uniqueEmail("spray"), "Verkeerd-wachtwoord-1");
      expect(status).toBe(401);
      expect(new URL(url).searchParams.get("error")).toBe("CredentialsSignin");
    }
    const user = await createUser();
    const refused = await from(ip).signIn(user.email, TEST_PASSWORD);
    expect(refused.status).toBe(401);
    expect(new URL(refused.url).searchParams.get("error")).toBe("RateLimited");

    // From another address, whatever it claims to be forwarded for, the person gets in.
    expect((await from(`198.51.100.${unique()}`).signIn(user.email, TEST_PASSWORD)).status).toBe(200);
  });
});
