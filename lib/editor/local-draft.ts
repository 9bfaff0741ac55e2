/**
 * Unsent text kept in the browser (localStorage), so a crash, a reload or a
 * closed tab does not lose it. Pure functions over a Storage-like object, so
 * they are tested without a browser; every storage call is guarded, because
 * storage may be full or switched off and writing must never break typing.
 */

/** The part of `Storage` used here. */
export type DraftStorage = Pick<Storage, "getItem" | "setItem" | "removeItem" | "key" | "length">;

/** What is stored under a key: the value, when it was written and the server version it was based on. */
export type LocalDraft<T> = { value: T; savedAt: number; base: string | null };

/** Every key starts with this, so signing out can remove them all. */
export const LOCAL_DRAFT_PREFIX = "koppelkans:draft:";

/** The key of the editor of one update (or of a new one), per person. */
export function editorDraftKey(userId: string, updateId: string | null): string {
  return `${LOCAL_DRAFT_PREFIX}update:${userId}:${updateId ?? "new"}`;
}

/** The key of an unsent comment on an update, or a reply to one comment. */
export function commentDraftKey(updateId: string, parentId?: string | null, feedbackRequestId?: string | null): string {
  return `${LOCAL_DRAFT_PREFIX}comment:${updateId}:${parentId ?? feedbackRequestId ?? "top"}`;
}

export function readLocalDraft<T>(storage: DraftStorage | null, key: string, parse: (value: unknown) => T | null): LocalDraft<T> | null {
  let raw: string | null = null;
  try {
    raw = storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
  if (!raw) return null;
  try {
    const stored: unknown = JSON.parse(raw);
    if (!stored || typeof stored !== "object") return null;
    const record = stored as { value?: unknown; savedAt?: unknown; base?: unknown };
    const value = parse(record.value);
    if (value === null || typeof record.savedAt !== "number") return null;
    return { value, savedAt: record.savedAt, base: typeof record.base === "string" ? record.base : null };
  } catch {
    return null;
  }
}

/** Writes the draft; answers false where the browser refused (full or switched off). */
export function writeLocalDraft<T>(storage: DraftStorage | null, key: string, draft: LocalDraft<T>): boolean {
  try {
    storage?.setItem(key, JSON.stringify(draft));
    return Boolean(storage);
  } catch {
    return false;
  }
}

export function removeLocalDraft(storage: DraftStorage | null, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    // Nothing to keep safe: a draft that cannot be removed is overwritten or discarded next time.
  }
}

/** Removes every kept draft (on signing out, so the next person on this browser finds nothing). */
export function removeAllLocalDrafts(storage: DraftStorage | null): void {
  if (!storage) return;
  try {
    const keys: string[] = [];
    for (let index = 0; index < storage.length; index += 1) {
      const key = storage.key(index);
      if (key?.startsWith(LOCAL_DRAFT_PREFIX)) keys.push(key);
    }
    for (const key of keys) storage.removeItem(key);
  } catch {
    // Storage switched off: then nothing was kept either.
  }
}

/**
 * Whether the kept draft should replace what the server has: only when it
 * differs, and it was either made on top of the server's current version or
 * written after it (a version saved later elsewhere wins over an old local copy).
 */
export function shouldRestore<T>(
  draft: LocalDraft<T> | null,
  server: { value: T; version: string | null },
  same: (a: T, b: T) => boolean,
): draft is LocalDraft<T> {
  if (!draft || same(draft.value, server.value)) return false;
  if (server.version === null || draft.base === server.version) return true;
  const serverTime = Date.parse(server.version);
  return Number.isNaN(serverTime) || draft.savedAt > serverTime;
}

/** The browser's localStorage, or null where there is none (server rendering, storage switched off). */
export function browserStorage(): DraftStorage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null;
  }
}
