import "server-only";
import { z } from "zod";
import { fail, ok, type ActionResult } from "@/lib/action-result";
import { addDays, startOfDay } from "@/lib/calendar-day";
import { db } from "@/lib/db";
import { sendEmail } from "@/lib/email/send";
import { invitationEmail, passwordResetEmail } from "@/lib/email/templates";
import type { Role } from "@/lib/generated/prisma/enums";
import { mutation, publicMutation } from "@/lib/mutation";
import { assignableRoles } from "@/lib/policy/permissions";
import { activeUserWhere, isBlockedNow } from "@/lib/policy/users";
import { consumePasswordReset, isInvitationAcceptAllowed, recordFailedInvitationAccept } from "@/lib/rate-limit";
import { leavesNoActiveAdmin } from "./admins";
import { hashPassword } from "./password";
import {
  acceptInvitationSchema,
  blockUserSchema,
  changeRoleSchema,
  invitationIdSchema,
  invitationSchema,
  requestPasswordResetSchema,
  resetPasswordSchema,
  unblockUserSchema,
} from "./schema";
import { isPasswordSignInEnabled } from "./sign-in-config";
import { createToken, hashToken, INVITATION_TTL_MS, PASSWORD_RESET_TTL_MS } from "./tokens";

// Every write goes through the pipeline (lib/mutation.ts): permission, parse,
// one transaction with its audit event, an ActionResult. Server actions
// (actions.ts) are thin wrappers around these, so tests call them directly
// with every role.

type InvitationEmail = Parameters<typeof invitationEmail>[0];

/** With PASSWORD_SIGN_IN=off nobody sets or resets a password (the pages say so; this refuses a direct call). */
const PASSWORD_OFF = "signIn.PasswordSignInOff";

export const createInvitation = mutation("invitation:create", {
  schema: invitationSchema,
  run: async ({
    tx,
    actor,
    data: { email, role, municipalityId },
  }): Promise<ActionResult<{ id: string; token: string; email: InvitationEmail }>> => {
    if (!assignableRoles(actor).includes(role)) return fail("permission.denied", { role: ["role.notAssignable"] });
    if (await tx.user.findUnique({ where: { email }, select: { id: true } })) return fail("form.invalid", { email: ["email.inUse"] });
    const municipality = municipalityId
      ? await tx.municipality.findUnique({ where: { id: municipalityId }, select: { id: true, name: true } })
      : null;
    if (municipalityId && !municipality) return fail("form.invalid", { municipalityId: ["municipality.unknown"] });

    const inviter = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { name: true } });
    const { token, tokenHash } = createToken();
    const expiresAt = new Date(Date.now() + INVITATION_TTL_MS);
    // A new invitation replaces any open one for the same address.
    await tx.invitation.updateMany({ where: { email, acceptedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
    const created = await tx.invitation.create({
      data: { email, role, municipalityId: municipality?.id ?? null, tokenHash, invitedById: actor.id, expiresAt },
      select: { id: true },
    });
    const message = { to: email, token, role, inviterName: inviter.name, municipalityName: municipality?.name ?? null, expiresAt };
    return ok({ id: created.id, token, email: message });
  },
  audit: ({ data: { email, role, municipalityId }, result }) => ({
    type: "invitation.create",
    targetId: result.id,
    data: { email, role, municipalityId },
  }),
  after: async ({ result }) => void (await sendEmail(invitationEmail(result.email))),
  present: ({ id, token }) => ({ id, token }),
});

export const revokeInvitation = mutation("invitation:create", {
  schema: invitationIdSchema,
  run: async ({ tx, actor, data: { invitationId } }) => {
    const { count } = await tx.invitation.updateMany({
      where: { id: invitationId, acceptedAt: null, revokedAt: null, role: { in: assignableRoles(actor) } },
      data: { revokedAt: new Date() },
    });
    return count === 0 ? fail("invitation.notFound") : ok(null);
  },
  audit: ({ data }) => ({ type: "invitation.revoke", targetId: data.invitationId }),
});

export type InvitationState = "valid" | "expired" | "used" | "unknown";

/** What an invitation link leads to, for the page that shows the form. */
export async function getInvitationByToken(token: string) {
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      email: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      municipality: { select: { name: true } },
    },
  });
  const state: InvitationState = !invitation
    ? "unknown"
    : invitation.acceptedAt
      ? "used"
      : invitation.revokedAt
        ? "unknown"
        : invitation.expiresAt <= new Date()
          ? "expired"
          : "valid";
  return { state, invitation: state === "valid" ? invitation : null };
}

/** Turns an invitation into an account, exactly once. */
const accept = publicMutation({
  schema: acceptInvitationSchema,
  // The link's state and the slow hash before the transaction; the claim below decides.
  prepare: async ({ data: { token, password } }): Promise<ActionResult<{ passwordHash: string }>> => {
    if (!isPasswordSignInEnabled()) return fail(PASSWORD_OFF);
    const { state } = await getInvitationByToken(token);
    return state === "valid" ? ok({ passwordHash: await hashPassword(password) }) : fail(`invitation.${state}`);
  },
  run: async ({ tx, data: { token, name }, prepared: { passwordHash } }): Promise<ActionResult<{ id: string; email: string }>> => {
    // Claim the invitation in the same statement that checks it is still open,
    // so two submissions of one link cannot both create an account.
    const claimed = await tx.invitation.updateManyAndReturn({
      where: { tokenHash: hashToken(token), acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      data: { acceptedAt: new Date() },
      select: { id: true, email: true, role: true, municipalityId: true },
    });
    const invitation = claimed[0];
    if (!invitation) return fail("invitation.used");
    if (await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } })) {
      return fail("form.invalid", { name: ["email.inUse"] });
    }
    const user = await tx.user.create({
      data: { email: invitation.email, name, passwordHash, role: invitation.role, municipalityId: invitation.municipalityId },
      select: { id: true, email: true },
    });
    await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedUserId: user.id } });
    return ok(user);
  },
  audit: ({ result }) => ({ type: "invitation.accept", targetId: result.id, actorId: result.id }),
  present: ({ email }) => ({ email }),
});

/** The answers that say a link was wrong: only these count towards the address's limit. */
const WRONG_LINK_ERRORS = new Set(["invitation.unknown", "invitation.used", "invitation.expired"]);

/** Accepts an invitation from client address `ip`; an address that tried too many wrong links is refused for a while. */
export async function acceptInvitation({ input, ip = "unknown" }: { input: unknown; ip?: string }) {
  if (!(await isInvitationAcceptAllowed(ip))) return fail("invitation.tooMany");
  const result = await accept({ input });
  if (!result.ok && WRONG_LINK_ERRORS.has(result.error)) await recordFailedInvitationAccept(ip);
  return result;
}

/**
 * Sends a reset link when the address belongs to an active account. The answer
 * is the same either way, so the form does not reveal who has an account; an
 * account asked for too often answers the same too (and sends nothing).
 * Only a client address that asks too often hears so.
 */
export async function requestPasswordReset({ input, ip }: { input: unknown; ip: string }): Promise<ActionResult> {
  return requestReset({ input: { ...(input && typeof input === "object" ? input : {}), ip } });
}

type ResetEmail = Parameters<typeof passwordResetEmail>[0];

const requestReset = publicMutation({
  schema: requestPasswordResetSchema.extend({ ip: z.string().max(100) }),
  // The counters live outside the transaction (and a refusal must not roll them back).
  prepare: async ({ data: { email, ip } }): Promise<ActionResult<{ send: boolean }>> => {
    if (!isPasswordSignInEnabled()) return fail(PASSWORD_OFF);
    const allowed = await consumePasswordReset(email, ip);
    return allowed === "ip" ? fail("passwordReset.tooMany") : ok({ send: allowed === "ok" });
  },
  run: async ({ tx, data: { email }, prepared }): Promise<ActionResult<ResetEmail | null>> => {
    if (!prepared.send) return ok(null);
    const user = await tx.user.findFirst({ where: { email, ...activeUserWhere() }, select: { id: true, email: true } });
    if (!user) return ok(null);
    const { token, tokenHash } = createToken();
    const expiresAt = new Date(Date.now() + PASSWORD_RESET_TTL_MS);
    await tx.passwordResetToken.create({ data: { userId: user.id, tokenHash, expiresAt } });
    return ok({ to: user.email, token, expiresAt });
  },
  after: async ({ result }) => void (result && (await sendEmail(passwordResetEmail(result)))),
  present: () => null,
});

export async function getPasswordResetState(token: string): Promise<InvitationState> {
  const reset = await db.passwordResetToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { usedAt: true, expiresAt: true, user: { select: { blockedAt: true, blockedUntil: true } } },
  });
  if (!reset || isBlockedNow(reset.user)) return "unknown";
  if (reset.usedAt) return "used";
  return reset.expiresAt <= new Date() ? "expired" : "valid";
}

/** Sets a new password through a reset link; every session of the account ends. */
export const resetPassword = publicMutation({
  schema: resetPasswordSchema,
  prepare: async ({ data }): Promise<ActionResult<{ passwordHash: string }>> => {
    if (!isPasswordSignInEnabled()) return fail(PASSWORD_OFF);
    const state = await getPasswordResetState(data.token);
    return state === "valid" ? ok({ passwordHash: await hashPassword(data.password) }) : fail(`passwordReset.${state}`);
  },
  run: async ({ tx, data, prepared: { passwordHash } }): Promise<ActionResult<{ id: string; email: string }>> => {
    const now = new Date();
    const claimed = await tx.passwordResetToken.updateManyAndReturn({
      where: { tokenHash: hashToken(data.token), usedAt: null, expiresAt: { gt: now }, user: activeUserWhere(now) },
      data: { usedAt: new Date() },
      select: { userId: true },
    });
    const userId = claimed[0]?.userId;
    if (!userId) return fail("passwordReset.used");
    const user = await tx.user.update({
      where: { id: userId },
      data: { passwordHash, sessionVersion: { increment: 1 } },
      select: { id: true, email: true },
    });
    // Older links for the same account stop working too, and so do its sessions.
    await tx.passwordResetToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: new Date() } });
    await tx.session.deleteMany({ where: { userId } });
    return ok(user);
  },
  audit: ({ result }) => ({ type: "password.reset", targetId: result.id, actorId: result.id }),
  present: ({ email }) => ({ email }),
});

/** Who `actor` may block, unblock or re-role: never themselves, and only people in a role they may hand out. */
function manageableUserWhere(actor: { id: string; role: Role }, userId: string) {
  return { id: userId, NOT: { id: actor.id }, role: { in: assignableRoles(actor) } };
}

/**
 * Staff block someone, with a reason the person sees at sign-in and an
 * optional last day (through which the block holds; it lifts itself at the
 * start of the next day, Amsterdam time). They are signed out at once. Not
 * themselves, nor a role they may not assign, nor the last active admin.
 */
export const blockUser = mutation("user:block", {
  schema: blockUserSchema,
  run: async ({ tx, actor, data: { userId, reason, until } }) => {
    const now = new Date();
    const blockedUntil = until ? startOfDay(addDays(until, 1)) : null;
    if (blockedUntil && blockedUntil <= now) return fail("form.invalid", { until: ["block.untilPast"] });
    const where = manageableUserWhere(actor, userId);
    const target = await tx.user.findFirst({ where, select: { role: true } });
    if (!target) return fail("user.notFound");
    if (target.role === "ADMIN" && (await leavesNoActiveAdmin(tx, userId, now))) return fail("user.lastAdmin");
    const { count } = await tx.user.updateMany({
      where,
      data: { blockedAt: now, blockedUntil, blockReason: reason, sessionVersion: { increment: 1 } },
    });
    if (count === 0) return fail("user.notFound");
    await tx.session.deleteMany({ where: { userId } });
    return ok(null);
  },
  audit: ({ data }) => ({ type: "user.block", targetId: data.userId, reason: data.reason, data: { until: data.until } }),
});

/** Lifts a block (also one that ran out already, which clears its reason). */
export const unblockUser = mutation("user:block", {
  schema: unblockUserSchema,
  run: async ({ tx, actor, data: { userId } }) => {
    const { count } = await tx.user.updateMany({
      where: manageableUserWhere(actor, userId),
      data: { blockedAt: null, blockedUntil: null, blockReason: null },
    });
    return count === 0 ? fail("user.notFound") : ok(null);
  },
  audit: ({ data }) => ({ type: "user.unblock", targetId: data.userId, reason: data.reason }),
});

/** Blocks or unblocks someone (the block and unblock forms). */
export function setUserBlocked({
  blocked,
  ...args
}: {
  actor: Parameters<typeof blockUser>[0]["actor"];
  input: unknown;
  blocked: boolean;
}) {
  return blocked ? blockUser(args) : unblockUser(args);
}

/** Admins change a role (and the municipality a project leader is bound to); never their own, nor the last active admin's. */
export const changeUserRole = mutation("user:change-role", {
  schema: changeRoleSchema,
  run: async ({ tx, actor, data: { userId, role, municipalityId } }): Promise<ActionResult<{ role: Role }>> => {
    if (municipalityId && !(await tx.municipality.findUnique({ where: { id: municipalityId }, select: { id: true } }))) {
      return fail("form.invalid", { municipalityId: ["municipality.unknown"] });
    }
    const where = { id: userId, NOT: { id: actor.id } };
    const target = await tx.user.findFirst({ where, select: { role: true } });
    if (!target) return fail("user.notFound");
    if (target.role === "ADMIN" && role !== "ADMIN" && (await leavesNoActiveAdmin(tx, userId, new Date()))) return fail("user.lastAdmin");
    // The user is re-read on every request, so the new role applies at once.
    const { count } = await tx.user.updateMany({ where, data: { role, municipalityId } });
    return count === 0 ? fail("user.notFound") : ok({ role });
  },
  audit: ({ data: { userId, role, municipalityId } }) => ({ type: "user.role", targetId: userId, data: { role, municipalityId } }),
});

/** Ends every session of the signed-in person: older tokens fail the session version check, and the live rows go. */
export const signOutEverywhere = mutation("portal:read", {
  schema: z.object({}),
  run: async ({ tx, actor }) => {
    await tx.user.update({ where: { id: actor.id }, data: { sessionVersion: { increment: 1 } } });
    await tx.session.deleteMany({ where: { userId: actor.id } });
    return ok(null);
  },
  audit: ({ actor }) => ({ type: "session.end-all", targetId: actor.id }),
});
