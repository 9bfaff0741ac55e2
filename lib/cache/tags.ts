/**
 * The tags of what the portal caches for everyone, and which writes touch
 * them. Reads declare the tags they depend on (lib/cache/shared.ts); the write
 * pipeline (lib/mutation.ts) invalidates the tags a mutation declares plus
 * those its audit events imply, so moderation, taxonomy and programme writes
 * need no list of their own.
 */

export const CACHE_TAGS = ["listed-updates", "taxonomy", "programme"] as const;
export type CacheTag = (typeof CACHE_TAGS)[number];

/** The channel every process listens on for tags invalidated by another process. */
export const CACHE_CHANNEL = "koppelkans_cache";

/** Audit events by their subject (the part before the dot) and the cached reads they change. */
const TAGS_BY_SUBJECT: Record<string, readonly CacheTag[]> = {
  update: ["listed-updates"],
  opgave: ["taxonomy", "listed-updates"],
  theme: ["taxonomy", "listed-updates"],
  municipality: ["programme"],
  wijk: ["programme"],
  experiment: ["programme"],
};

/** The tags a write's audit events imply (e.g. "update.hide" → the listed updates). */
export function tagsForAuditEvents(types: readonly string[]): CacheTag[] {
  return mergeTags(...types.map((type) => TAGS_BY_SUBJECT[type.slice(0, type.indexOf("."))] ?? []));
}

/** Several tag lists as one, each tag once, in the registry's order. */
export function mergeTags(...lists: readonly (readonly CacheTag[])[]): CacheTag[] {
  const all = new Set(lists.flat());
  return CACHE_TAGS.filter((tag) => all.has(tag));
}

/** A notification's payload ("a,b") back to tags; unknown words are ignored. */
export function parseTagPayload(payload: string | undefined): CacheTag[] {
  const words = new Set((payload ?? "").split(","));
  return CACHE_TAGS.filter((tag) => words.has(tag));
}
