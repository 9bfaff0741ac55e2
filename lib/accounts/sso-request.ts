import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import type { SsoProblem } from "./oidc-errors";

/**
 * What one request to next-auth's route learned about a single sign-on
 * attempt: the Koppelkans account the signIn callback linked (for the jwt
 * callback), the first problem (for the page the browser is sent to) and a
 * block notice token (for a cookie). next-auth's logger is one global, so the
 * request's state lives in AsyncLocalStorage rather than in a closure: two
 * sign-ins at once never see each other's.
 */
export type SsoRequest = {
  user: { id: string; sessionVersion: number } | null;
  problem: SsoProblem | null;
  blockNoticeToken: string | null;
};

const storage = new AsyncLocalStorage<SsoRequest>();

export function runSsoRequest<T>(run: (request: SsoRequest) => Promise<T>): Promise<T> {
  const request: SsoRequest = { user: null, problem: null, blockNoticeToken: null };
  return storage.run(request, () => run(request));
}

/** The current request's state; null outside next-auth's route (e.g. getServerSession in a page). */
export function currentSsoRequest(): SsoRequest | null {
  return storage.getStore() ?? null;
}

/** Records the attempt's problem; the first one wins (next-auth logs some errors twice). Answers whether it was the first. */
export function noteSsoProblem(problem: SsoProblem): boolean {
  const request = currentSsoRequest();
  if (!request || request.problem) return !request;
  request.problem = problem;
  return true;
}
