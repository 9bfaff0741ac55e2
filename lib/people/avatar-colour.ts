/**
 * The initials avatar: letters and a background colour derived from a
 * person's name. Pure functions (server and browser alike), so the same name
 * always gets the same colour everywhere, without storing anything.
 */

/** Backgrounds for white initials; each has a contrast of at least 4.5:1 with white (tests/avatar-colour.test.ts). */
export const AVATAR_PALETTE = [
  "#1d4ed8",
  "#047857",
  "#b91c1c",
  "#7e22ce",
  "#0f766e",
  "#be185d",
  "#4338ca",
  "#c2410c",
  "#334155",
  "#a16207",
] as const;

/** FNV-1a over the UTF-16 code units: small, fast and stable across runtimes. */
function hashName(name: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < name.length; index += 1) {
    hash ^= name.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** The background colour for a name; spaces and case do not change it. */
export function colourForName(name: string): string {
  const key = name.trim().replace(/\s+/g, " ").toLocaleLowerCase("nl");
  return AVATAR_PALETTE[hashName(key) % AVATAR_PALETTE.length] ?? AVATAR_PALETTE[0];
}

/** Up to two letters: of the first and last word that start with a letter ("Fatima El Idrissi (demo)" → "FI"). */
export function initialsOf(name: string): string {
  const words = name.split(/\s+/).filter((word) => /^\p{L}/u.test(word));
  const first = words[0];
  if (!first) return "?";
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  const letter = (word: string) => Array.from(word)[0] ?? "";
  return (letter(first) + (last ? letter(last) : "")).toLocaleUpperCase("nl");
}

/** The relative luminance of a #rrggbb colour (WCAG 2.1). */
export function relativeLuminance(hex: string): number {
  const channels = [1, 3, 5].map((start) => Number.parseInt(hex.slice(start, start + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The WCAG contrast ratio of two #rrggbb colours. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}
