import net from "node:net";

/**
 * Which peers may tell us the client's address (TRUSTED_PROXIES), and the
 * client address that follows from the socket and X-Forwarded-For.
 */

/** Addresses and networks whose X-Forwarded-For is believed. */
export type TrustedProxies = { readonly list: net.BlockList; readonly size: number };

export class TrustedProxiesError extends Error {}

const MAPPED_IPV4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

/** An IP address in one spelling (IPv4-mapped IPv6 as plain IPv4, lower case), or null when it is none. */
export function normalizeAddress(raw: string): string | null {
  let text = raw.trim();
  if (text.startsWith("[")) {
    // "[2001:db8::1]" or "[2001:db8::1]:443".
    const end = text.indexOf("]");
    if (end < 0 || !/^(?::\d{1,5})?$/.test(text.slice(end + 1))) return null;
    text = text.slice(1, end);
  } else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d{1,5}$/.test(text)) {
    text = text.slice(0, text.lastIndexOf(":"));
  }
  if (net.isIP(text) === 0) return null;
  const mapped = MAPPED_IPV4.exec(text);
  return (mapped ? mapped[1]! : text).toLowerCase();
}

/** Parses TRUSTED_PROXIES: comma-separated IPs and CIDRs (IPv4, IPv6, IPv4-mapped IPv6); empty means none. */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const list = new net.BlockList();
  let size = 0;
  for (const entry of (value ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [rawAddress = "", rawPrefix, extra] = entry.split("/");
    const address = normalizeAddress(rawAddress);
    const family = address && net.isIPv6(address) ? "ipv6" : "ipv4";
    const mappedFrom = MAPPED_IPV4.test(rawAddress.trim());
    let prefix = rawPrefix === undefined ? undefined : /^\d{1,3}$/.test(rawPrefix.trim()) ? Number(rawPrefix) : Number.NaN;
    // ::ffff:10.0.0.0/104 is 10.0.0.0/8.
    if (prefix !== undefined && mappedFrom) prefix -= 96;
    const maxPrefix = family === "ipv6" ? 128 : 32;
    if (!address || extra !== undefined || (prefix !== undefined && !(prefix >= 0 && prefix <= maxPrefix))) {
      throw new TrustedProxiesError(
        `TRUSTED_PROXIES bevat "${entry}": dat is geen IP-adres of netwerk (zoals 10.0.0.1, 10.0.0.0/8 of fd00::/8).`,
      );
    }
    if (prefix === undefined) list.addAddress(address, family);
    else list.addSubnet(address, prefix, family);
    size += 1;
  }
  return { list, size };
}

export function isTrusted(trusted: TrustedProxies, address: string): boolean {
  return trusted.size > 0 && trusted.list.check(address, net.isIPv6(address) ? "ipv6" : "ipv4");
}

/**
 * The client's address: the socket's peer, unless that peer is a trusted
 * proxy; then X-Forwarded-For is read from the right (each proxy appends the
 * peer it saw), trusted hops are skipped, and the first untrusted one is the
 * client. A malformed entry ends the walk at the last hop that could be
 * checked. Null when the socket has no address (already closed).
 */
export function clientAddress(
  remoteAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trusted: TrustedProxies,
): string | null {
  const peer = remoteAddress ? normalizeAddress(remoteAddress) : null;
  if (!peer || !isTrusted(trusted, peer)) return peer;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "")).split(",").filter((hop) => hop.trim() !== "");
  let current = peer;
  for (let index = hops.length - 1; index >= 0; index -= 1) {
    const hop = normalizeAddress(hops[index]!);
    if (!hop) return current;
    current = hop;
    if (!isTrusted(trusted, hop)) return hop;
  }
  return current;
}
