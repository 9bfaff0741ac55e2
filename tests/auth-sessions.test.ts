import { encode } from "next-auth/jwt";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { signOutEverywhereAction } from "@/lib/accounts/actions";
import { setUserBlocked } from "@/lib/accounts/service";
import { deleteExpiredSessions } from "@/lib/accounts/sessions";
import { SESSION_MAX_AGE_S } from "@/lib/auth";
import { db } from "@/lib/db";
import { resetRateLimiters } from "@/lib/rate-limit";
import { getCurrentUser } from "@/lib/session";
import { AuthBrowser, requestScope, useFakeNextHeaders } from "./support/auth-browser";
import { createActor, createUser, TEST_PASSWORD } from "./support/factories";

// Every SQL statement the app's Prisma client sends is counted while `counting` is on.
const log = vi.hoisted(() => ({ counting: false, queries: [] as string[] }));
vi.mock("@/lib/db", async () => {
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const { PrismaClient } = await import("@/lib/generated/prisma/client");
  const { default: pg } = await import("pg");
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL ?? "" });
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }), log: [{ emit: "event", level: "query" }] });
  client.$on("query", (event) => {
    if (log.counting) log.queries.push(event.query);
  });
  // The reads that skip Prisma (lib/db-sql.ts) are counted too.
  const countedPool = {
    query: (config: { text: string }) => {
      if (log.counting) log.queries.push(config.text);
      return pool.query(config);
    },
  };
  return { db: client, dbPool: () => countedPool, captureStatement: () => {} };
});

// The app's own imports of next/headers (the server action) answer from the fake request too.
vi.mock("next/headers", async () => (await import("./support/auth-browser")).fakeNextHeaders);

const { GET, POST } = await import("@/app/api/auth/[...nextauth]/route");
const handler = (request: Parameters<typeof GET>[0], context: Parameters<typeof GET>[1]) =>
  request.method === "POST" ? POST(request, context) : GET(request, context);
const browser = () => new AuthBrowser(handler);
const SESSION_COOKIE = "next-auth.session-token";

beforeAll(() => {
  process.env.NEXTAUTH_SECRET = "test-secret-for-auth-sessions";
  process.env.NEXTAUTH_URL = "http://localhost:3000";
  process.env.RATE_LIMIT_STORE = "memory";
});

beforeEach(() => {
  useFakeNextHeaders();
  resetRateLimiters();
});

/** Who getCurrentUser says `visitor` is, as on any page. */
async function whoIs(visitor: AuthBrowser) {
  visitor.enter();
  return (await getCurrentUser())?.id ?? null;
}

async function signedIn(user: { email: string }) {
  const visitor = browser();
  expect((await visitor.signIn(user.email, TEST_PASSWORD)).status).toBe(200);
  expect(visitor.cookies.get(SESSION_COOKIE)).toBeTruthy();
  return visitor;
}

describe("sign-in sessions", () => {
  it("signs in through the route handler and records the session, by its hash, for 12 hours", async () => {
    const user = await createUser();
    const before = Date.now();
    const visitor = await signedIn(user);
    expect(await whoIs(visitor)).toBe(user.id);

    const rows = await db.session.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.sessionToken).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]!.expires.getTime()).toBeGreaterThanOrEqual(before + SESSION_MAX_AGE_S * 1000 - 1000);
    expect(rows[0]!.expires.getTime()).toBeLessThanOrEqual(Date.now() + SESSION_MAX_AGE_S * 1000);
  });

  it("checks the live session inside the query that reads the user, adding no query", async () => {
    const visitor = await signedIn(await createUser());
    visitor.enter();
    log.queries = [];
    log.counting = true;
    const user = await getCurrentUser().finally(() => (log.counting = false));
    expect(user).not.toBeNull();
    // One statement: the user with its municipality, the live session checked inside it (lib/accounts/current-user-sql.ts).
    expect(log.queries).toHaveLength(1);
    expect(log.queries[0]).toMatch(/FROM "User" u LEFT JOIN "Municipality" m[\s\S]*EXISTS \(SELECT 1 FROM "Session" s/);
  });

  it("ends the session on the server at sign-out, so a copied cookie stops working", async () => {
    const user = await createUser();
    const visitor = await signedIn(user);
    const thief = visitor.copyTo(browser());
    expect(await whoIs(thief)).toBe(user.id);

    expect((await visitor.signOut()).status).toBe(200);
    expect(visitor.cookies.has(SESSION_COOKIE)).toBe(false);
    expect(await whoIs(thief)).toBeNull();
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("leaves the person's other sessions alone at a normal sign-out", async () => {
    const user = await createUser();
    const [laptop, phone] = [await signedIn(user), await signedIn(user)];
    await laptop.signOut();
    expect(await whoIs(laptop.copyTo(browser()))).toBeNull();
    expect(await whoIs(phone)).toBe(user.id);
  });

  it("refuses a token without a session id (issued before sessions were recorded)", async () => {
    const user = await createUser();
    const visitor = browser();
    const token = await encode({ token: { uid: user.id, sv: user.sessionVersion }, secret: process.env.NEXTAUTH_SECRET! });
    visitor.cookies.set(SESSION_COOKIE, token);
    expect(await whoIs(visitor)).toBeNull();
  });

  it("refuses a session whose row ran out, and the purge removes only such rows", async () => {
    const user = await createUser();
    const stale = await signedIn(user);
    const { sessionToken: staleToken } = await db.session.findFirstOrThrow({ where: { userId: user.id } });
    await db.session.update({ where: { sessionToken: staleToken }, data: { expires: new Date(Date.now() - 1000) } });
    const fresh = await signedIn(user);

    expect(await whoIs(stale)).toBeNull();
    expect(await whoIs(fresh)).toBe(user.id);
    expect(await deleteExpiredSessions()).toBeGreaterThanOrEqual(1);
    expect(await db.session.findMany({ where: { userId: user.id }, select: { sessionToken: true } })).not.toContainEqual({
      sessionToken: staleToken,
    });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
  });

  it("still ends every session of a blocked person, and applies a role change at once", async () => {
    const coordinator = await createActor("COORDINATOR");
    const member = await createUser();
    const visitor = await signedIn(member);
    await db.user.update({ where: { id: member.id }, data: { role: "PROJECT_LEADER" } });
    visitor.enter();
    expect((await getCurrentUser())?.role).toBe("PROJECT_LEADER");

    expect((await setUserBlocked({ actor: coordinator, input: { userId: member.id, reason: "Test: blokkade" }, blocked: true })).ok).toBe(
      true,
    );
    expect(await whoIs(visitor)).toBeNull();
    // Unblocking does not bring the old session back (its sessionVersion is behind).
    expect((await setUserBlocked({ actor: coordinator, input: { userId: member.id }, blocked: false })).ok).toBe(true);
    expect(await whoIs(visitor)).toBeNull();
  });
});

describe("signOutEverywhereAction", () => {
  it("ends every session of the person, clears this browser's cookie and goes to the sign-in page", async () => {
    const user = await createUser();
    const other = await createUser();
    const [laptop, phone, otherPerson] = [await signedIn(user), await signedIn(user), await signedIn(other)];

    laptop.enter();
    const thrown = await signOutEverywhereAction().then(
      () => null,
      (error: unknown) => error as { digest?: string },
    );
    expect(thrown?.digest).toMatch(/^NEXT_REDIRECT;[a-z]+;\/inloggen\?status=signedOutEverywhere;/);
    expect(requestScope.written).toContainEqual({
      name: SESSION_COOKIE,
      value: "",
      options: expect.objectContaining({ maxAge: 0, path: "/", httpOnly: true }),
    });

    expect(await whoIs(laptop)).toBeNull();
    expect(await whoIs(phone)).toBeNull();
    expect(await whoIs(otherPerson)).toBe(other.id);
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.sessionVersion).toBe(user.sessionVersion + 1);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "session.end-all", targetId: user.id } })).toBe(1);

    // Signing in again afterwards works as usual.
    expect(await whoIs(await signedIn(user))).toBe(user.id);
  });

  it("only sends a visitor without a session to the sign-in page", async () => {
    const bystander = await createUser();
    const bystanderSession = await signedIn(bystander);
    browser().enter();
    const thrown = await signOutEverywhereAction().then(
      () => null,
      (error: unknown) => error as { digest?: string },
    );
    expect(thrown?.digest).toMatch(/^NEXT_REDIRECT;[a-z]+;\/inloggen;/);
    expect(await whoIs(bystanderSession)).toBe(bystander.id);
  });
});
