import "server-only";
import { cookies, headers } from "next/headers";
import { requestIsHttps } from "@/lib/auth";
import { LOCALE_COOKIE, type AppLocale } from "./config";

/**
 * Remembers the UI language in this browser: when it is switched, and at a
 * sign-in in a browser that never chose one (the account's saved language).
 * Like the session cookie: never readable by script, and Secure over HTTPS.
 */
export async function rememberLocale(locale: AppLocale): Promise<void> {
  const request = await requestScope();
  if (!request) return;
  const secure = requestIsHttps(request.headers);
  request.cookies.set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", httpOnly: true, secure, maxAge: 365 * 24 * 60 * 60 });
}

/**
 * At sign-in: the account's language, unless this browser already chose one
 * (on the sign-in page just now, or earlier here): that choice stands.
 */
export async function rememberLocaleUnlessChosen(locale: AppLocale): Promise<void> {
  const request = await requestScope();
  if (request && !request.cookies.has(LOCALE_COOKIE)) await rememberLocale(locale);
}

/** The request's headers and cookies; null outside a request (next-auth's handler called from a test or script: no browser to tell). */
async function requestScope() {
  try {
    return { headers: await headers(), cookies: await cookies() };
  } catch {
    return null;
  }
}
