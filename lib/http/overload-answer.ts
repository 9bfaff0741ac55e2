import type { ServerResponse } from "node:http";

/**
 * The answer to a request the server is too busy for (503): a small static
 * HTML page in Dutch with English below, or JSON for /api/*. Built without
 * Next.js and without any external resource, because it must stay cheap
 * exactly when the server has no time to spare. This file imports nothing of
 * the app: the server loads it outside Next.js.
 */

export const OVERLOAD_TEXT = {
  nl: "De server is even te druk. Probeer het over een paar seconden opnieuw.",
  en: "The server is busy right now. Please try again in a few seconds.",
} as const;

export const OVERLOAD_PAGE = `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Even te druk · Koppelkans</title>
<style>
body{margin:0;font-family:system-ui,sans-serif;line-height:1.5;color:#1f2937;background:#f9fafb}
main{max-width:36rem;margin:0 auto;padding:2rem 1rem}
h1{font-size:1.5rem;margin:0 0 .5rem}
h2{font-size:1.125rem;margin:2rem 0 .25rem}
a{color:#1d4ed8}
a:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}
</style>
</head>
<body>
<main>
<h1>Koppelkans is even te druk</h1>
<p>${OVERLOAD_TEXT.nl} Wat je hebt ingevuld, is niet verstuurd.</p>
<p><a href="">Opnieuw proberen</a></p>
<section lang="en" aria-labelledby="english">
<h2 id="english">Koppelkans is busy</h2>
<p>${OVERLOAD_TEXT.en} Anything you filled in was not sent.</p>
</section>
</main>
</body>
</html>
`;

export const OVERLOAD_JSON = JSON.stringify({ ok: false, error: "overloaded", message: OVERLOAD_TEXT.nl });

/** The body and content type for a request to `pathname`: JSON for the API, the page for everything else. */
export function overloadBody(pathname: string): { contentType: string; body: string } {
  if (pathname === "/api" || pathname.startsWith("/api/")) {
    return { contentType: "application/json; charset=utf-8", body: OVERLOAD_JSON };
  }
  return { contentType: "text/html; charset=utf-8", body: OVERLOAD_PAGE };
}

/** Sends the 503 and closes the connection, so the client's retry may reach a less busy worker. */
export function sendOverloaded(res: ServerResponse, pathname: string, retryAfterSeconds: number): void {
  if (res.headersSent || res.destroyed) {
    res.destroy();
    return;
  }
  for (const name of res.getHeaderNames()) if (name !== "x-request-id") res.removeHeader(name);
  const { contentType, body } = overloadBody(pathname);
  res.writeHead(503, {
    "Content-Type": contentType,
    "Content-Length": String(Buffer.byteLength(body)),
    "Retry-After": String(retryAfterSeconds),
    "Cache-Control": "no-store",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'",
    "X-Content-Type-Options": "nosniff",
    Connection: "close",
  });
  res.end(body);
}
