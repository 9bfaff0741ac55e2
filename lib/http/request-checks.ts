import type { IncomingHttpHeaders } from "node:http";
import { BODY_LIMITS } from "./limits";

/**
 * Pure checks of a request line and its headers, done before Next.js sees
 * the request: what Next.js would answer with 500 gets its proper 4xx here.
 */

/** Methods the portal never answers: TRACE/TRACK echo requests (cross-site tracing), CONNECT opens tunnels. */
export const REFUSED_METHODS = new Set(["TRACE", "TRACK", "CONNECT"]);
export const ALLOWED_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";

export type PathResult = { ok: true; pathname: string } | { ok: false; status: 400 | 404 };

const BAD_PERCENT = /%(?![0-9a-fA-F]{2})/;
// C0 controls (NUL included), DEL and C1 controls.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * The decoded path of a request target. Malformed percent-encoding (a lone
 * `%`, `%ZZ`, or bytes that are no UTF-8 such as `%C0%AF`) is 400; a path
 * that decodes to control characters (`%00`) names nothing, so 404.
 */
export function requestPath(url: string | undefined): PathResult {
  if (!url || !url.startsWith("/")) return { ok: false, status: 400 };
  const end = url.search(/[?#]/);
  const raw = end < 0 ? url : url.slice(0, end);
  if (BAD_PERCENT.test(raw)) return { ok: false, status: 400 };
  let pathname: string;
  try {
    pathname = decodeURIComponent(raw);
  } catch {
    return { ok: false, status: 400 };
  }
  if (CONTROL.test(pathname)) return { ok: false, status: 404 };
  return { ok: true, pathname };
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Whether Next.js may treat the request as a server action: a POST with a
 * `next-action` header (from script), or a multipart form POST to a page
 * (a form submitted before the page's script ran). Same test as Next.js's own.
 */
export function isPossibleServerAction(method: string | undefined, pathname: string, headers: IncomingHttpHeaders): boolean {
  if (method !== "POST") return false;
  if (headers["next-action"] !== undefined) return true;
  const contentType = header(headers, "content-type")?.toLowerCase() ?? "";
  return contentType.startsWith("multipart/form-data") && !pathname.startsWith("/api/");
}

/** The largest body this request may send, in bytes. */
export function bodyLimit(method: string | undefined, pathname: string, headers: IncomingHttpHeaders): number {
  if (method === "POST" && (pathname === "/api/uploads" || pathname === "/api/uploads/")) return BODY_LIMITS.upload;
  // Next.js's development tools post stack traces to /__nextjs_* (served only by `npm run dev`).
  if (isPossibleServerAction(method, pathname, headers) || pathname.startsWith("/__nextjs_")) return BODY_LIMITS.serverAction;
  return BODY_LIMITS.other;
}

/** The declared Content-Length, or null when the body is streamed (chunked) or absent. */
export function declaredLength(headers: IncomingHttpHeaders): number | null {
  const value = headers["content-length"];
  if (value === undefined) return null;
  const length = Number(value);
  return Number.isSafeInteger(length) && length >= 0 ? length : Number.POSITIVE_INFINITY;
}

function hostOf(value: string, defaultPort: string): string {
  const host = value.trim().toLowerCase();
  return host.endsWith(`:${defaultPort}`) ? host.slice(0, -defaultPort.length - 1) : host;
}

/**
 * Whether a server action comes from another site: its Origin's host is
 * neither the Host header (nor, behind a trusted proxy, X-Forwarded-Host) nor
 * the host of the configured public address. Without Origin (not a browser)
 * the request goes on, as Next.js does; `Origin: null` or garbage is refused.
 */
export function isCrossOrigin(headers: IncomingHttpHeaders, allowedHosts: readonly string[], forwardedHostTrusted: boolean): boolean {
  const origin = header(headers, "origin");
  if (origin === undefined) return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return true;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return true;
  const defaultPort = url.protocol === "https:" ? "443" : "80";
  const candidates = [
    header(headers, "host"),
    forwardedHostTrusted ? header(headers, "x-forwarded-host")?.split(",")[0] : undefined,
    ...allowedHosts,
  ];
  return !candidates.some((candidate) => candidate !== undefined && candidate !== "" && hostOf(candidate, defaultPort) === url.host);
}

/** The hosts of the public addresses (APP_URL, NEXTAUTH_URL) that server actions may come from. */
export function appHosts(urls: ReadonlyArray<string | undefined>): string[] {
  const hosts = new Set<string>();
  for (const value of urls) {
    if (!value) continue;
    try {
      hosts.add(new URL(value).host);
    } catch {
      // A malformed APP_URL adds no host; the Host header still counts.
    }
  }
  return [...hosts];
}
