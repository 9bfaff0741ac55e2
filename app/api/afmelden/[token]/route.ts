import { NextResponse } from "next/server";
import { unsubscribe } from "@/lib/notifications/unsubscribe";

/**
 * One-click unsubscribe (RFC 8058): mail programs POST
 * `List-Unsubscribe=One-Click` here (the List-Unsubscribe header points at
 * this address); the confirm button on /afmelden/<token> posts here too, with
 * `bron=pagina`, and goes back to that page. No sign-in: the signed token is
 * the permission. GET changes nothing (link checkers open links).
 */
export async function POST(request: Request, { params }: RouteContext<"/api/afmelden/[token]">) {
  const { token } = await params;
  const form = await request.formData().catch(() => null);
  const fromPage = form?.get("bron") === "pagina";
  const result = await unsubscribe(token);
  if (fromPage) {
    return seeOther(`/afmelden/${encodeURIComponent(token)}${result.ok ? "?klaar=1" : ""}`);
  }
  if (!result.ok) {
    const text =
      result.reason === "expired"
        ? "Deze afmeldlink is verlopen. / This unsubscribe link has expired."
        : "Deze afmeldlink klopt niet. / This unsubscribe link is not valid.";
    return new NextResponse(text, {
      status: result.reason === "expired" ? 410 : 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  return new NextResponse("Je bent afgemeld. / You have been unsubscribed.", {
    status: 200,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}

export async function GET(_request: Request, { params }: RouteContext<"/api/afmelden/[token]">) {
  const { token } = await params;
  return seeOther(`/afmelden/${encodeURIComponent(token)}`);
}

/** A relative redirect: the browser stays on the address it used (request.url may carry the bound address, e.g. 0.0.0.0). */
function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });
}
