import type { Role } from "../../lib/generated/prisma/enums";
import { permissions, roles, type Permission } from "../../lib/policy/permissions";
import type { ActionCall, Answer, RouteRequest } from "./authorization-client";
import type { AuthorizationWorld, CallerKey, CallerRows, Person } from "./authorization-world";

/**
 * The vocabulary of the authorization registry: who may call (taken from
 * lib/policy/permissions.ts, the one map of who may do what), what a call
 * sends, and what its answer must look like for those who may and those who
 * may not.
 */

/** Every caller, signed in or not, blocked or not; for tokens, the link is the permission. */
export const ANYONE = "anyone";
export type Allowed = readonly Role[] | typeof ANYONE;

/** The roles that hold any of `names` in the policy. */
export function rolesWith(...names: Permission[]): readonly Role[] {
  return roles.filter((role) => names.some((name) => (permissions[name] as readonly Role[]).includes(role)));
}

/** The paths proxy.ts lets a visitor without a session open (elsewhere it redirects to /inloggen); /api/* answers for itself. */
const PUBLIC_PATHS = [
  "/inloggen",
  "/uitnodiging/",
  "/wachtwoord-vergeten",
  "/wachtwoord-herstellen/",
  "/feed/",
  "/afmelden/",
  "/privacy",
  "/inspiratie",
  "/icon.svg",
  "/api/",
];

export function isPublicPath(path: string): boolean {
  const pathname = path.split("?")[0]!;
  return PUBLIC_PATHS.some((prefix) => (prefix.endsWith("/") ? pathname.startsWith(prefix) : pathname === prefix));
}

/** Who makes a call, and what they act on. */
export type Context = {
  world: AuthorizationWorld;
  caller: CallerKey;
  /** The signed-in person (for a `fresh` case, the new one); null when signed out. */
  person: Person | null;
  /** The world's rows for this caller (the bystander's for ANONYMOUS). */
  rows: CallerRows;
};

/** Null when the answer is as expected, else what was expected. */
export type Expect = (answer: Answer, context: Context) => string | null | Promise<string | null>;

export type ActionCase = {
  label?: string;
  /** The page whose form sends it (one of the action's workers in the server reference manifest). */
  page: (context: Context) => string;
  allowed: Allowed;
  call: (context: Context) => ActionCall;
  /** For callers in `allowed`; default: `{ ok: true }`. */
  granted?: Expect;
  /** For signed-in roles outside `allowed`; default: `permission.denied`. */
  refused?: Expect;
  /** For the blocked person and a signed-out call past the proxy; default: as `refused` (as `granted` for ANYONE). */
  anonymous?: Expect;
  /** The call ends the caller's session or account: each caller is a new person of its role, signed in for it alone. */
  fresh?: true;
};
export type ActionEntry = { module: string; name: string; cases: readonly ActionCase[] };

export type RouteCase = {
  label?: string;
  allowed: Allowed;
  request: (context: Context) => RouteRequest;
  granted: Expect;
  refused?: Expect;
  /** The route's own answer without a (working) session; default: as `granted` for ANYONE. */
  anonymous?: Expect;
};
/** `route` is the key in .next/server/app-paths-manifest.json, e.g. `/api/members/route`. */
export type RouteEntry = { route: string; cases: readonly RouteCase[] };

type Policy = { allowed: Allowed; granted?: Expect; refused?: Expect; anonymous?: Expect };

/** Stands in for an answer a case leaves out but a caller needs. */
export const missing =
  (what: string): Expect =>
  () =>
    `an answer the registry gives (it names no "${what}")`;

/** What `caller` must hear, and whether that is a refusal (which must leave no audit row). */
export function expectationFor(
  policy: Policy,
  caller: CallerKey,
  defaults: { granted: Expect; refused: Expect },
): { expect: Expect; refusal: boolean } {
  const granted = policy.granted ?? defaults.granted;
  const refused = policy.refused ?? defaults.refused;
  const anonymous = caller === "BLOCKED" || caller === "ANONYMOUS";
  if (policy.allowed === ANYONE) return { expect: anonymous ? (policy.anonymous ?? granted) : granted, refusal: false };
  if (anonymous) return { expect: policy.anonymous ?? refused, refusal: true };
  return policy.allowed.includes(caller) ? { expect: granted, refusal: false } : { expect: refused, refusal: true };
}

export const action = (module: string, name: string, ...cases: ActionCase[]): ActionEntry => ({ module, name, cases });
export const route = (key: string, ...cases: RouteCase[]): RouteEntry => ({ route: key, cases });

// ---------------------------------------------------------------------------
// Answers
// ---------------------------------------------------------------------------

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

export function describeAnswer(answer: Answer): string {
  if (answer.location) return `${answer.status} → ${answer.location}`;
  const body = answer.value === undefined ? answer.text.slice(0, 160).replace(/\s+/g, " ") : JSON.stringify(answer.value);
  return `${answer.status} ${body}`;
}

/** An ActionResult `{ ok: true }`. */
export const ok: Expect = (answer) => (isRecord(answer.value) && answer.value.ok === true ? null : "{ ok: true }");

/** An ActionResult (or FollowState) whose error is `key`. */
export function error(key: string): Expect {
  return (answer) => (isRecord(answer.value) && answer.value.error === key && answer.value.ok !== true ? null : `error "${key}"`);
}

export const denied = error("permission.denied");

/**
 * For a refusal past the role gate: callers who hold `permission` (so pass the
 * gate) but may not act on this row hear `answer`; everyone else `permission.denied`.
 */
export function refusedPast(permission: Permission, answer: Expect): Expect {
  return (result, context) => (rolesWith(permission).includes(context.caller as Role) ? answer : denied)(result, context);
}

/** `{ ok: true }`, or one of the domain errors `keys` (the gate let the caller through). */
export function okOr(...keys: string[]): Expect {
  return (answer, context) =>
    ok(answer, context) === null || keys.some((key) => error(key)(answer, context) === null) ? null : `{ ok: true } or ${keys.join(", ")}`;
}

/** A redirect whose target starts with `target`. */
export function redirectsTo(target: string | ((context: Context) => string)): Expect {
  return (answer, context) => {
    const expected = typeof target === "string" ? target : target(context);
    return answer.location?.startsWith(expected) ? null : `a redirect to ${expected}`;
  };
}

/** A redirect to exactly `target` (no status query). */
export function redirectsExactlyTo(target: string): Expect {
  return (answer) => (answer.location === target ? null : `a redirect to exactly ${target}`);
}

export const toSignIn: Expect = (answer) => (answer.location?.startsWith("/inloggen") ? null : "a redirect to /inloggen");

/** An answer with HTTP status `code` (and, given, a matching Location or content type). */
export function status(code: number, more: { location?: (context: Context) => string; contentType?: string } = {}): Expect {
  return (answer, context) => {
    const expected = `HTTP ${code}${more.location ? ` → ${more.location(context)}` : ""}${more.contentType ? ` (${more.contentType})` : ""}`;
    if (answer.status !== code) return expected;
    if (more.location && !answer.location?.startsWith(more.location(context))) return expected;
    if (more.contentType && !answer.contentType.startsWith(more.contentType)) return expected;
    return null;
  };
}

/** A value `predicate` accepts. */
export function returns(description: string, predicate: (value: unknown, context: Context) => boolean): Expect {
  return (answer, context) => (predicate(answer.value, context) ? null : description);
}

/** For actions that answer nothing: the database shows the write (`check` is true). */
export function wrote(description: string, check: (context: Context) => Promise<boolean>): Expect {
  return async (_answer, context) => ((await check(context)) ? null : `the write: ${description}`);
}

/** For actions that answer nothing: the database shows no write (`check` is false). */
export function wroteNothing(description: string, check: (context: Context) => Promise<boolean>): Expect {
  return async (_answer, context) => ((await check(context)) ? `no write, but: ${description}` : null);
}

export function allOf(...expects: Expect[]): Expect {
  return async (answer, context) => {
    for (const expect of expects) {
      const problem = await expect(answer, context);
      if (problem) return problem;
    }
    return null;
  };
}
