/**
 * An audit row's `data` as something to read: for a before/after pair only
 * the fields that changed, otherwise every field with its value. Pure, so the
 * page and the tests share it; labels come later, from the catalogs.
 */

export type AuditDetail = { field: string; value: string } | { field: string; before: string; after: string };

/** Longer values (an update's text) are cut here: the table shows what changed, not whole documents. */
export const DETAIL_MAX = 160;

const EMPTY = "—";

function cut(text: string): string {
  return text.length > DETAIL_MAX ? `${text.slice(0, DETAIL_MAX - 1)}…` : text;
}

/** One value as text: nothing as a dash, lists joined, anything nested as compact JSON. */
export function formatDetailValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return EMPTY;
  if (typeof value === "string") return cut(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value))
    return value.length ? cut(value.map((item) => (typeof item === "string" ? item : JSON.stringify(item))).join(", ")) : EMPTY;
  return cut(JSON.stringify(value));
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

export function describeAuditData(data: unknown): AuditDetail[] {
  if (!isRecord(data)) return [];
  const { before, after, ...rest } = data;
  const details: AuditDetail[] = [];
  if (isRecord(before) && isRecord(after)) {
    for (const field of [...new Set([...Object.keys(before), ...Object.keys(after)])]) {
      if (JSON.stringify(before[field]) === JSON.stringify(after[field])) continue;
      details.push({ field, before: formatDetailValue(before[field]), after: formatDetailValue(after[field]) });
    }
  } else {
    if (before !== undefined) rest.before = before;
    if (after !== undefined) rest.after = after;
  }
  for (const [field, value] of Object.entries(rest)) details.push({ field, value: formatDetailValue(value) });
  return details;
}
