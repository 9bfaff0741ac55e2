import type { NextRequest } from "next/server";
import { LOCALE_COOKIE } from "@/lib/i18n/config";
import { can } from "@/lib/policy/permissions";
import { createExportArchive } from "@/lib/privacy/archive";
import { exportFilename, exportResponse, refusal } from "@/lib/privacy/http";
import { recordExportOnBehalf } from "@/lib/privacy/service";
import { isId } from "@/lib/route-params";
import { getCurrentUser } from "@/lib/session";

/** GET /beheer/gebruikers/<id>/gegevens/download: an admin downloads someone's data export at their request; the audit log records it first. */
export async function GET(request: NextRequest, context: RouteContext<"/beheer/gebruikers/[id]/gegevens/download">): Promise<Response> {
  const locale = request.cookies.get(LOCALE_COOKIE)?.value;
  const { id } = await context.params;
  const actor = await getCurrentUser();
  if (!actor) return refusal(401, "privacy.signInRequired", locale);
  if (!can(actor, "privacy:handle-requests")) return refusal(403, "permission.denied", locale);
  if (!isId(id)) return refusal(404, "user.notFound", locale);
  const recorded = await recordExportOnBehalf({ actor, input: { userId: id } });
  if (!recorded.ok) return refusal(recorded.error === "permission.denied" ? 403 : 404, recorded.error, locale);
  const now = new Date();
  return exportResponse(await createExportArchive(id, { now }), exportFilename(now, id));
}
