import { CACHE_TAGS, type CacheTag } from "./tags";

/**
 * A cache, in each server process, for reads that are the same for every
 * reader (counts of listed updates, taxonomy lists, filter options, the
 * programme's lists). Each entry remembers the generation of its tags when
 * its read started; invalidating a tag bumps the generation, so an entry (or
 * a read still running) from before a write is never served after it.
 *
 * Only active inside the Next server while the cross-process listener
 * (lib/cache/listener.ts) is connected: without it another worker's write
 * could go unnoticed, so every read then goes to the database. Vitest and
 * scripts always read fresh unless a test turns the cache on.
 */

type Entry = { value: Promise<unknown>; generations: number[]; tags: readonly CacheTag[]; expiresAt: number };
type State = { entries: Map<string, Entry>; generations: Map<CacheTag, number>; listening: boolean; forced: boolean | null };

const globalForCache = globalThis as unknown as { koppelkansCache?: State };
const state: State = (globalForCache.koppelkansCache ??= {
  entries: new Map(),
  generations: new Map(CACHE_TAGS.map((tag) => [tag, 0])),
  listening: false,
  forced: null,
});

/** A safety net: even without a write, an entry is read again after this long. */
const DEFAULT_TTL_MS = 10 * 60 * 1000;

let startListener: (() => void) | null = null;

/** Set by the listener module, so this file stays free of database code (and importable in tests). */
export function registerListener(start: () => void) {
  startListener = start;
}

/** The listener says whether it is connected; while it is not, nothing is cached. */
export function setListening(listening: boolean) {
  state.listening = listening;
  if (!listening) state.entries.clear();
}

/** For tests: turn the cache on or off regardless of the runtime (null: back to the default). */
export function forceCache(enabled: boolean | null) {
  state.forced = enabled;
  state.entries.clear();
}

function isActive(): boolean {
  if (state.forced !== null) return state.forced;
  if (process.env.NEXT_RUNTIME !== "nodejs") return false;
  if (!state.listening) startListener?.();
  return state.listening;
}

const generationsOf = (tags: readonly CacheTag[]) => tags.map((tag) => state.generations.get(tag) ?? 0);

/**
 * `read` cached under `name` and its arguments (JSON), dropped when any of
 * `tags` is invalidated. The answer is shared between requests: callers must
 * not change it (copy before sorting or editing).
 */
export function cached<A extends unknown[], T>(
  name: string,
  tags: readonly CacheTag[],
  read: (...args: A) => Promise<T>,
  { ttlMs = DEFAULT_TTL_MS }: { ttlMs?: number } = {},
): (...args: A) => Promise<T> {
  return (...args: A) => {
    if (!isActive()) return read(...args);
    const key = `${name}:${JSON.stringify(args)}`;
    const now = Date.now();
    const hit = state.entries.get(key);
    const current = generationsOf(tags);
    if (hit && hit.expiresAt > now && hit.generations.every((generation, index) => generation === current[index])) {
      return hit.value as Promise<T>;
    }
    const value = read(...args);
    const entry: Entry = { value, generations: current, tags, expiresAt: now + ttlMs };
    state.entries.set(key, entry);
    // A failed read is not kept: the next request tries again.
    value.catch(() => {
      if (state.entries.get(key) === entry) state.entries.delete(key);
    });
    return value;
  };
}

/** Drops every entry that depends on one of `tags`, in this process (the pipeline tells the others). */
export function invalidateLocally(tags: readonly CacheTag[]) {
  if (tags.length === 0) return;
  for (const tag of tags) state.generations.set(tag, (state.generations.get(tag) ?? 0) + 1);
  for (const [key, entry] of state.entries) {
    if (entry.tags.some((tag) => tags.includes(tag))) state.entries.delete(key);
  }
}
