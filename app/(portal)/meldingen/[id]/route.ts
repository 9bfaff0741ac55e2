import { notificationTarget } from "@/lib/notifications/service";
import { getCurrentUser } from "@/lib/session";

/**
 * A link to a notification goes to the exact comment
 * (`/updates/<id>#reactie-<commentId>`; the browser scrolls to it) and changes
 * nothing: prefetchers, link checkers and `<img src>` can open a GET. The list
 * on /meldingen marks it read with a POST (openNotificationAction).
 * Someone else's or an unknown id goes back to the list.
 */
export async function GET(_request: Request, { params }: RouteContext<"/meldingen/[id]">) {
  const { id } = await params;
  const user = await getCurrentUser();
  const target = user
    ? ((await notificationTarget({ actor: user, notificationId: id })) ?? "/meldingen")
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
