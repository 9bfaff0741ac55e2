import { appUrl } from "@/lib/app-url";

/** The portal's own origin, e.g. `https://koppelkans.example.nl`. */
export function appOrigin(): string {
  return new URL(appUrl()).origin;
}

/**
 * A same-origin path to go to after sign-in; anything else becomes "/".
 * The value is parsed the way a browser parses it (which drops tabs and
 * newlines and reads "\" as "/"), so no spelling of another host gets through,
 * and the answer is the parsed path + query + hash, free of control characters.
 */
export function safeCallbackPath(value: unknown, origin: string = appOrigin()): string {
  if (typeof value !== "string" || value === "") return "/";
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return "/";
  }
  if (url.origin !== new URL(origin).origin) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/.//host" normalises to "//host", which a browser reads as another host.
  if (!path.startsWith("/") || path.startsWith("//")) return "/";
  return path;
}
