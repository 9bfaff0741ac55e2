import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { claimsOfToken, sealSessionClaims, SESSION_CLAIMS_HEADER } from "@/lib/accounts/session-claims";

/** Pages a visitor without a session may open. */
const PUBLIC_PATHS = [
  "/inloggen",
  "/uitnodiging/",
  "/wachtwoord-vergeten",
  "/wachtwoord-herstellen/",
  "/feed/",
  "/afmelden/",
  "/privacy",
  "/inspiratie",
];

/**
 * Responses that set a stricter CSP of their own (uploaded images:
 * `default-src 'none'; sandbox`), which the page CSP below must not replace.
 */
const OWN_CSP_PATHS = ["/beelden/"];

function isPublic(pathname: string) {
  return PUBLIC_PATHS.some((path) => (path.endsWith("/") ? pathname.startsWith(path) : pathname === path));
}

export function contentSecurityPolicy(nonce: string, { dev, https }: { dev: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    // Tag colours come from the database as style attributes; attributes cannot run code.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/**
 * Sets the per-request CSP nonce and security headers, and sends visitors
 * without a session to the sign-in page. It only redirects: every page and
 * action checks the user itself (lib/session.ts).
 */
export async function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const https = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development", https });
  const { pathname, search } = request.nextUrl;

  // The one decryption of the session cookie per request; the app reads the result (lib/accounts/session-claims.ts).
  const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET });
  // API routes answer 401 themselves (JSON for scripts), pages redirect to sign in.
  if (!token && !isPublic(pathname) && !pathname.startsWith("/api/")) {
    const signIn = new URL("/inloggen", request.url);
    signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(signIn);
  }

  const requestHeaders = new Headers(request.headers);
  // Only the proxy may speak for the session: a copy sent by the browser never reaches the app.
  requestHeaders.delete(SESSION_CLAIMS_HEADER);
  const claims = sealSessionClaims(claimsOfToken(token), request.cookies);
  if (claims) requestHeaders.set(SESSION_CLAIMS_HEADER, claims);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  if (!OWN_CSP_PATHS.some((path) => pathname.startsWith(path))) response.headers.set("Content-Security-Policy", csp);
  if (https) response.headers.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  return response;
}

export const config = {
  matcher: [
    // Everything but the auth API, static assets and prefetches.
    {
      source: "/((?!api/auth|_next/static|_next/image|favicon.ico|icon.svg).*)",
      missing: [{ type: "header", key: "next-router-prefetch" }],
    },
  ],
};
