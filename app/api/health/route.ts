import type { NextRequest } from "next/server";
import { db } from "@/lib/db";

// Always run on request: a cached answer would say nothing about the server.
export const dynamic = "force-dynamic";

const headers = { "Cache-Control": "no-store" } as const;

/**
 * GET /api/health — for load balancers and the load test's ceiling: `{ status: "ok" }`
 * without touching the database or the session. `?db=1` also pings the
 * database (`SELECT 1`) and answers 503 `{ status: "unavailable" }` when it does not answer.
 */
export async function GET(request: NextRequest): Promise<Response> {
  if (request.nextUrl.searchParams.get("db") !== "1") return Response.json({ status: "ok" }, { headers });
  try {
    await db.$queryRaw`SELECT 1`;
    return Response.json({ status: "ok", database: "ok" }, { headers });
  } catch {
    return Response.json({ status: "unavailable", database: "unreachable" }, { status: 503, headers });
  }
}
