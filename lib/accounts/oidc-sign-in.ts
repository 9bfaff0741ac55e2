import "server-only";
import { appUrl } from "@/lib/app-url";
import { createBlockNoticeToken } from "./block-notice";
import { classifyOidcError, isOauthLogCode, isSsoProblem, type SsoProblem } from "./oidc-errors";
import { linkOidcSignIn } from "./oidc-link";
import { nameFromClaims, type OidcProfile } from "./oidc-provider";
import { signInConfig } from "./sign-in-config";
import { currentSsoRequest, noteSsoProblem, type SsoRequest } from "./sso-request";

/**
 * The single sign-on steps around next-auth: the signIn callback's decision,
 * the logger that turns next-auth's errors into one line and a problem kind,
 * and what the route handler adds to next-auth's answer (the page to go to,
 * a block notice cookie).
 */

/** Holds the block notice token of a refused SSO sign-in for the sign-in page (never in a page address, see block-notice.ts). */
export const BLOCK_NOTICE_COOKIE = "koppelkans.sso-block-notice";

/** Where a refused or failed attempt sends the browser. */
export function ssoProblemUrl(problem: SsoProblem): string {
  return appUrl(`/inloggen?sso=${problem}`);
}

/** The log's words for linkOidcSignIn's refusals (no address: the log holds no personal data beyond user ids). */
const REFUSALS: Record<string, string> = {
  unverified: "de identity provider geeft geen e-mailadres met email_verified: true door",
  uninvited: "geen uitnodiging of account voor het bevestigde e-mailadres",
  retry: "de uitnodiging werd op hetzelfde moment door een andere inlog gebruikt",
};

function refuse(problem: SsoProblem, why: string): string {
  if (noteSsoProblem(problem)) console.info(`[koppelkans] Inloggen via je organisatie geweigerd: ${why}.`);
  return ssoProblemUrl(problem);
}

/**
 * The signIn callback for the identity provider: true when the claims belong
 * to a Koppelkans account (which the jwt callback then reads from the
 * request), else the address of the page that says why.
 */
export async function admitOidcSignIn(profile: OidcProfile | undefined, issuer: string): Promise<true | string> {
  const request = currentSsoRequest();
  if (!request || typeof profile?.sub !== "string" || !profile.sub) return refuse("failed", "het ID-token noemt geen sub");
  try {
    const result = await linkOidcSignIn({
      issuer,
      subject: profile.sub,
      email: profile.email,
      emailVerified: profile.email_verified,
      name: nameFromClaims(profile),
    });
    if (!result.ok) {
      const problem = result.error.replace(/^sso\./, "");
      return refuse(isSsoProblem(problem) ? problem : "failed", REFUSALS[problem] ?? result.error);
    }
    if (result.data.status === "blocked") {
      request.blockNoticeToken = createBlockNoticeToken(result.data.userId);
      return refuse("blocked", `account ${result.data.userId} is geblokkeerd`);
    }
    request.user = result.data.user;
    return true;
  } catch (error) {
    console.error(`[koppelkans] Inloggen via je organisatie mislukt: het koppelen gaf een fout (${(error as Error).message}).`);
    return refuse("failed", "fout bij het koppelen");
  }
}

function oneLine(metadata: unknown): string {
  const error = metadata && typeof metadata === "object" && "error" in metadata ? (metadata as { error: unknown }).error : metadata;
  const message = error instanceof Error ? error.message : typeof error === "string" ? error : JSON.stringify(error ?? null);
  return (message ?? "").replace(/\s+/g, " ").slice(0, 300);
}

/** next-auth's logger: one line per error, and an OAuth error's kind recorded for the page the browser goes to. */
export const authLogger = {
  error(code: string, metadata: unknown) {
    if (!isOauthLogCode(code)) {
      console.error(`[koppelkans] next-auth ${code}: ${oneLine(metadata)}`);
      return;
    }
    const { kind, line } = classifyOidcError(code, metadata, signInConfig().oidc?.issuer ?? "(OIDC_ISSUER niet ingesteld)");
    if (noteSsoProblem(kind)) console.error(`[koppelkans] Inloggen via je organisatie mislukt: ${line}`);
  },
  warn(code: string) {
    console.warn(`[koppelkans] next-auth waarschuwing ${code}`);
  },
  debug() {},
};

/**
 * next-auth's answer with the attempt's outcome: a failed or refused attempt
 * goes to the sign-in page that explains it (a redirect, or the JSON the
 * sign-in button follows), and a blocked person's notice token rides along
 * in a short-lived cookie.
 */
export function withSsoOutcome(response: Response, request: SsoRequest, { secure }: { secure: boolean }): Response {
  if (!request.problem && !request.blockNoticeToken) return response;
  const headers = new Headers(response.headers);
  let body: BodyInit | null = response.body;
  if (request.blockNoticeToken) {
    const flags = `Path=/inloggen; Max-Age=600; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
    headers.append("Set-Cookie", `${BLOCK_NOTICE_COOKIE}=${request.blockNoticeToken}; ${flags}`);
  }
  if (request.problem) {
    const target = ssoProblemUrl(request.problem);
    if (headers.has("location")) {
      headers.set("location", target);
    } else if (headers.get("content-type")?.includes("application/json")) {
      body = JSON.stringify({ url: target });
      headers.delete("content-length");
    }
  }
  return new Response(body, { status: response.status, headers });
}
