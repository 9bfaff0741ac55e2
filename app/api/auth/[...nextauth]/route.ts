import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptionsFor, requestIsHttps } from "@/lib/auth";

// Options per request: behind an HTTPS proxy the cookies are Secure even when APP_URL says http.
async function handler(request: NextRequest, context: RouteContext<"/api/auth/[...nextauth]">) {
  return NextAuth(request, context, authOptionsFor({ https: requestIsHttps(request.headers, request.url) }));
}

export { handler as GET, handler as POST };
