import "server-only";
import { fail, invalid, ok, type ActionResult } from "@/lib/action-result";
import { db } from "@/lib/db";
import { invitationEmail, passwordResetEmail } from "@/lib/email/templates";
import { sendEmail } from "@/lib/email/send";
import type { Role } from "@/lib/generated/prisma/enums";
import { assignableRoles, can, type Actor } from "@/lib/permissions";
import { hashPassword } from "./password";
import {
  acceptInvitationSchema,
  changeRoleSchema,
  invitationIdSchema,
  invitationSchema,
  requestPasswordResetSchema,
  resetPasswordSchema,
  userIdSchema,
} from "./schema";
import { createToken, hashToken, INVITATION_TTL_MS, PASSWORD_RESET_TTL_MS } from "./tokens";

// The services below take one options object ({ actor, input }) and return an
// ActionResult. Server actions (actions.ts) are thin wrappers around them, so
// tests call these directly with every role.

export async function createInvitation({ actor, input }: { actor: Actor | null; input: unknown }): Promise<ActionResult<{ id: string; token: string }>> {
  if (!can(actor, "invitation:create")) return fail("permission.denied");
  const parsed = invitationSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { email, role, municipalityId } = parsed.data;
  if (!assignableRoles(actor).includes(role)) return fail("permission.denied", { role: ["role.notAssignable"] });

  if (await db.user.findUnique({ where: { email }, select: { id: true } })) {
    return fail("form.invalid", { email: ["email.inUse"] });
  }
  const municipality = municipalityId
    ? await db.municipality.findUnique({ where: { id: municipalityId }, select: { id: true, name: true } })
    : null;
  if (municipalityId && !municipality) return fail("form.invalid", { municipalityId: ["municipality.unknown"] });

  const inviter = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { name: true } });
  const { token, tokenHash } = createToken();
  const expiresAt = new Date(Date.now() + INVITATION_TTL_MS);
  const invitation = await db.$transaction(async (tx) => {
    // A new invitation replaces any open one for the same address.
    await tx.invitation.updateMany({
      where: { email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const created = await tx.invitation.create({
      data: { email, role, municipalityId: municipality?.id ?? null, tokenHash, invitedById: actor.id, expiresAt },
      select: { id: true },
    });
    await tx.auditLog.create({
      data: { actorId: actor.id, action: "invitation.create", targetType: "Invitation", targetId: created.id, data: { email, role, municipalityId } },
    });
    return created;
  });
  await sendEmail(
    invitationEmail({ to: email, token, role, inviterName: inviter.name, municipalityName: municipality?.name ?? null, expiresAt }),
  );
  return ok({ id: invitation.id, token });
}

export async function revokeInvitation({ actor, input }: { actor: Actor | null; input: unknown }): Promise<ActionResult> {
  if (!can(actor, "invitation:create")) return fail("permission.denied");
  const parsed = invitationIdSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const id = parsed.data.invitationId;
  const { count } = await db.invitation.updateMany({
    where: { id, acceptedAt: null, revokedAt: null, role: { in: assignableRoles(actor) } },
    data: { revokedAt: new Date() },
  });
  if (count === 0) return fail("invitation.notFound");
  await db.auditLog.create({ data: { actorId: actor.id, action: "invitation.revoke", targetType: "Invitation", targetId: id } });
  return ok(null);
}

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
export async function acceptInvitation({ input }: { input: unknown }): Promise<ActionResult<{ email: string }>> {
  const parsed = acceptInvitationSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { token, name, password } = parsed.data;
  const { state } = await getInvitationByToken(token);
  if (state !== "valid") return fail(`invitation.${state}`);

  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
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
    await tx.auditLog.create({ data: { actorId: user.id, action: "invitation.accept", targetType: "User", targetId: user.id } });
    return ok({ email: user.email });
  });
}

/**
 * Sends a reset link when the address belongs to an active account. The answer
 * is the same either way, so the form does not reveal who has an account.
 */
export async function requestPasswordReset({ input }: { input: unknown }): Promise<ActionResult> {
  const parsed = requestPasswordResetSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const user = await db.user.findFirst({
    where: { email: parsed.data.email, blockedAt: null },
    select: { id: true, email: true },
  });
  if (user) {
    const { token, tokenHash } = createToken();
    const expiresAt = new Date(Date.now() + PASSWORD_RESET_TTL_MS);
    await db.passwordResetToken.create({ data: { userId: user.id, tokenHash, expiresAt } });
    await sendEmail(passwordResetEmail({ to: user.email, token, expiresAt }));
  }
  return ok(null);
}

export async function getPasswordResetState(token: string): Promise<InvitationState> {
  const reset = await db.passwordResetToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { usedAt: true, expiresAt: true, user: { select: { blockedAt: true } } },
  });
  if (!reset || reset.user.blockedAt) return "unknown";
  if (reset.usedAt) return "used";
  return reset.expiresAt <= new Date() ? "expired" : "valid";
}

/** Sets a new password through a reset link; every other session of the account ends. */
export async function resetPassword({ input }: { input: unknown }): Promise<ActionResult<{ email: string }>> {
  const parsed = resetPasswordSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const state = await getPasswordResetState(parsed.data.token);
  if (state !== "valid") return fail(`passwordReset.${state}`);
  const passwordHash = await hashPassword(parsed.data.password);
  return db.$transaction(async (tx) => {
    const claimed = await tx.passwordResetToken.updateManyAndReturn({
      where: { tokenHash: hashToken(parsed.data.token), usedAt: null, expiresAt: { gt: new Date() }, user: { blockedAt: null } },
      data: { usedAt: new Date() },
      select: { userId: true },
    });
    const userId = claimed[0]?.userId;
    if (!userId) return fail("passwordReset.used");
    const user = await tx.user.update({
      where: { id: userId },
      data: { passwordHash, sessionVersion: { increment: 1 } },
      select: { email: true },
    });
    // Older links for the same account stop working too.
    await tx.passwordResetToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: new Date() } });
    await tx.auditLog.create({ data: { actorId: userId, action: "password.reset", targetType: "User", targetId: userId } });
    return ok({ email: user.email });
  });
}

/** Blocks or unblocks someone. Staff cannot act on themselves or on a role they may not assign. */
export async function setUserBlocked({
  actor,
  input,
  blocked,
}: {
  actor: Actor | null;
  input: unknown;
  blocked: boolean;
}): Promise<ActionResult> {
  if (!can(actor, "user:block")) return fail("permission.denied");
  const parsed = userIdSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { count } = await db.user.updateMany({
    where: { id: parsed.data.userId, NOT: { id: actor.id }, role: { in: assignableRoles(actor) } },
    data: blocked ? { blockedAt: new Date(), sessionVersion: { increment: 1 } } : { blockedAt: null },
  });
  if (count === 0) return fail("user.notFound");
  await db.auditLog.create({
    data: { actorId: actor.id, action: blocked ? "user.block" : "user.unblock", targetType: "User", targetId: parsed.data.userId },
  });
  return ok(null);
}

/** Admins change a role (and the municipality a project leader is bound to). */
export async function changeUserRole({ actor, input }: { actor: Actor | null; input: unknown }): Promise<ActionResult<{ role: Role }>> {
  if (!can(actor, "user:change-role")) return fail("permission.denied");
  const parsed = changeRoleSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { userId, role, municipalityId } = parsed.data;
  if (municipalityId && !(await db.municipality.findUnique({ where: { id: municipalityId }, select: { id: true } }))) {
    return fail("form.invalid", { municipalityId: ["municipality.unknown"] });
  }
  const { count } = await db.user.updateMany({
    where: { id: userId, NOT: { id: actor.id } },
    // The user is re-read on every request, so the new role applies at once.
    data: { role, municipalityId },
  });
  if (count === 0) return fail("user.notFound");
  await db.auditLog.create({
    data: { actorId: actor.id, action: "user.role", targetType: "User", targetId: userId, data: { role, municipalityId } },
  });
  return ok({ role });
}
