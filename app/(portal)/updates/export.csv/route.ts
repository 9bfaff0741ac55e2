import type { NextRequest } from "next/server";
import { LOCALE_COOKIE } from "@/lib/i18n/config";
import en from "@/lib/i18n/messages/en.json";
import nl from "@/lib/i18n/messages/nl.json";
import { can } from "@/lib/policy/permissions";
import { getCurrentUser } from "@/lib/session";
import { collectUpdatesForExport, exportFilename, searchParamsRecord, updatesCsv } from "@/lib/updates/export";
import { parseUpdatesTableParams } from "@/lib/updates/table-params";

/**
 * GET /updates/export.csv?<the table's query>: every update the table shows
 * for these filters, search and sort (not one page), as CSV for Dutch Excel.
 */
export async function GET(request: NextRequest): Promise<Response> {
  // proxy.ts already sends visitors to the sign-in page; check here anyway.
  const user = await getCurrentUser();
  if (!can(user, "portal:read")) {
    const catalog = request.cookies.get(LOCALE_COOKIE)?.value === "en" ? en : nl;
    return new Response(catalog.updatesExport.signInRequired, {
      status: 401,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
    });
  }

  const params = parseUpdatesTableParams(searchParamsRecord(request.nextUrl.searchParams));
  const { rows, truncated } = await collectUpdatesForExport(params);
  return new Response(updatesCsv(rows), {
    status: 200,
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportFilename()}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      ...(truncated ? { "X-Koppelkans-Truncated": "true" } : {}),
    },
  });
}
