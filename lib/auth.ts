import "server-only";
import { PrismaAdapter } from "@auth/prisma-adapter";
import type { NextAuthOptions } from "next-auth";
import type { Adapter } from "next-auth/adapters";
import CredentialsProvider from "next-auth/providers/credentials";
import { verifyPassword } from "@/lib/accounts/password";
import { signInSchema } from "@/lib/accounts/schema";
import { db } from "@/lib/db";
import { isSignInAllowed, recordFailedSignIn, recordSuccessfulSignIn } from "@/lib/rate-limit";

/** Errors the sign-in form can show; anything else is "wrong email or password". */
export const SIGN_IN_ERRORS = ["CredentialsSignin", "AccountBlocked", "RateLimited"] as const;

function clientIp(headers: Record<string, unknown> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  const first = typeof forwarded === "string" ? forwarded.split(",")[0]?.trim() : undefined;
  const real = headers?.["x-real-ip"];
  return first || (typeof real === "string" ? real : "") || "unknown";
}

/**
 * Checks an email and password. Unknown email and wrong password take the
 * same time and give the same answer; a blocked account is named only to
 * someone who knows its password.
 */
export async function authorizeCredentials(
  credentials: Record<string, unknown> | undefined,
  ip: string,
): Promise<{ id: string; email: string; name: string; sessionVersion: number } | null> {
  const parsed = signInSchema.safeParse(credentials ?? {});
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  if (!(await isSignInAllowed(email, ip))) throw new Error("RateLimited");

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true, blockedAt: true, sessionVersion: true },
  });
  const valid = await verifyPassword(user?.passwordHash, password);
  if (!user || !valid) {
    await recordFailedSignIn(email, ip);
    return null;
  }
  if (user.blockedAt) throw new Error("AccountBlocked");
  await recordSuccessfulSignIn(email);
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}

export const authOptions: NextAuthOptions = {
  // Holds Account/Session rows for an OIDC provider, should one be configured;
  // credentials sign-in itself uses JWT sessions.
  adapter: PrismaAdapter(db as never) as Adapter,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/inloggen", error: "/inloggen" },
  providers: [
    CredentialsProvider({
      name: "E-mail en wachtwoord",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      authorize: (credentials, request) => authorizeCredentials(credentials, clientIp(request?.headers)),
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = user.sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      session.uid = token.uid;
      session.sv = token.sv;
      return session;
    },
  },
};
