/**
 * The member search of the mentions (/api/members), for the browser: the
 * mention list in the comment field and the peer search of a feedback request.
 */
export type Member = { id: string; name: string; municipality: string | null };

/** One empty list, so clearing an already empty list (on every caret move) does not re-render. */
export const NO_MEMBERS: Member[] = [];

function isMemberList(value: unknown): value is { ok: true; data: Member[] } {
  if (!value || typeof value !== "object") return false;
  const answer = value as { ok?: unknown; data?: unknown };
  return (
    answer.ok === true &&
    Array.isArray(answer.data) &&
    answer.data.every(
      (item: unknown) =>
        item !== null && typeof item === "object" && typeof (item as Member).id === "string" && typeof (item as Member).name === "string",
    )
  );
}

/** The members whose name matches `query`; `ok` false when the server refused (the list is then empty). Throws AbortError when `signal` aborts. */
export async function searchMembers(query: string, signal: AbortSignal): Promise<{ ok: boolean; members: Member[] }> {
  const response = await fetch(`/api/members?q=${encodeURIComponent(query)}`, {
    signal,
    credentials: "same-origin",
    headers: { Accept: "application/json" },
  });
  const answer: unknown = await response.json().catch(() => null);
  return { ok: response.ok, members: isMemberList(answer) ? answer.data : NO_MEMBERS };
}
