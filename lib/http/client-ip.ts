/**
 * The address of the person making a request. The project's HTTP server
 * (scripts/server.ts) decides it from the socket and TRUSTED_PROXIES and hands
 * it on in this header, after removing any copy the client sent; nothing else
 * (X-Forwarded-For, X-Real-IP) is trusted here.
 */
export const CLIENT_IP_HEADER = "x-koppelkans-client-ip";

type HeaderSource = Headers | Record<string, unknown> | undefined | null;

/** The client address set by the server, or "unknown" (e.g. when Next.js runs without the project's server). */
export function clientIp(headers: HeaderSource): string {
  if (!headers) return "unknown";
  const value = headers instanceof Headers ? headers.get(CLIENT_IP_HEADER) : headers[CLIENT_IP_HEADER];
  const ip = Array.isArray(value) ? value[0] : value;
  return typeof ip === "string" && ip.trim() ? ip.trim() : "unknown";
}
