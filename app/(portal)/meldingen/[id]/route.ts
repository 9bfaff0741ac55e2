import { openNotification } from "@/lib/notifications/service";
import { getCurrentUser } from "@/lib/session";

/**
 * Opening a notification from the list: marks it read, then goes to the exact
 * comment (`/updates/<id>#reactie-<commentId>`; the browser scrolls to it).
 * Someone else's or an unknown id goes back to the list.
 */
export async function GET(_request: Request, { params }: RouteContext<"/meldingen/[id]">) {
  const { id } = await params;
  const user = await getCurrentUser();
  const target = user
    ? ((await openNotification({ actor: user, notificationId: id })) ?? "/meldingen")
    : `/inloggen?callbackUrl=${encodeURIComponent(`/meldingen/${id}`)}`;
  return seeOther(target);
}

/**
 * A relative redirect: the browser stays on the address it used (request.url
 * carries the address the server is bound to, e.g. 0.0.0.0, which would lose
 * the session cookie).
 */
function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });
}
