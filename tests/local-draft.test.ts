import { describe, expect, it } from "vitest";
import { canAutosave, parseSnapshot, sameSnapshot, snapshotOfForm, type EditorSnapshot } from "@/lib/editor/editor-snapshot";
import {
  commentDraftKey,
  editorDraftKey,
  readLocalDraft,
  removeAllLocalDrafts,
  removeLocalDraft,
  shouldRestore,
  writeLocalDraft,
  type DraftStorage,
} from "@/lib/editor/local-draft";

/** localStorage's behaviour over a Map; `full` makes every write throw as a full storage does. */
function memoryStorage(full = false): DraftStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    get length() {
      return map.size;
    },
    key: (index) => [...map.keys()][index] ?? null,
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => {
      if (full) throw new DOMException("full", "QuotaExceededError");
      map.set(key, value);
    },
    removeItem: (key) => void map.delete(key),
  };
}

const text = (value: unknown) => (typeof value === "string" ? value : null);

const snapshot: EditorSnapshot = {
  experimentId: "e1",
  title: "Bewonersavond",
  phase: "UITVOERING",
  milestone: "",
  body: "Tekst",
  opgaveIds: ["o1", "o2"],
  themeIds: ["t1"],
};

describe("keeping unsent text in the browser", () => {
  it("writes, reads back and removes a draft", () => {
    const storage = memoryStorage();
    const key = commentDraftKey("u1", "c1");
    expect(writeLocalDraft(storage, key, { value: "Half af", savedAt: 5, base: null })).toBe(true);
    expect(readLocalDraft(storage, key, text)).toEqual({ value: "Half af", savedAt: 5, base: null });
    removeLocalDraft(storage, key);
    expect(readLocalDraft(storage, key, text)).toBeNull();
  });

  it("keeps drafts apart per person, update and parent", () => {
    expect(editorDraftKey("a", null)).not.toBe(editorDraftKey("b", null));
    expect(editorDraftKey("a", null)).not.toBe(editorDraftKey("a", "u1"));
    expect(commentDraftKey("u1")).not.toBe(commentDraftKey("u1", "c1"));
    expect(commentDraftKey("u1")).not.toBe(commentDraftKey("u2"));
  });

  it("answers null for what is not a draft, and survives a full or missing storage", () => {
    const storage = memoryStorage();
    storage.map.set("broken", "{not json");
    storage.map.set("wrong", JSON.stringify({ value: 3, savedAt: 1 }));
    expect(readLocalDraft(storage, "broken", text)).toBeNull();
    expect(readLocalDraft(storage, "wrong", text)).toBeNull();
    expect(readLocalDraft(null, "any", text)).toBeNull();
    expect(writeLocalDraft(memoryStorage(true), "k", { value: "x", savedAt: 1, base: null })).toBe(false);
    expect(writeLocalDraft(null, "k", { value: "x", savedAt: 1, base: null })).toBe(false);
  });

  it("removes every kept draft on signing out, and nothing else", () => {
    const storage = memoryStorage();
    writeLocalDraft(storage, editorDraftKey("a", null), { value: snapshot, savedAt: 1, base: null });
    writeLocalDraft(storage, commentDraftKey("u1"), { value: "x", savedAt: 1, base: null });
    storage.setItem("other-app", "keep");
    removeAllLocalDrafts(storage);
    expect([...storage.map.keys()]).toEqual(["other-app"]);
  });
});

describe("restoring the editor", () => {
  const server = { value: { ...snapshot, body: "Opgeslagen" }, version: "2026-12-01T10:00:00.000Z" };
  const later = Date.parse(server.version) + 60_000;
  const earlier = Date.parse(server.version) - 60_000;

  it("restores a copy that differs from the server and is based on its version or newer", () => {
    expect(shouldRestore({ value: snapshot, savedAt: earlier, base: server.version }, server, sameSnapshot)).toBe(true);
    expect(shouldRestore({ value: snapshot, savedAt: later, base: null }, server, sameSnapshot)).toBe(true);
    expect(shouldRestore({ value: snapshot, savedAt: 1, base: null }, { value: server.value, version: null }, sameSnapshot)).toBe(true);
  });

  it("does not restore a copy equal to the server, nor one older than a version saved since", () => {
    expect(shouldRestore({ value: server.value, savedAt: later, base: null }, server, sameSnapshot)).toBe(false);
    expect(shouldRestore({ value: snapshot, savedAt: earlier, base: "2026-11-30T10:00:00.000Z" }, server, sameSnapshot)).toBe(false);
    expect(shouldRestore(null, server, sameSnapshot)).toBe(false);
  });
});

describe("the editor's snapshot", () => {
  it("reads the form's fields, all ticked boxes included", () => {
    const form = new FormData();
    for (const [name, value] of Object.entries({
      experimentId: "e1",
      title: "Titel",
      phase: "UITVOERING",
      milestone: "",
      body: "Tekst",
      intent: "save",
    }))
      form.append(name, value);
    form.append("opgaveIds", "o1");
    form.append("opgaveIds", "o2");
    expect(snapshotOfForm(form)).toEqual({ ...snapshot, title: "Titel", themeIds: [] });
  });

  it("compares as saved: order of ticks and outer spaces of the title do not count, the body does", () => {
    expect(sameSnapshot(snapshot, { ...snapshot, title: " Bewonersavond ", opgaveIds: ["o2", "o1"] })).toBe(true);
    expect(sameSnapshot(snapshot, { ...snapshot, body: "Tekst " })).toBe(false);
    expect(sameSnapshot(snapshot, { ...snapshot, themeIds: [] })).toBe(false);
  });

  it("parses only a complete snapshot back from storage", () => {
    expect(parseSnapshot(JSON.parse(JSON.stringify(snapshot)))).toEqual(snapshot);
    expect(parseSnapshot({ ...snapshot, opgaveIds: [1] })).toBeNull();
    expect(parseSnapshot({ title: "x" })).toBeNull();
    expect(parseSnapshot("text")).toBeNull();
  });

  it("autosaves only once there is a title, an experiment and a phase", () => {
    expect(canAutosave(snapshot)).toBe(true);
    expect(canAutosave({ ...snapshot, title: "  " })).toBe(false);
    expect(canAutosave({ ...snapshot, experimentId: "" })).toBe(false);
    expect(canAutosave({ ...snapshot, phase: "" })).toBe(false);
  });
});
