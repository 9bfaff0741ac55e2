"use client";

import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import { useFormState } from "@/components/form/action-form";
import { canAutosave, sameSnapshot, snapshotOfForm, type EditorSnapshot } from "@/lib/editor/editor-snapshot";
import { browserStorage, editorDraftKey, removeLocalDraft, writeLocalDraft } from "@/lib/editor/local-draft";
import { autosaveUpdateAction } from "@/lib/updates/actions";

/** How long after the last keystroke the server copy is written. */
export const AUTOSAVE_DELAY_MS = 2000;
/** How often the form is looked at for changes made without an input event (an inserted image). */
const LOOK_INTERVAL_MS = 3000;

export type AutosaveStatus = { kind: "idle" } | { kind: "saving" } | { kind: "saved"; at: string } | { kind: "failed"; error: string };

export type AutosaveOptions = {
  /** An element inside the editor's form (the form is found through it). */
  anchor: RefObject<HTMLInputElement | null>;
  /** Whether typing is saved to the server (a new update or one's own draft); otherwise only kept in this browser. */
  toServer: boolean;
  updateId: string | null;
  userId: string;
  /** What the server holds now (for a new update: the empty form). */
  saved: EditorSnapshot;
  /** The server's version of `saved` (its updatedAt), null for a new update. */
  version: string | null;
  /** The form opened with text kept in this browser, so it differs from the server. */
  restored: boolean;
};

/**
 * The editor's safety net: every change is kept in localStorage at once; for
 * drafts it is also saved to the server a little after the last keystroke or
 * when a field loses focus. A new update becomes a draft on its first save,
 * and the address changes to that draft's editor without navigating.
 */
export function useAutosave({ anchor, toServer, updateId, userId, saved, version, restored }: AutosaveOptions) {
  const [status, setStatus] = useState<AutosaveStatus>({ kind: "idle" });
  const [dirty, setDirty] = useState(restored);
  const [draftId, setDraftId] = useState(updateId);
  // Mutable state the form's listeners share; never read while rendering.
  const live = useRef({
    id: updateId,
    saved,
    version,
    timer: undefined as number | undefined,
    busy: false,
    again: false,
    submitted: false,
    /** A save or publish clicked while the first autosave was still creating the draft: sent once that one is done. */
    queued: undefined as HTMLElement | null | undefined,
    seen: "",
  });
  const { state: formState } = useFormState();

  useEffect(() => {
    const found = anchor.current?.form;
    if (!found) return;
    const form: HTMLFormElement = found;
    const current = live.current;
    const storage = browserStorage();
    const read = () => snapshotOfForm(new FormData(form));
    const key = () => editorDraftKey(userId, current.id);

    function keep(snapshot: EditorSnapshot): boolean {
      current.seen = JSON.stringify(snapshot);
      const changed = !sameSnapshot(snapshot, current.saved);
      setDirty(changed);
      if (changed) writeLocalDraft(storage, key(), { value: snapshot, savedAt: Date.now(), base: current.version });
      else removeLocalDraft(storage, key());
      return changed;
    }

    async function save() {
      window.clearTimeout(current.timer);
      current.timer = undefined;
      if (current.submitted) return;
      if (current.busy) {
        current.again = true;
        return;
      }
      const snapshot = read();
      if (sameSnapshot(snapshot, current.saved) || !canAutosave(snapshot)) return;
      current.busy = true;
      const isNew = current.id === null;
      setStatus({ kind: "saving" });
      const data = new FormData(form);
      data.set("intent", "save");
      data.set("updateId", current.id ?? "");
      try {
        const result = await autosaveUpdateAction(data);
        if (result.ok) {
          if (isNew) {
            removeLocalDraft(storage, key());
            current.id = result.data.id;
            setDraftId(result.data.id);
            // Next.js keeps its router in step with a native replaceState; a reload now opens this draft.
            window.history.replaceState(null, "", `/updates/${encodeURIComponent(result.data.id)}/bewerken`);
          }
          current.saved = snapshot;
          current.version = result.data.savedAt;
          setStatus({ kind: "saved", at: result.data.savedAt });
          keep(read());
        } else {
          // The field's own reason ("title too long") says more than "check the form".
          const fieldError = Object.values(result.fieldErrors ?? {}).flat()[0];
          setStatus({ kind: "failed", error: fieldError ?? result.error });
        }
      } catch {
        setStatus({ kind: "failed", error: "autosave.unreachable" });
      } finally {
        current.busy = false;
        if (current.queued !== undefined) {
          const submitter = current.queued;
          current.queued = undefined;
          current.again = false;
          // The held-back click goes now, carrying the new draft's id, so it writes that draft instead of a second update.
          if (anchor.current && current.id) anchor.current.value = current.id;
          form.requestSubmit(submitter instanceof HTMLButtonElement ? submitter : undefined);
        } else if (current.again) {
          current.again = false;
          void save();
        }
      }
    }

    function onEdit() {
      const snapshot = read();
      const changed = keep(snapshot);
      if (!toServer || current.submitted) return;
      window.clearTimeout(current.timer);
      current.timer = changed && canAutosave(snapshot) ? window.setTimeout(() => void save(), AUTOSAVE_DELAY_MS) : undefined;
    }
    function onLeaveField() {
      if (current.timer !== undefined) void save();
    }
    function onSubmit(event: SubmitEvent) {
      if (current.busy && current.id === null) {
        // The first autosave is creating the draft right now (a click right after typing leaves the field and starts it).
        event.preventDefault();
        current.queued = event.submitter;
        return;
      }
      current.submitted = true;
      window.clearTimeout(current.timer);
      current.timer = undefined;
    }
    // A change written by code (an uploaded image's Markdown) fires no input event: look now and then.
    const look = window.setInterval(() => {
      if (JSON.stringify(read()) !== current.seen) onEdit();
    }, LOOK_INTERVAL_MS);
    current.seen = JSON.stringify(read());

    form.addEventListener("input", onEdit);
    form.addEventListener("change", onEdit);
    form.addEventListener("focusout", onLeaveField);
    form.addEventListener("submit", onSubmit);
    return () => {
      form.removeEventListener("input", onEdit);
      form.removeEventListener("change", onEdit);
      form.removeEventListener("focusout", onLeaveField);
      form.removeEventListener("submit", onSubmit);
      window.clearInterval(look);
      window.clearTimeout(current.timer);
      // Unmounted after a submit: the save succeeded and sent the writer on, so the kept copy has done its job.
      if (current.submitted) removeLocalDraft(storage, key());
    };
  }, [anchor, toServer, userId]);

  // A refused submit keeps the writer here, so autosaving goes on.
  useEffect(() => {
    if (formState && !formState.ok) live.current.submitted = false;
  }, [formState]);

  // The browser's own "leave site?" question while there is something unsaved.
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers ask only when returnValue is set.
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  /** The writer chose to leave without saving: forget the kept copy and stop warning. */
  const discard = useCallback(() => {
    removeLocalDraft(browserStorage(), editorDraftKey(userId, live.current.id));
    window.clearTimeout(live.current.timer);
    live.current.submitted = true;
    setDirty(false);
  }, [userId]);

  return { status, dirty, draftId, discard };
}
