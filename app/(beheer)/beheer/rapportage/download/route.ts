import type { NextRequest } from "next/server";
import { createReportArchive } from "@/lib/analytics/report-archive";
import { reportArchiveName } from "@/lib/analytics/report-csv";
import { parseReportPeriod } from "@/lib/analytics/report-period";
import { getProgrammeReport } from "@/lib/analytics/report-queries";
import { LOCALE_COOKIE } from "@/lib/i18n/config";
import { can } from "@/lib/policy/permissions";
import { exportResponse, refusal } from "@/lib/privacy/http";
import { getCurrentUser } from "@/lib/session";
import { errorMessage } from "@/lib/uploads/http";

/**
 * GET /beheer/rapportage/download?from=YYYY-MM-DD&to=YYYY-MM-DD: the programme
 * report of the period as a zip of CSV files (coordinators and admins). No
 * audit row: it holds counts, titles and lesson names that every member reads
 * in the portal, no personal data (the AVG export, which does, is audited).
 */
export async function GET(request: NextRequest): Promise<Response> {
  const locale = request.cookies.get(LOCALE_COOKIE)?.value;
  // proxy.ts already sends visitors to the sign-in page; check here anyway.
  const actor = await getCurrentUser();
  if (!actor) return refusal(401, "report.signInRequired", locale);
  if (!can(actor, "programme-report:read")) return refusal(403, "permission.denied", locale);
  const search = request.nextUrl.searchParams;
  const requested = parseReportPeriod({ from: search.get("from"), to: search.get("to") });
  if (!requested.ok) {
    return new Response(errorMessage(requested.error, locale), {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store, private", "X-Content-Type-Options": "nosniff" },
    });
  }
  // Dutch whatever the reader's language: the bundle's headers and LEESMIJ are, so the opgaven's names are too.
  const report = await getProgrammeReport(requested.period);
  return exportResponse(createReportArchive(report), reportArchiveName(report));
}
