"use client";

import { useCallback, useState, useSyncExternalStore } from "react";
import { browserStorage, readLocalDraft, removeLocalDraft, writeLocalDraft, type LocalDraft } from "@/lib/editor/local-draft";

const subscribeToNothing = () => () => {};

/** False while rendering on the server and hydrating, true after: storage is only read then. */
export function useInBrowser(): boolean {
  return useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
}

export type LocalDraftHandle<T> = {
  /** What was kept when the form opened: undefined until read in the browser, then the draft or null. */
  opened: LocalDraft<T> | null | undefined;
  /** Keeps `value` (based on the server's `base` version). */
  keep: (value: T, base?: string | null) => void;
  /** Forgets the kept value (after sending or saving it, or when the writer discards it). */
  forget: () => void;
};

/**
 * Unsent text kept in localStorage under `key`. What was kept is read once,
 * after hydration (the server cannot know it), and stays as it was read, so
 * later writes do not change what the form opened with.
 */
export function useLocalDraft<T>(key: string, parse: (value: unknown) => T | null): LocalDraftHandle<T> {
  const inBrowser = useInBrowser();
  const [opened, setOpened] = useState<{ draft: LocalDraft<T> | null } | undefined>(undefined);
  if (inBrowser && opened === undefined) setOpened({ draft: readLocalDraft(browserStorage(), key, parse) });

  const keep = useCallback(
    (value: T, base: string | null = null) => void writeLocalDraft(browserStorage(), key, { value, savedAt: Date.now(), base }),
    [key],
  );
  const forget = useCallback(() => removeLocalDraft(browserStorage(), key), [key]);
  return { opened: opened?.draft, keep, forget };
}
