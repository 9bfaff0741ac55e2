import "server-only";
import { z } from "zod";
import { fail, ok, withoutNul, type ActionResult } from "@/lib/action-result";
import { publicMutation, type Tx } from "@/lib/mutation";
import { isBlockedNow } from "@/lib/policy/users";
import { emailSchema, nameSchema } from "./schema";

/**
 * Who a single sign-on is, in Koppelkans. The identity provider proves who
 * someone is; Koppelkans decides whether they may come in and with which role:
 *
 * 1. An account already linked to this provider's `sub` is that person.
 * 2. Otherwise only an email the provider marks `email_verified: true` counts
 *    (never an unverified claim): it links the existing account with that
 *    address, or turns the open invitation for it into an account with the
 *    invited role and municipality (accepted and audited as the password path
 *    does).
 * 3. Anyone else is refused, and nothing is written.
 *
 * A blocked person is refused in every case. Roles never come from claims.
 * The link is an Account row keyed by the issuer and `sub`, so another
 * provider's `sub` can never match (a new issuer links again by verified email).
 */

export const OIDC_ACCOUNT_TYPE = "oidc";

/** The Account.provider value for an issuer. */
export function oidcAccountProvider(issuer: string): string {
  return `oidc:${issuer}`;
}

const claimsSchema = z.object({
  issuer: z.string().min(1).max(500),
  subject: z.string().min(1).max(255),
  email: z.unknown(),
  emailVerified: z.unknown(),
  name: z.unknown(),
});
export type OidcClaims = z.input<typeof claimsSchema>;

export type OidcLink =
  | { status: "signed-in"; via: "account" | "email" | "invitation"; user: { id: string; sessionVersion: number } }
  | { status: "blocked"; userId: string };

const userSelect = { id: true, sessionVersion: true, blockedAt: true, blockedUntil: true } as const;
type FoundUser = { id: string; sessionVersion: number; blockedAt: Date | null; blockedUntil: Date | null };

function signedIn(user: FoundUser, via: "account" | "email" | "invitation", now: Date): OidcLink {
  return isBlockedNow(user, now)
    ? { status: "blocked", userId: user.id }
    : { status: "signed-in", via, user: { id: user.id, sessionVersion: user.sessionVersion } };
}

/** The name for a new account: the provider's, else the address (people can change neither here; it is how colleagues see them). */
function accountName(name: unknown, email: string): string {
  const parsed = nameSchema.safeParse(typeof name === "string" ? withoutNul(name) : undefined);
  return parsed.success ? parsed.data : email.slice(0, 100);
}

/** The open invitation for `email`, claimed in the statement that checks it is still open (so it turns into one account only). */
async function claimInvitation(tx: Tx, email: string, now: Date) {
  const open = { email, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } };
  const newest = await tx.invitation.findFirst({ where: open, orderBy: { createdAt: "desc" }, select: { id: true } });
  if (!newest) return { found: false as const };
  const claimed = await tx.invitation.updateManyAndReturn({
    where: { id: newest.id, ...open },
    data: { acceptedAt: now },
    select: { id: true, role: true, municipalityId: true },
  });
  return { found: true as const, invitation: claimed[0] ?? null };
}

const link = publicMutation({
  schema: claimsSchema,
  run: async ({ tx, data, record }): Promise<ActionResult<OidcLink>> => {
    const now = new Date();
    const provider = oidcAccountProvider(data.issuer);
    const linked = await tx.account.findUnique({
      where: { provider_providerAccountId: { provider, providerAccountId: data.subject } },
      select: { user: { select: userSelect } },
    });
    if (linked) return ok(signedIn(linked.user, "account", now));

    const email = emailSchema.safeParse(data.email);
    if (!email.success || data.emailVerified !== true) return fail("sso.unverified");
    const account = { type: OIDC_ACCOUNT_TYPE, provider, providerAccountId: data.subject };

    const existing = await tx.user.findFirst({ where: { email: email.data, anonymisedAt: null }, select: userSelect });
    if (existing) {
      const outcome = signedIn(existing, "email", now);
      if (outcome.status === "blocked") return ok(outcome);
      await tx.account.create({ data: { ...account, userId: existing.id } });
      record({ type: "user.sso-link", targetId: existing.id, actorId: existing.id, data: { issuer: data.issuer } });
      return ok(outcome);
    }

    const claim = await claimInvitation(tx, email.data, now);
    if (!claim.found) return fail("sso.uninvited");
    // Someone else's sign-in claimed it a moment ago: trying again finds that account.
    if (!claim.invitation) return fail("sso.retry");
    const { invitation } = claim;
    const user = await tx.user.create({
      data: {
        email: email.data,
        name: accountName(data.name, email.data),
        role: invitation.role,
        municipalityId: invitation.municipalityId,
        emailVerified: now,
        accounts: { create: account },
      },
      select: userSelect,
    });
    await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedUserId: user.id } });
    record({ type: "invitation.accept", targetId: user.id, actorId: user.id });
    record({ type: "user.sso-link", targetId: user.id, actorId: user.id, data: { issuer: data.issuer } });
    return ok(signedIn(user, "invitation", now));
  },
});

/** Links a sign-in through the identity provider to its Koppelkans account, or refuses it (errors `sso.unverified`, `sso.uninvited`, `sso.retry`). */
export function linkOidcSignIn(claims: OidcClaims): Promise<ActionResult<OidcLink>> {
  return link({ input: claims });
}
