/**
 * What the update editor holds at one moment, read off its form: compared to
 * decide whether there are unsaved changes, and kept in the browser so a
 * reload can put it back.
 */
export type EditorSnapshot = {
  experimentId: string;
  title: string;
  phase: string;
  milestone: string;
  body: string;
  opgaveIds: string[];
  themeIds: string[];
};

const TEXT_FIELDS = ["experimentId", "title", "phase", "milestone", "body"] as const;

function texts(values: (string | File)[]): string[] {
  return values.filter((value): value is string => typeof value === "string");
}

export function snapshotOfForm(formData: FormData): EditorSnapshot {
  const text = (name: string) => texts(formData.getAll(name)).at(-1) ?? "";
  return {
    experimentId: text("experimentId"),
    title: text("title"),
    phase: text("phase"),
    milestone: text("milestone"),
    body: text("body"),
    opgaveIds: texts(formData.getAll("opgaveIds")),
    themeIds: texts(formData.getAll("themeIds")),
  };
}

/** A snapshot from storage, or null when it is not one (an old format, a hand-edited value). */
export function parseSnapshot(value: unknown): EditorSnapshot | null {
  if (!value || typeof value !== "object") return null;
  const record = value as Record<string, unknown>;
  if (!TEXT_FIELDS.every((name) => typeof record[name] === "string")) return null;
  const ids = (list: unknown) => (Array.isArray(list) && list.every((item) => typeof item === "string") ? (list as string[]) : null);
  const opgaveIds = ids(record.opgaveIds);
  const themeIds = ids(record.themeIds);
  if (!opgaveIds || !themeIds) return null;
  const [experimentId, title, phase, milestone, body] = TEXT_FIELDS.map((name) => record[name] as string) as [
    string,
    string,
    string,
    string,
    string,
  ];
  return { experimentId, title, phase, milestone, body, opgaveIds, themeIds };
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join("\n") === [...b].sort().join("\n");

/** Equal as saved: the order of ticked boxes and a trailing space in the title do not count. */
export function sameSnapshot(a: EditorSnapshot, b: EditorSnapshot): boolean {
  return (
    a.experimentId === b.experimentId &&
    a.title.trim() === b.title.trim() &&
    a.phase === b.phase &&
    a.milestone.trim() === b.milestone.trim() &&
    a.body === b.body &&
    sameSet(a.opgaveIds, b.opgaveIds) &&
    sameSet(a.themeIds, b.themeIds)
  );
}

/** A draft needs a title, an experiment and a phase before the server takes it. */
export function canAutosave(snapshot: EditorSnapshot): boolean {
  return Boolean(snapshot.title.trim() && snapshot.experimentId && snapshot.phase);
}
