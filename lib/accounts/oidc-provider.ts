import "server-only";
import type { Profile } from "next-auth";
import type { OAuthConfig } from "next-auth/providers/oauth";
import type { OidcConfig } from "./sign-in-config";

/** next-auth's id for the provider: its routes are /api/auth/signin/oidc and /api/auth/callback/oidc. */
export const OIDC_PROVIDER_ID = "oidc";

/** The claims Koppelkans reads: who (`sub`) and the address with the provider's word on it. */
export type OidcProfile = {
  sub: string;
  email?: unknown;
  email_verified?: unknown;
  name?: unknown;
  given_name?: unknown;
  family_name?: unknown;
  preferred_username?: unknown;
};

function text(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() ? value.trim() : undefined;
}

/** The person's name as the provider gives it, or undefined. */
export function nameFromClaims(claims: OidcProfile): string | undefined {
  return (
    text(claims.name) ??
    (text([text(claims.given_name), text(claims.family_name)].filter(Boolean).join(" ")) || text(claims.preferred_username))
  );
}

/**
 * next-auth's OAuth provider for any OpenID Connect issuer: discovery from
 * its well-known document, the authorization code flow with PKCE, state and
 * nonce checked, and the ID token validated. Many providers put `email` and
 * `email_verified` only in the userinfo answer (the spec's default for the
 * code flow), so where the issuer has a userinfo endpoint its claims are read
 * too, and only when they are about the same `sub`.
 */
export function oidcProvider(config: OidcConfig): OAuthConfig<OidcProfile> {
  return {
    id: OIDC_PROVIDER_ID,
    name: config.buttonLabel ?? "OpenID Connect",
    type: "oauth",
    wellKnown: `${config.issuer}/.well-known/openid-configuration`,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    authorization: { params: { scope: "openid email profile" } },
    checks: ["pkce", "state", "nonce"],
    idToken: true,
    httpOptions: { timeout: 5000 },
    userinfo: {
      // The claims are checked in oidc-link.ts (their types too): next-auth's Profile type only says "some object".
      async request({ tokens, client }): Promise<Profile> {
        const discovered = String(client.issuer.metadata.issuer).replace(/\/+$/, "");
        if (discovered !== config.issuer) throw new Error(`issuer mismatch: OIDC_ISSUER is ${config.issuer}, discovery says ${discovered}`);
        // With idToken: true next-auth hands over openid-client's TokenSet, whose claims() are the validated ID token's.
        const claims = (tokens as unknown as { claims: () => OidcProfile }).claims();
        if (!client.issuer.metadata.userinfo_endpoint || !tokens.access_token) return claims as Profile;
        const info = await client.userinfo<OidcProfile>(tokens.access_token);
        if (info.sub !== claims.sub) throw new Error("userinfo sub mismatch: the userinfo answer is about someone else");
        return { ...claims, ...info, sub: claims.sub } as Profile;
      },
    },
    profile: (claims) => ({ id: claims.sub, name: nameFromClaims(claims) ?? null, email: text(claims.email) ?? null, image: null }),
  };
}
