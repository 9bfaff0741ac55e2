/** The public address of the portal, for links in emails and feeds. */
export function appUrl(path = "/"): string {
  const base = process.env.APP_URL ?? process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
  return new URL(path, base.endsWith("/") ? base : `${base}/`).toString();
}
