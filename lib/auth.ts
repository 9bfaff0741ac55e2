import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { cookies, headers } from "next/headers";
import { accountBlockedError } from "@/lib/accounts/block-notice";
import { oidcProvider, type OidcProfile } from "@/lib/accounts/oidc-provider";
import { admitOidcSignIn, authLogger } from "@/lib/accounts/oidc-sign-in";
import { verifyPassword } from "@/lib/accounts/password";
import { signInSchema } from "@/lib/accounts/schema";
import { endSession, startSession } from "@/lib/accounts/sessions";
import { isPasswordSignInEnabled, signInConfig } from "@/lib/accounts/sign-in-config";
import { currentSsoRequest } from "@/lib/accounts/sso-request";
import { db } from "@/lib/db";
import { clientIp } from "@/lib/http/client-ip";
import { rememberLocaleUnlessChosen } from "@/lib/i18n/locale-cookie";
import { isBlockedNow } from "@/lib/policy/users";
import { isSignInAllowed, recordFailedSignIn, recordSuccessfulSignIn } from "@/lib/rate-limit";
import { safeCallbackPath } from "@/lib/safe-redirect";

/** How long a sign-in lasts (the cookie, the token and its Session row). */
export const SESSION_MAX_AGE_S = 12 * 60 * 60;

/** The error of a password sign-in while PASSWORD_SIGN_IN=off (the form is hidden then; this refuses a direct request). */
export const PASSWORD_SIGN_IN_OFF = "PasswordSignInOff";

/**
 * Checks an email and password. Unknown email and wrong password take the
 * same time and give the same answer; a blocked account is named only to
 * someone who knows its password, and only they get the token that shows the
 * reason. A block whose end has passed no longer counts.
 */
export async function authorizeCredentials(
  credentials: Record<string, unknown> | undefined,
  ip: string,
): Promise<{ id: string; email: string; name: string; sessionVersion: number } | null> {
  if (!isPasswordSignInEnabled()) throw new Error(PASSWORD_SIGN_IN_OFF);
  const parsed = signInSchema.safeParse(credentials ?? {});
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  if (!(await isSignInAllowed(email, ip))) throw new Error("RateLimited");

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true, blockedAt: true, blockedUntil: true, sessionVersion: true },
  });
  const valid = await verifyPassword(user?.passwordHash, password);
  if (!user || !valid) {
    await recordFailedSignIn(email, ip);
    return null;
  }
  if (isBlockedNow(user)) throw new Error(accountBlockedError(user.id));
  await recordSuccessfulSignIn(email, ip);
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}

/** Whether next-auth's cookie names carry the __Secure-/__Host- prefix: the rule getToken (proxy.ts) uses too. */
function prefixedCookieNames(): boolean {
  const url = process.env.NEXTAUTH_URL;
  return url ? url.startsWith("https://") : !!process.env.VERCEL;
}

/** next-auth's cookies with fixed names; only the Secure flag follows the request. */
function authCookies(https: boolean) {
  const prefixed = prefixedCookieNames();
  const options = { httpOnly: true, sameSite: "lax" as const, path: "/", secure: https || prefixed };
  const prefix = prefixed ? "__Secure-" : "";
  return {
    sessionToken: { name: `${prefix}next-auth.session-token`, options },
    callbackUrl: { name: `${prefix}next-auth.callback-url`, options },
    csrfToken: { name: `${prefixed ? "__Host-" : ""}next-auth.csrf-token`, options },
  } satisfies NextAuthOptions["cookies"];
}

/** The session cookie's name and attributes (to clear it outside next-auth). */
export function sessionCookie({ https = false }: { https?: boolean } = {}) {
  return authCookies(https).sessionToken;
}

/** Removes this browser's session cookie, once its session has ended on the server. */
export async function clearSessionCookie(): Promise<void> {
  const { name, options } = sessionCookie({ https: requestIsHttps(await headers()) });
  (await cookies()).set(name, "", { ...options, maxAge: 0 });
}

/**
 * Whether the browser reached us over HTTPS. X-Forwarded-Proto is honoured
 * from anyone: it can only add the Secure flag, never take it away.
 */
export function requestIsHttps(headers: Headers, url?: string): boolean {
  const forwarded = headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  return forwarded === "https" || (url !== undefined && new URL(url).protocol === "https:");
}

/** The options for one request (the route handler) or, without `https`, for reading sessions. */
export function authOptionsFor({ https = false }: { https?: boolean } = {}): NextAuthOptions {
  const { oidc } = signInConfig();
  return {
    // No adapter: sessions are JWTs, each with a Session row while it lives
    // (lib/accounts/sessions.ts), and lib/accounts/oidc-link.ts links SSO
    // accounts itself, by verified email to an invitation or account only.
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
    logger: authLogger,
    cookies: authCookies(https),
    pages: { signIn: "/inloggen", error: "/inloggen" },
    providers: [
      CredentialsProvider({
        name: "E-mail en wachtwoord",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        authorize: (credentials, request) => authorizeCredentials(credentials, clientIp(request?.headers)),
      }),
      ...(oidc ? [oidcProvider(oidc)] : []),
    ],
    callbacks: {
      // Password sign-ins were decided in authorize; an SSO sign-in is decided here, against Koppelkans's own accounts.
      signIn({ account, profile }) {
        if (account?.type !== "oauth") return true;
        return oidc ? admitOidcSignIn(profile as OidcProfile | undefined, oidc.issuer) : false;
      },
      async jwt({ token, user, account }) {
        if (user) {
          // After SSO `user` is the provider's profile; the account it was linked to is the request's.
          const person = account?.type === "oauth" ? currentSsoRequest()?.user : { id: user.id, sessionVersion: user.sessionVersion ?? 0 };
          if (!person) throw new Error("SSO sign-in without a linked Koppelkans account");
          token.sub = person.id;
          token.uid = person.id;
          token.sv = person.sessionVersion;
          token.sid = await startSession(person.id, SESSION_MAX_AGE_S);
          // Password and SSO both pass here: a browser that never chose a language takes the one saved on the account.
          const saved = await db.user.findUnique({ where: { id: person.id }, select: { locale: true } });
          if (saved) await rememberLocaleUnlessChosen(saved.locale);
        }
        return token;
      },
      session({ session, token }) {
        session.uid = token.uid;
        session.sv = token.sv;
        session.sid = token.sid;
        return session;
      },
      // Every callbackUrl next-auth redirects to passes the same check as the sign-in page's.
      redirect({ url, baseUrl }) {
        return new URL(safeCallbackPath(url, baseUrl), baseUrl).href;
      },
    },
    events: {
      // Ends the session on the server, so a copy of the cookie stops working too.
      signOut: ({ token }) => endSession(token?.sid),
    },
  };
}

export const authOptions: NextAuthOptions = authOptionsFor();
