/**
 * The session cookie is decrypted once per request, in proxy.ts, which hands
 * the claims to the app in the SESSION_CLAIMS_HEADER request header; the app
 * (lib/session.ts) reads them instead of decrypting the cookie again.
 *
 * Why a browser cannot forge it:
 * - the proxy deletes any incoming copy of the header on every request it sees;
 * - requests the proxy does not see (its matcher skips /api/auth, static files
 *   and prefetches, which anyone can ask for) could still carry one, so the
 *   header is sealed with an HMAC whose key is derived from NEXTAUTH_SECRET,
 *   and the seal covers a hash of the very session cookie it was decoded from:
 *   a copied header is worthless without that cookie, and with the cookie one
 *   is signed in anyway.
 * A header that is missing or does not verify is ignored, and the app decodes
 * the cookie itself, as before. The database check (blocked, session version,
 * live Session row) is the same either way.
 *
 * No "server-only" here: proxy.ts imports it too.
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

/** Set by proxy.ts only; any copy from the browser is removed or fails its seal. */
export const SESSION_CLAIMS_HEADER = "x-koppelkans-session";

/** What the app needs from the session token (see currentUserWhere in lib/session.ts). */
export type SessionClaims = { uid: string; sv: number; sid: string; exp: number };

type CookieReader = { getAll(): { name: string; value: string }[] };

/** The session cookie's name: next-auth's rule (lib/auth.ts and getToken use it too). */
export function sessionCookieName(): string {
  const url = process.env.NEXTAUTH_URL;
  const prefixed = url ? url.startsWith("https://") : !!process.env.VERCEL;
  return `${prefixed ? "__Secure-" : ""}next-auth.session-token`;
}

/** The session cookie's value, its chunks joined in a fixed order (next-auth splits cookies over 4 KB). */
function sessionCookieValue(cookies: CookieReader): string {
  const name = sessionCookieName();
  return cookies
    .getAll()
    .filter((cookie) => cookie.name === name || cookie.name.startsWith(`${name}.`))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((cookie) => cookie.value)
    .join("");
}

let derived: { secret: string; key: Buffer } | undefined;

/** A key of its own for the seal, derived from NEXTAUTH_SECRET; none without a secret. */
function sealKey(): Buffer | null {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) return null;
  if (derived?.secret !== secret) derived = { secret, key: createHmac("sha256", secret).update("koppelkans.session-claims.v1").digest() };
  return derived.key;
}

function seal(key: Buffer, payload: string, cookies: CookieReader): Buffer {
  const cookieHash = createHash("sha256").update(sessionCookieValue(cookies)).digest("base64url");
  return createHmac("sha256", key).update(`${payload}\n${cookieHash}`).digest();
}

/** Picks the claims the app uses from a decoded token; null when it has none (not a Koppelkans session). */
export function claimsOfToken(token: Record<string, unknown> | null): SessionClaims | null {
  if (!token || typeof token.uid !== "string" || typeof token.sid !== "string" || typeof token.exp !== "number") return null;
  return { uid: token.uid, sid: token.sid, sv: typeof token.sv === "number" ? token.sv : 0, exp: token.exp };
}

/** The header value for `claims` (null: the proxy found no session), bound to this request's cookie; null without a secret. */
export function sealSessionClaims(claims: SessionClaims | null, cookies: CookieReader): string | null {
  const key = sealKey();
  if (!key) return null;
  // getToken also takes a token from an Authorization header; the app only ever accepted the cookie.
  const fromCookie = sessionCookieValue(cookies) !== "" ? claims : null;
  const payload = Buffer.from(JSON.stringify(fromCookie)).toString("base64url");
  return `${payload}.${seal(key, payload, cookies).toString("base64url")}`;
}

function isClaims(value: unknown): value is SessionClaims {
  const claims = value as Partial<SessionClaims> | null;
  return (
    typeof claims === "object" &&
    claims !== null &&
    typeof claims.uid === "string" &&
    typeof claims.sid === "string" &&
    typeof claims.sv === "number" &&
    typeof claims.exp === "number"
  );
}

/**
 * The claims the proxy sealed for this request: the claims, null when it found
 * no session, undefined when there is no header that verifies (decode the
 * cookie yourself then).
 */
export function openSessionClaims(
  header: string | null,
  cookies: CookieReader,
  now: number = Date.now(),
): SessionClaims | null | undefined {
  const key = sealKey();
  if (!key || !header) return undefined;
  const [payload = "", mac = "", ...rest] = header.split(".");
  if (rest.length) return undefined;
  const expected = seal(key, payload, cookies);
  const given = Buffer.from(mac, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
  if (claims === null) return null;
  if (!isClaims(claims)) return undefined;
  // next-auth's exp is in seconds; a token past it is no session, as when decoding.
  return claims.exp * 1000 > now ? claims : null;
}
