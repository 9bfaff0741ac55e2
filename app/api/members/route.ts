import type { NextRequest } from "next/server";
import { memberSearchSchema, searchMembers } from "@/lib/comments/members";
import { can } from "@/lib/policy/permissions";
import { getCurrentUser } from "@/lib/session";

const headers = { "Cache-Control": "private, no-store" } as const;

/**
 * GET /api/members?q=… — for the mention autocomplete: up to 8 active members
 * matching q (1–50 characters), as `{ ok: true, data: [{ id, name, municipality }] }`.
 * Signed-in members only: 401 JSON otherwise (the proxy does not redirect /api/*).
 */
export async function GET(request: NextRequest): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return Response.json({ ok: false, error: "unauthorized" }, { status: 401, headers });
  if (!can(user, "member:search")) return Response.json({ ok: false, error: "forbidden" }, { status: 403, headers });

  const parsed = memberSearchSchema.safeParse({ q: request.nextUrl.searchParams.get("q") ?? "" });
  if (!parsed.success) return Response.json({ ok: false, error: "invalid" }, { status: 400, headers });

  const members = await searchMembers(user, parsed.data.q);
  return Response.json({ ok: true, data: members }, { headers });
}
