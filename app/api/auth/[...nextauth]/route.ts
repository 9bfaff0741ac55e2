import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { withSsoOutcome } from "@/lib/accounts/oidc-sign-in";
import { runSsoRequest } from "@/lib/accounts/sso-request";
import { authOptionsFor, requestIsHttps, sessionCookie } from "@/lib/auth";

// Options per request: behind an HTTPS proxy the cookies are Secure even when APP_URL says http.
// Each request carries its own single sign-on state (lib/accounts/sso-request.ts).
async function handler(request: NextRequest, context: RouteContext<"/api/auth/[...nextauth]">) {
  const https = requestIsHttps(request.headers, request.url);
  return runSsoRequest(async (sso) => {
    const response = await NextAuth(request, context, authOptionsFor({ https }));
    return withSsoOutcome(response, sso, { secure: sessionCookie({ https }).options.secure });
  });
}

export { handler as GET, handler as POST };
