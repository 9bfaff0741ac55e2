import { actionHeaders, encodeActionForm, parseActionResult, updatePageRouterState } from "../../scripts/loadtest/server-action";

/**
 * Posts a comment as the comment form does after hydration: the
 * postCommentAction server action on the update's page, with the form's
 * fields and its idempotency clientKey. "acknowledged" means the whole
 * answer arrived and said ok, as a browser would show it.
 */
export type PostAttempt = {
  clientKey: string;
  authorId: string;
  body: string;
  parentId: string | null;
  outcome: "acknowledged" | "refused" | "lost";
  commentId: string | null;
  detail?: string;
};

export async function postCommentOverHttp({
  baseUrl,
  actionId,
  cookie,
  updateId,
  body,
  clientKey,
  parentId,
}: {
  baseUrl: string;
  actionId: string;
  cookie: string;
  updateId: string;
  body: string;
  clientKey: string;
  parentId?: string | null;
}): Promise<Pick<PostAttempt, "outcome" | "commentId" | "detail">> {
  const form = encodeActionForm({ updateId, clientKey, body, ...(parentId ? { parentId } : {}) });
  try {
    const response = await fetch(`${baseUrl}/updates/${updateId}`, {
      method: "POST",
      headers: actionHeaders({
        actionId,
        origin: baseUrl,
        cookie,
        contentType: form.contentType,
        routerState: updatePageRouterState(updateId),
      }),
      body: form.body,
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    const result = parseActionResult(text);
    if (response.status !== 200 || !result) return { outcome: "lost", commentId: null, detail: `status ${response.status}` };
    if (!result.ok) return { outcome: "refused", commentId: null, detail: result.error ?? "refused" };
    const id = result.data.id;
    return typeof id === "string" ? { outcome: "acknowledged", commentId: id } : { outcome: "lost", commentId: null, detail: "no id" };
  } catch (error) {
    return { outcome: "lost", commentId: null, detail: (error as Error).message };
  }
}
