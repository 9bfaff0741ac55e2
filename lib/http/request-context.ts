/**
 * What the request log knows about the request being served: its id and,
 * once the app has read the session, the user's id. The HTTP server
 * (scripts/server.ts, run by tsx) and the app (bundled by Next.js) are two
 * copies of this module in one process, so the store lives on globalThis.
 */
import { AsyncLocalStorage } from "node:async_hooks";

export type RequestContext = { requestId: string; userId: string | null };

const GLOBAL_KEY = Symbol.for("koppelkans.request-context");

function store(): AsyncLocalStorage<RequestContext> {
  const global = globalThis as { [GLOBAL_KEY]?: AsyncLocalStorage<RequestContext> };
  global[GLOBAL_KEY] ??= new AsyncLocalStorage<RequestContext>();
  return global[GLOBAL_KEY];
}

/** Runs `serve` (Next.js's handler) with `context` visible to everything it calls. */
export function runInRequestContext<T>(context: RequestContext, serve: () => T): T {
  return store().run(context, serve);
}

/** Records who the request is for (lib/session.ts calls this); a no-op outside the server. */
export function noteRequestUser(userId: string | null | undefined): void {
  const context = store().getStore();
  if (context && userId) context.userId = userId;
}

/** The id of the request being served, for log lines written while serving it. */
export function currentRequestId(): string | undefined {
  return store().getStore()?.requestId;
}
