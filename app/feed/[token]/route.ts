import type { NextRequest } from "next/server";
import { buildUpdatesFeed } from "@/lib/feeds/queries";
import { userForFeedToken } from "@/lib/feeds/service";
import en from "@/lib/i18n/messages/en.json";
import nl from "@/lib/i18n/messages/nl.json";
import { searchParamsRecord } from "@/lib/updates/export";
import { parseUpdatesTableParams } from "@/lib/updates/table-params";

/**
 * GET /feed/<token>?<the table's filters>: the personal Atom feed of the 50
 * newest published updates. Feed readers have no session, so the token is the
 * authentication (proxy.ts lets /feed/ through); an unknown token or a
 * blocked account gets a 404 that does not say which.
 */
export async function GET(request: NextRequest, context: RouteContext<"/feed/[token]">): Promise<Response> {
  const { token } = await context.params;
  const user = await userForFeedToken(token);
  if (!user) {
    return new Response(nl.feed.notFound, {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
    });
  }
  const catalog = user.locale === "en" ? en : nl;
  const params = parseUpdatesTableParams(searchParamsRecord(request.nextUrl.searchParams));
  const xml = await buildUpdatesFeed({ token, params, title: catalog.feed.title, subtitle: catalog.feed.subtitle, language: user.locale });
  return new Response(xml, {
    status: 200,
    headers: {
      "Content-Type": "application/atom+xml; charset=utf-8",
      "Cache-Control": "private, max-age=300",
      "X-Content-Type-Options": "nosniff",
      // The URL holds a secret: do not pass it on to linked sites.
      "Referrer-Policy": "no-referrer",
    },
  });
}
