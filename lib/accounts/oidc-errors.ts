/**
 * What went wrong in a single sign-on attempt, from the error next-auth logs:
 * a kind the sign-in page explains in Dutch (`/inloggen?sso=<kind>`), and one
 * log line for the operator that names the problem. Pure, so it is tested
 * without an identity provider.
 */

/** The outcomes of an SSO attempt that did not sign anyone in; each has a message under errors.sso. */
export const SSO_PROBLEMS = [
  "attempt",
  "unavailable",
  "config",
  "denied",
  "failed",
  "uninvited",
  "unverified",
  "blocked",
  "retry",
] as const;
export type SsoProblem = (typeof SSO_PROBLEMS)[number];

export function isSsoProblem(value: unknown): value is SsoProblem {
  return typeof value === "string" && (SSO_PROBLEMS as readonly string[]).includes(value);
}

/** The next-auth log codes of the OAuth steps (sign-in redirect, callback, profile). */
const OAUTH_CODES = new Set(["SIGNIN_OAUTH_ERROR", "OAUTH_CALLBACK_ERROR", "OAUTH_CALLBACK_HANDLER_ERROR", "OAUTH_PARSE_PROFILE_ERROR"]);

export function isOauthLogCode(code: string): boolean {
  return OAUTH_CODES.has(code);
}

type Classified = { kind: SsoProblem; line: string };

/** The error inside next-auth's metadata (`{ error, providerId }`, or the error itself), as message and code. */
function describe(metadata: unknown): { message: string; code: string } {
  const candidate = metadata && typeof metadata === "object" && "error" in metadata ? (metadata as { error: unknown }).error : metadata;
  const error = (candidate ?? {}) as { message?: unknown; code?: unknown; error?: unknown };
  const message = typeof error.message === "string" ? error.message : typeof candidate === "string" ? candidate : "";
  const code = [error.code, error.error].find((value): value is string => typeof value === "string") ?? "";
  // openid-client names the expected and received state or nonce: dead values that say nothing to an operator.
  const plain = message.replace(/(mismatch), expected .*$/, "$1");
  return { message: plain.replace(/\s+/g, " ").trim().slice(0, 300), code };
}

const NETWORK =
  /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|EHOSTUNREACH|ENETUNREACH|socket hang up|timed out|expected 200 OK|fetch failed|certificate/i;
const CLIENT = /invalid_client|unauthorized_client|client authentication|issuer mismatch|unexpected iss|redirect_uri/i;
const DENIED = /^(access_denied|login_required|interaction_required|consent_required|account_selection_required|temporarily_unavailable)\b/;

/**
 * The kind and the operator's line for one logged OAuth error. `step` is
 * next-auth's code: SIGNIN_OAUTH_ERROR happens before the browser leaves,
 * so anything there means the provider could not be asked.
 */
export function classifyOidcError(step: string, metadata: unknown, issuer: string): Classified {
  const { message, code } = describe(metadata);
  const detail = [code, message].filter(Boolean).join(": ") || "onbekende fout";
  if (NETWORK.test(message) || NETWORK.test(code)) {
    return { kind: "unavailable", line: `de identity provider ${issuer} is niet bereikbaar (${detail}).` };
  }
  if (CLIENT.test(message) || CLIENT.test(code)) {
    return {
      kind: "config",
      line: `de identity provider ${issuer} weigert Koppelkans als client (${detail}); controleer OIDC_CLIENT_ID, OIDC_CLIENT_SECRET en de redirect-URI.`,
    };
  }
  if (step === "SIGNIN_OAUTH_ERROR") {
    return { kind: "unavailable", line: `de discovery van ${issuer} lukt niet (${detail}).` };
  }
  if (/\bstate\b/i.test(message)) return { kind: "attempt", line: `de state in het antwoord hoort niet bij deze inlogpoging (${detail}).` };
  if (/\bnonce\b/i.test(message)) return { kind: "attempt", line: `de nonce in het ID-token hoort niet bij deze inlogpoging (${detail}).` };
  if (/code_verifier|pkce|invalid_grant|cookie was (missing|created)|could not be parsed/i.test(`${code} ${message}`)) {
    return { kind: "attempt", line: `de controlegegevens van deze inlogpoging ontbreken of kloppen niet (${detail}).` };
  }
  if (DENIED.test(message)) return { kind: "denied", line: `de identity provider gaf "${message}" terug.` };
  return { kind: "failed", line: `${detail}.` };
}
