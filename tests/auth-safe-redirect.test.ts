import { describe, expect, it, vi } from "vitest";
import { authOptions } from "@/lib/auth";
import { safeCallbackPath } from "@/lib/safe-redirect";

const ORIGIN = "https://koppelkans.test";

// The sign-in page asks getCurrentUser; here a visitor is always signed in, so the page redirects at once.
vi.mock("@/lib/session", () => ({ getCurrentUser: async () => ({ id: "signed-in" }) }));

/** Where a browser ends up when it follows `path` from our site and from any other base. */
function staysOnSite(path: string) {
  expect(path).toMatch(/^\/(?![/\\])/);
  expect(path).not.toMatch(/[\u0000-\u001f\u007f\s\\]/);
  expect(new URL(path, ORIGIN).origin).toBe(ORIGIN);
  expect(new URL(path, "http://elders.example").origin).toBe("http://elders.example");
}

// As the page receives them: Next.js has decoded the query string once.
const hostile = [
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r/evil.example",
  "/\t\\evil.example",
  "/\r\n/evil.example",
  "/\t\t//evil.example",
  "\t//evil.example",
  " //evil.example",
  "//evil.example",
  "///evil.example",
  "//evil.example:443/pad",
  "/\\evil.example",
  "\\\\evil.example",
  "\\/\\/evil.example",
  "/\\/evil.example",
  "//\tevil.example",
  "https://evil.example",
  "http://evil.example/updates",
  "HTTPS://EVIL.EXAMPLE",
  "http://koppelkans.test/",
  "https://koppelkans.test@evil.example/",
  "https://koppelkans.test.evil.example/",
  "https://evil.example\\@koppelkans.test",
  "//evil.example\\@koppelkans.test",
  "ftp://evil.example",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "\u0000javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "/.//evil.example",
  "/..//evil.example",
  "/%2e//evil.example",
  "/%2E%2E//evil.example",
  "https://koppelkans.test/.//evil.example",
];

describe("safeCallbackPath", () => {
  it.each(hostile)("sends %j to the start page", (value) => {
    expect(safeCallbackPath(value, ORIGIN)).toBe("/");
  });

  it.each([
    ["/updates?q=a#x", "/updates?q=a#x"],
    ["/", "/"],
    ["/profiel", "/profiel"],
    ["/meldingen/abc123", "/meldingen/abc123"],
    ["/updates?opgave=aardgasvrij&page=2", "/updates?opgave=aardgasvrij&page=2"],
    ["https://koppelkans.test/updates?q=a", "/updates?q=a"],
    ["/updates/../profiel", "/profiel"],
    ["/zoeken?q=warmte pomp", "/zoeken?q=warmte%20pomp"],
    ["/updates\t?q=a", "/updates?q=a"],
    // Encoded slashes stay part of one path on our own site; the browser does not decode them into a host.
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
    ["/%5Cevil.example", "/%5Cevil.example"],
    ["/%09/evil.example", "/%09/evil.example"],
    ["%2F%2Fevil.example", "/%2F%2Fevil.example"],
  ])("keeps %j on the site as %j", (value, expected) => {
    expect(safeCallbackPath(value, ORIGIN)).toBe(expected);
  });

  it.each([
    ["http:evil.example", "/"],
    ["http:/evil.example", "/"],
    ["wss:evil.example", "/"],
    // Our own scheme without "//" is a path on our own site, as a browser reads it too.
    ["https:evil.example", "/evil.example"],
    ["https:/evil.example", "/evil.example"],
  ])("reads a scheme without two slashes (%j) as a browser does: %j", (value, expected) => {
    expect(safeCallbackPath(value, ORIGIN)).toBe(expected);
  });

  it.each([undefined, null, 42, ["/profiel"], { href: "/profiel" }, ""])("sends a non-path (%j) to the start page", (value) => {
    expect(safeCallbackPath(value, ORIGIN)).toBe("/");
  });

  it("never answers a path that leaves the site or holds a control character", () => {
    const spellings = [...hostile, "/updates?q=a#x", "/%2F%2Fx", "/\u0085/x", "/a\u2028b", "/é?q=ü#ß"];
    for (const value of spellings) staysOnSite(safeCallbackPath(value, ORIGIN));
  });

  it("uses the app's own origin by default", () => {
    const original = process.env.APP_URL;
    process.env.APP_URL = ORIGIN;
    try {
      expect(safeCallbackPath(`${ORIGIN}/updates`)).toBe("/updates");
      expect(safeCallbackPath("//evil.example")).toBe("/");
    } finally {
      if (original === undefined) delete process.env.APP_URL;
      else process.env.APP_URL = original;
    }
  });
});

describe("next-auth's redirect callback", () => {
  const redirect = (url: string) => authOptions.callbacks!.redirect!({ url, baseUrl: "http://localhost:3000" });

  it.each(hostile)("sends %j to the start page", async (url) => {
    expect(await redirect(url)).toBe("http://localhost:3000/");
  });

  it("keeps a path on the site (sign-out's own target included)", async () => {
    expect(await redirect("/updates?q=a#x")).toBe("http://localhost:3000/updates?q=a#x");
    expect(await redirect("/inloggen?status=signedOut")).toBe("http://localhost:3000/inloggen?status=signedOut");
    expect(await redirect("http://localhost:3000/profiel")).toBe("http://localhost:3000/profiel");
  });
});

const { default: SignInPage } = await import("@/app/(auth)/inloggen/page");

describe("the sign-in page, for a visitor who is signed in already", () => {
  async function locationFor(callbackUrl: string): Promise<string> {
    const error = await SignInPage({ searchParams: Promise.resolve({ callbackUrl }), params: Promise.resolve({}) } as never).then(
      () => null,
      (thrown: unknown) => thrown as { digest?: string },
    );
    // next/navigation's redirect throws NEXT_REDIRECT;<type>;<url>;<status>;
    const [kind, , location, status] = (error?.digest ?? "").split(";");
    expect(kind).toBe("NEXT_REDIRECT");
    expect(status).toBe("307");
    return location!;
  }

  it.each(["/\t/evil.example", "/\t\\evil.example", "/\n/evil.example", "/\r/evil.example", "\\/\\/evil.example"])(
    "redirects %j to the start page",
    async (callbackUrl) => {
      expect(await locationFor(callbackUrl)).toBe("/");
    },
  );

  it("redirects to a path on the site", async () => {
    expect(await locationFor("/updates?q=a#x")).toBe("/updates?q=a#x");
  });
});
