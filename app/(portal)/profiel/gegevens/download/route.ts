import type { NextRequest } from "next/server";
import { LOCALE_COOKIE } from "@/lib/i18n/config";
import { can } from "@/lib/policy/permissions";
import { createExportArchive } from "@/lib/privacy/archive";
import { exportFilename, exportResponse, refusal } from "@/lib/privacy/http";
import { getCurrentUser } from "@/lib/session";

/** GET /profiel/gegevens/download: everything the portal holds about the signed-in person, as one zip (AVG right of access). */
export async function GET(request: NextRequest): Promise<Response> {
  // proxy.ts already sends visitors to the sign-in page; check here anyway.
  const user = await getCurrentUser();
  if (!can(user, "portal:read")) return refusal(401, "privacy.signInRequired", request.cookies.get(LOCALE_COOKIE)?.value);
  const now = new Date();
  return exportResponse(await createExportArchive(user.id, { now }), exportFilename(now));
}
