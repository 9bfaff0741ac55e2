import type { APIRequest, APIRequestContext } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { expect, test } from "./fixtures";
import { blockNoticeToken, callAction, callRoute, signedInContext, type Answer } from "./support/authorization-client";
import { badIds } from "./support/authorization-dynamic";
import {
  denied,
  describeAnswer,
  expectationFor,
  isPublicPath,
  missing,
  ok,
  toSignIn,
  type Context,
  type Expect,
} from "./support/authorization-expect";
import { addressOf, appPaths, builtActions, routeSources, workerPattern } from "./support/authorization-manifest";
import { actionKey, actionRegistry, dynamicPaths, routeRegistry } from "./support/authorization-registry";
import { imageUpload } from "./support/authorization-routes";
import {
  addPerson,
  blockPerson,
  CALLERS,
  closeWorld,
  seedAuthorizationWorld,
  sql,
  type AuthorizationWorld,
  type CallerKey,
  type Person,
  type PersonKey,
} from "./support/authorization-world";

/**
 * Authorization, exhaustively: every server action and route handler the
 * build has is called as each role, as a blocked person and signed out, with
 * the raw request a browser sends, and must answer as the registry
 * (e2e/support/authorization-registry.ts, built on lib/policy/permissions.ts)
 * says. A refused call writes no audit row. Signed out, a call is made once
 * through the proxy (which sends it to /inloggen) and once past it (with the
 * prefetch header its matcher skips), where only the action's own check stands.
 */

const origin = new URL(baseURL).origin;

let api: APIRequest;
let world: AuthorizationWorld;
const sessions = {} as Record<PersonKey, APIRequestContext>;
let signedOut: APIRequestContext;

test.beforeAll(async ({ playwright }) => {
  api = playwright.request;
  world = await seedAuthorizationWorld();
  for (const key of CALLERS)
    if (key !== "ANONYMOUS") sessions[key] = await signedInContext(api, baseURL, world.people[key].email, world.password);
  // Blocked after signing in: the session cookie is still there, only the block refuses it.
  await blockPerson(world.people.BLOCKED);
  world.late.blockNoticeToken = await blockNoticeToken(api, baseURL, world.people.BLOCKED.email, world.password);
  const upload = await callRoute(sessions.PROJECT_LEADER, origin, imageUpload());
  world.late.uploadId = (upload.value as { data: { id: string } }).data.id;
  signedOut = await api.newContext({ baseURL: baseURL });
});

test.afterAll(async () => {
  await Promise.all([...Object.values(sessions), signedOut].map((http) => http?.dispose()));
  await closeWorld();
});

const contextFor = (caller: CallerKey, person: Person | null = caller === "ANONYMOUS" ? null : world.people[caller]): Context => ({
  world,
  caller,
  person,
  rows: world.each[caller],
});

const auditRows = async (person: Person) =>
  Number((await sql<{ n: string }>(`SELECT count(*) AS n FROM "AuditLog" WHERE "actorId" = $1`, [person.id]))[0]?.n);

/** Checks one answer; every mismatch and every server error becomes a line of `problems`. */
async function check(problems: string[], what: string, answer: Answer, expect: Expect, context: Context) {
  if (answer.status >= 500 || answer.thrown.length)
    problems.push(`${what}: server error ${describeAnswer(answer)} ${answer.thrown.join(" ")}`);
  const problem = await expect(answer, context);
  if (problem) problems.push(`${what}: expected ${problem}, got ${describeAnswer(answer)}`);
}

/** A new person of the caller's role, signed in for one call that ends their session or account. */
async function freshCaller(caller: PersonKey): Promise<{ http: APIRequestContext; person: Person }> {
  const role = caller === "BLOCKED" ? "ADMIN" : caller;
  const person = await addPerson(world, role, `fresh-${caller}`, caller === "PROJECT_LEADER" ? world.municipality.id : null);
  const http = await signedInContext(api, baseURL, person.email, world.password);
  if (caller === "BLOCKED") await blockPerson(person);
  return { http, person };
}

/** What `list` has and `other` lacks. */
const without = (list: readonly string[], other: readonly string[]) => list.filter((item) => !other.includes(item));

test("the registry names every server action, route handler and dynamic route the build has, and nothing else", () => {
  const built = builtActions();
  const registered = actionRegistry.map(actionKey);
  const builtKeys = built.map((entry) => entry.key);
  expect(
    registered.filter((key, index) => registered.indexOf(key) !== index),
    "actions named twice",
  ).toEqual([]);
  expect(without(builtKeys, registered), "server actions without a registry entry").toEqual([]);
  expect(without(registered, builtKeys), "registry entries for actions the build does not have").toEqual([]);

  const paths = appPaths();
  const builtRoutes = paths.filter((key) => key.endsWith("/route"));
  const routes = routeRegistry.map((entry) => entry.route);
  expect(without(builtRoutes, routes), "route handlers without a registry entry").toEqual([]);
  expect(without(routes, builtRoutes), "registry entries for routes the build does not have").toEqual([]);
  expect(without(routeSources(), builtRoutes), "route.ts files the build lacks (a stale build?)").toEqual([]);

  const dynamic = paths.filter((key) => key.includes("["));
  const covered = dynamicPaths.map((entry) => entry.key);
  expect(without(dynamic, covered), "dynamic routes without an entry in authorization-dynamic.ts").toEqual([]);
  expect(without(covered, dynamic), "dynamic entries the build does not have").toEqual([]);

  // Each case posts to a page whose bundle holds the action, as the browser does.
  const workersOf = new Map(built.map((entry) => [entry.key, entry.workers.map(workerPattern)]));
  const misplaced = actionRegistry.flatMap((entry) =>
    entry.cases
      .map((policy) => policy.page(contextFor("MEMBER")).split("?")[0]!)
      .filter((page) => !(workersOf.get(actionKey(entry)) ?? []).some((pattern) => pattern.test(page)))
      .map((page) => `${actionKey(entry)} on ${page}`),
  );
  expect(misplaced, "cases posted to a page that does not hold the action").toEqual([]);
});

test("every server action answers each role, a blocked person and a signed-out visitor as the policy says", async () => {
  test.setTimeout(180_000);
  const started = Date.now();
  const ids = new Map(builtActions().map((entry) => [entry.key, entry.id]));
  const problems: string[] = [];
  let calls = 0;
  for (const entry of actionRegistry) {
    const id = ids.get(actionKey(entry))!;
    for (const policy of entry.cases) {
      const name = `${actionKey(entry)}${policy.label ? ` (${policy.label})` : ""}`;
      for (const caller of CALLERS) {
        const { expect: expected, refusal } = expectationFor(policy, caller, { granted: ok, refused: denied });
        if (caller === "ANONYMOUS") {
          const context = contextFor(caller);
          const page = policy.page(context);
          if (!isPublicPath(page)) {
            await check(
              problems,
              `${name} signed out`,
              await callAction(signedOut, origin, page, id, policy.call(context)),
              toSignIn,
              context,
            );
            calls += 1;
          }
          const answer = await callAction(signedOut, origin, page, id, policy.call(context), { pastProxy: !isPublicPath(page) });
          await check(problems, `${name} signed out${isPublicPath(page) ? "" : ", past the proxy"}`, answer, expected, context);
          calls += 1;
          continue;
        }
        const fresh = policy.fresh ? await freshCaller(caller) : null;
        const context = contextFor(caller, fresh?.person);
        const person = context.person!;
        const before = refusal ? await auditRows(person) : 0;
        const answer = await callAction(fresh?.http ?? sessions[caller], origin, policy.page(context), id, policy.call(context));
        calls += 1;
        await check(problems, `${name} as ${caller}`, answer, expected, context);
        if (refusal && (await auditRows(person)) !== before) problems.push(`${name} as ${caller}: a refused call wrote an audit row`);
        await fresh?.http.dispose();
      }
    }
  }
  const cases = actionRegistry.reduce((sum, entry) => sum + entry.cases.length, 0);
  console.log(
    `[authorization] ${actionRegistry.length} actions, ${cases} cases × ${CALLERS.length} callers: ${calls} calls in ${Date.now() - started} ms`,
  );
  expect(problems, "answers that differ from the policy").toEqual([]);
});

test("every route handler answers each role, a blocked person and a signed-out visitor as the policy says", async () => {
  const started = Date.now();
  const problems: string[] = [];
  let calls = 0;
  for (const entry of routeRegistry) {
    for (const policy of entry.cases) {
      const name = `${entry.route}${policy.label ? ` (${policy.label})` : ""}`;
      for (const caller of CALLERS) {
        const { expect: expected } = expectationFor(policy, caller, { granted: policy.granted, refused: missing("refused") });
        const context = contextFor(caller);
        const request = policy.request(context);
        if (caller === "ANONYMOUS") {
          const open = isPublicPath(request.path);
          if (!open) await check(problems, `${name} signed out`, await callRoute(signedOut, origin, request), toSignIn, context);
          await check(
            problems,
            `${name} signed out${open ? "" : ", past the proxy"}`,
            await callRoute(signedOut, origin, request, { pastProxy: !open }),
            expected,
            context,
          );
          calls += open ? 1 : 2;
          continue;
        }
        await check(problems, `${name} as ${caller}`, await callRoute(sessions[caller], origin, request), expected, context);
        calls += 1;
      }
    }
  }
  console.log(`[authorization] ${routeRegistry.length} route handlers: ${calls} calls in ${Date.now() - started} ms`);
  expect(problems, "answers that differ from the policy").toEqual([]);
});

test("every page that is not public sends a blocked person and a signed-out visitor past the proxy to sign in", async () => {
  const pages = appPaths()
    .filter((key) => key.endsWith("/page") && !key.includes("[") && !key.startsWith("/_"))
    .map(addressOf)
    .filter((page) => !isPublicPath(page));
  const problems: string[] = [];
  for (const page of pages) {
    const context = contextFor("BLOCKED");
    await check(
      problems,
      `GET ${page} as BLOCKED`,
      await callRoute(sessions.BLOCKED, origin, { method: "GET", path: page }),
      toSignIn,
      context,
    );
    await check(
      problems,
      `GET ${page} signed out, past the proxy`,
      await callRoute(signedOut, origin, { method: "GET", path: page }, { pastProxy: true }),
      toSignIn,
      context,
    );
  }
  expect(pages.length, "pages found in the manifest").toBeGreaterThan(10);
  expect(problems, "pages shown without a working session").toEqual([]);
});

test("every dynamic page and route answers an id that names nothing with 404 (400 for broken encoding), never 5xx", async () => {
  const problems: string[] = [];
  for (const entry of dynamicPaths) {
    for (const bad of badIds(world.tag)) {
      const answer = await callRoute(sessions.ADMIN, origin, { method: "GET", path: entry.path(bad.id) });
      const status = bad.status ?? entry.unknown;
      const what = `GET ${entry.path(bad.id).slice(0, 80)} (${bad.label})`;
      if (answer.status >= 500) problems.push(`${what}: server error ${answer.status}`);
      else if (answer.status !== status) problems.push(`${what}: expected ${status}, got ${describeAnswer(answer)}`);
      else if (!bad.status && entry.location && !answer.location?.startsWith(entry.location))
        problems.push(`${what}: expected a redirect to ${entry.location}, got ${answer.location}`);
    }
  }
  expect(problems, "dynamic routes answering an unknown or invalid id otherwise").toEqual([]);
});
