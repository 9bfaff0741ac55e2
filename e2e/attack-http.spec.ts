import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { MESSAGES } from "../lib/http/guard";
import { expect, nl, signIn, switchLanguage, test } from "./fixtures";
import { armDetectors, expectInert, type Alarms } from "./support/attack-detectors";
import { callAction, forgedAddress, raw, signInOverHttp } from "./support/attack-http";
import { seedAttackWorld } from "./support/attack-world";
import { query } from "./support/database";

// The attack suite, part 4: the requests around the forms. Cross-origin
// writes, redirects after sign-in and cookie attributes, checked over plain
// HTTP and through the browser. Rate limits: attack-limits.spec.ts; behind
// an HTTPS proxy: attack-https.spec.ts.

test.describe.configure({ mode: "parallel" });
test.use({ actionTimeout: 20_000 });

const EVIL = "https://evil.example";
const COMMENT_ACTION = { file: "lib/comments/actions.ts", action: "postCommentAction" };

test("cross-origin server actions and state-changing route handlers are refused", async ({ baseURL }) => {
  test.setTimeout(60_000);
  const world = await seedAttackWorld({ members: 1 });
  const origin = new URL(baseURL!).origin;
  const { cookie } = await signInOverHttp(baseURL!, { email: world.members[0]!.email, password: world.password });
  const comments = async () =>
    (await query<{ count: number }>(`SELECT count(*)::int AS count FROM "Comment" WHERE "updateId" = $1`, [world.updateId]))[0]!.count;
  const post = (headers: Record<string, string>) =>
    callAction(baseURL!, {
      ...COMMENT_ACTION,
      pagePath: `/updates/${world.updateId}`,
      cookie: cookie!,
      headers,
      fields: { updateId: world.updateId, clientKey: crypto.randomUUID(), body: "Van een andere website" },
    });

  // A server action whose Origin is another site, in every disguise: 403 from the project's server, nothing written.
  for (const forged of [
    EVIL,
    "null",
    `${origin}.evil.example`,
    `http://localhost:${Number(new URL(origin).port) + 1}`,
    "http://localhost",
    "file://",
    "garbage",
  ]) {
    const { response } = await post({ origin: forged });
    expect(response.status, `Origin: ${forged}`).toBe(403);
    expect(response.body).toBe(MESSAGES[403]);
  }
  // A plain cross-site HTML form (multipart, no Next-Action header) is refused the same way.
  const form = await raw(baseURL!, {
    method: "POST",
    path: `/updates/${world.updateId}`,
    headers: { origin: EVIL, cookie: cookie!, "content-type": "multipart/form-data; boundary=x" },
    body: "--x--\r\n",
  });
  expect(form.status).toBe(403);
  expect(await comments()).toBe(0);
  // The same call from the app's own origin goes through: the refusals above were about the origin.
  const { result } = await post({});
  expect(result).toMatchObject({ ok: true });
  expect(await comments()).toBe(1);

  // Every route handler that accepts a write is known here, so a new one cannot skip this test.
  const routeFiles = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? routeFiles(path.join(dir, entry.name)) : entry.name === "route.ts" ? [path.join(dir, entry.name)] : [],
    );
  const appDir = path.resolve(import.meta.dirname, "..", "app");
  const writers = routeFiles(appDir)
    .filter((file) =>
      /export\s+(async\s+function|const)\s+(POST|PUT|PATCH|DELETE)\b|as\s+(POST|PUT|PATCH|DELETE)\b/.test(readFileSync(file, "utf8")),
    )
    .map((file) => path.relative(appDir, file))
    .sort();
  expect(writers).toEqual([
    "api/afmelden/[token]/route.ts",
    "api/auth/[...nextauth]/route.ts",
    "api/profielfoto/route.ts",
    "api/uploads/route.ts",
  ]);

  // /api/uploads: refused from another origin (JSON, the user's language), nothing stored.
  const leader = await signInOverHttp(baseURL!, { email: world.author.email, password: world.password });
  const uploadsBefore = (await query<{ count: number }>(`SELECT count(*)::int AS count FROM "Upload"`))[0]!.count;
  const png = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex").toString("latin1");
  const upload = await raw(baseURL!, {
    method: "POST",
    path: "/api/uploads",
    headers: { origin: EVIL, cookie: leader.cookie!, "content-type": "multipart/form-data; boundary=b" },
    body: `--b\r\nContent-Disposition: form-data; name="file"; filename="x.png"\r\nContent-Type: image/png\r\n\r\n${png}\r\n--b--\r\n`,
  });
  expect(upload.status).toBe(403);
  expect(JSON.parse(upload.body)).toEqual({ ok: false, error: nl("errors.permission.denied") });
  expect((await query<{ count: number }>(`SELECT count(*)::int AS count FROM "Upload"`))[0]!.count).toBe(uploadsBefore);

  // /api/profielfoto: a profile photo from another origin is refused the same way, nothing stored.
  const photo = await raw(baseURL!, {
    method: "POST",
    path: "/api/profielfoto",
    headers: { origin: EVIL, cookie: cookie!, "content-type": "multipart/form-data; boundary=b" },
    body: `--b\r\nContent-Disposition: form-data; name="photo"; filename="x.png"\r\nContent-Type: image/png\r\n\r\n${png}\r\n--b--\r\n`,
  });
  expect(photo.status).toBe(403);
  expect((await query<{ count: number }>(`SELECT count(*)::int AS count FROM "Upload"`))[0]!.count).toBe(uploadsBefore);

  // next-auth: a cross-site sign-out (no csrf token) leaves the session; a cross-site sign-in (no csrf token) gets none.
  const signout = await raw(baseURL!, {
    method: "POST",
    path: "/api/auth/signout",
    headers: { origin: EVIL, cookie: cookie!, "content-type": "application/x-www-form-urlencoded" },
    body: "json=true",
  });
  expect(signout.status).toBeLessThan(500);
  const session = JSON.parse((await raw(baseURL!, { path: "/api/auth/session", headers: { cookie: cookie! } })).body) as { uid?: string };
  expect(session.uid).toBe(world.members[0]!.id);
  const foreignSignIn = await raw(baseURL!, {
    method: "POST",
    path: "/api/auth/callback/credentials",
    headers: { origin: EVIL, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email: world.members[0]!.email, password: world.password, json: "true" }).toString(),
  });
  expect([...foreignSignIn.cookies.keys()].some((name) => name.endsWith("session-token"))).toBe(false);

  // One-click unsubscribe takes POSTs from anywhere (mail programs, RFC 8058): the signed token is the permission.
  const unsubscribe = await raw(baseURL!, {
    method: "POST",
    path: "/api/afmelden/vervalst-token",
    headers: { origin: EVIL, "content-type": "application/x-www-form-urlencoded" },
    body: "List-Unsubscribe=One-Click",
  });
  expect(unsubscribe.status).toBe(400);
});

/** callbackUrl values, as they stand in the query string (some already encoded, some twice). */
const OFF_SITE = [
  "//evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "\\/evil.example",
  "https:evil.example",
  "https:/evil.example",
  "https://evil.example/",
  "http:/\\evil.example",
  "///evil.example",
  "/.//evil.example",
  " //evil.example",
  "\t//evil.example",
  "//evil\u3002example",
  "//localhost@evil.example",
  "http://localhost.evil.example/",
  "https://evil.example\\@localhost/",
  "javascript:alert(document.domain)",
  "data:text/html,<script>alert(1)</script>",
].map((value) => encodeURIComponent(value));
const PRE_ENCODED = [
  "/%09/evil.example",
  "%2F%2Fevil.example",
  "/%2F/evil.example",
  "/%5Cevil.example",
  "%5C%5Cevil.example",
  "%252F%252Fevil.example",
  "/%0D%0A/evil.example",
  "%2F.%2F%2Fevil.example",
  "https%3A%2F%2Fevil.example",
];
const CALLBACKS = [...OFF_SITE, ...PRE_ENCODED];

test("callbackUrl never leads off the site, in any spelling: after signing in, and when already signed in", async ({
  baseURL,
  newContext,
}) => {
  test.setTimeout(150_000);
  const world = await seedAttackWorld({ members: 1 });
  const origin = new URL(baseURL!).origin;
  const alarms: Alarms = [];
  // Three browsers at a time: each signs in once, with its own spelling.
  const signInWith = async (callback: string) => {
    const context = await newContext();
    await armDetectors(context, alarms);
    const page = await context.newPage();
    await page.goto(`/inloggen?callbackUrl=${callback}`);
    await signIn(page, world.members[0]!.email, world.password);
    expect(new URL(page.url()).origin, `callbackUrl=${callback}`).toBe(origin);
    await expectInert(page, alarms, `the page after signing in with callbackUrl=${callback}`);
    await context.close();
  };
  for (let start = 0; start < CALLBACKS.length; start += 3) await Promise.all(CALLBACKS.slice(start, start + 3).map(signInWith));

  // Signed in, /inloggen sends the browser on at once: always to a path of this site.
  const { cookie } = await signInOverHttp(baseURL!, { email: world.members[0]!.email, password: world.password });
  for (const callback of CALLBACKS) {
    const response = await raw(baseURL!, { path: `/inloggen?callbackUrl=${callback}`, headers: { cookie: cookie! } });
    expect([303, 307, 308], `callbackUrl=${callback}`).toContain(response.status);
    expect(new URL(response.headers.location!, origin).origin, `callbackUrl=${callback} → ${response.headers.location}`).toBe(origin);
  }
  // next-auth's own callbackUrl (its sign-in and sign-out answers) passes the same check.
  for (const callback of CALLBACKS.slice(0, 6)) {
    const attempt = await signInOverHttp(baseURL!, {
      email: world.members[0]!.email,
      password: world.password,
      callbackUrl: decodeURIComponent(callback),
    });
    expect(new URL(attempt.url, origin).origin, `next-auth callbackUrl=${callback}`).toBe(origin);
  }
});

test("cookies are HttpOnly and SameSite=Lax; a forged X-Forwarded-Proto from an untrusted peer does not make them Secure", async ({
  page,
  baseURL,
}) => {
  const world = await seedAttackWorld({ members: 1 });
  await signIn(page, world.members[0]!.email, world.password);
  await switchLanguage(page);
  const cookies = await page.context().cookies();
  expect(cookies.map((cookie) => cookie.name).sort()).toEqual(
    expect.arrayContaining(["NEXT_LOCALE", "next-auth.csrf-token", "next-auth.session-token"]),
  );
  for (const cookie of cookies) {
    expect({ name: cookie.name, httpOnly: cookie.httpOnly, sameSite: cookie.sameSite }).toEqual({
      name: cookie.name,
      httpOnly: true,
      sameSite: "Lax",
    });
    // Plain HTTP on localhost: a Secure cookie would never come back.
    expect(cookie.secure, cookie.name).toBe(false);
  }

  // The project's server trusts forwarded headers only from TRUSTED_PROXIES (none here): it overwrites X-Forwarded-Proto.
  const forged = { "x-forwarded-proto": "https", "x-forwarded-host": "evil.example", "x-forwarded-for": forgedAddress() };
  const attempt = await signInOverHttp(baseURL!, { email: world.members[0]!.email, password: world.password, headers: forged });
  expect(attempt.error).toBeNull();
  for (const line of attempt.response.setCookies) {
    expect(line.toLowerCase()).toContain("httponly");
    expect(line.toLowerCase()).toContain("samesite=lax");
    expect(line.toLowerCase()).not.toMatch(/;\s*secure/);
  }
  const home = await raw(baseURL!, { path: "/", headers: { ...forged, cookie: attempt.cookie! } });
  expect(home.status).toBe(200);
  expect(home.headers["strict-transport-security"]).toBeUndefined();
  expect(home.headers["content-security-policy"]).not.toContain("upgrade-insecure-requests");
});
