import { z } from "zod";
import { isCalendarDate } from "@/lib/calendar-day";
import { PASSWORD_MIN_LENGTH } from "@/lib/password-policy";
import { roles } from "@/lib/policy/permissions";

/** Password rules, shown on every form that sets a password (messages in the catalogs). */
export { PASSWORD_MIN_LENGTH };
export const PASSWORD_MAX_LENGTH = 200;

const COMMON_PASSWORDS = new Set(["welkom123456", "wachtwoord123", "password1234", "123456789012", "qwertyuiop12", "koppelkans123"]);

export const emailSchema = z
  .string({ error: "email.required" })
  .trim()
  .toLowerCase()
  .min(1, { error: "email.required" })
  .max(254, { error: "email.invalid" })
  .pipe(z.email({ error: "email.invalid" }));

export const passwordSchema = z
  .string({ error: "password.required" })
  .min(PASSWORD_MIN_LENGTH, { error: "password.tooShort" })
  .max(PASSWORD_MAX_LENGTH, { error: "password.tooLong" })
  .refine((value) => /[A-Za-zÀ-ž]/.test(value) && /[^A-Za-zÀ-ž]/.test(value), { error: "password.mix" })
  .refine((value) => !COMMON_PASSWORDS.has(value.toLowerCase()), { error: "password.common" });

export const nameSchema = z
  .string({ error: "name.required" })
  .trim()
  .min(2, { error: "name.tooShort" })
  .max(100, { error: "name.tooLong" });

/** A new password and its confirmation, on the invitation and reset forms. */
const newPasswordFields = { password: passwordSchema, passwordConfirm: z.string() };
const passwordsMatch = (value: { password: string; passwordConfirm: string }) => value.password === value.passwordConfirm;
const passwordMismatch = { path: ["passwordConfirm"], error: "password.mismatch" };

const tokenSchema = z.string().min(1).max(200);

/** An optional id from a select: "" and absent both mean none. */
const optionalIdSchema = z
  .string()
  .trim()
  .max(100)
  .nullish()
  .transform((value) => value || null);

const projectLeaderHasMunicipality = (value: { role: string; municipalityId: string | null }) =>
  value.role !== "PROJECT_LEADER" || value.municipalityId !== null;
const municipalityMissing = { path: ["municipalityId"], error: "municipality.requiredForProjectLeader" };

export const roleSchema = z.enum(roles, { error: "role.invalid" });

export const invitationSchema = z
  .object({
    email: emailSchema,
    role: roleSchema,
    municipalityId: optionalIdSchema,
  })
  .refine(projectLeaderHasMunicipality, municipalityMissing);
export type InvitationInput = z.infer<typeof invitationSchema>;

export const acceptInvitationSchema = z
  .object({ token: tokenSchema, name: nameSchema, ...newPasswordFields })
  .refine(passwordsMatch, passwordMismatch);
export type AcceptInvitationInput = z.infer<typeof acceptInvitationSchema>;

export const requestPasswordResetSchema = z.object({ email: emailSchema });

export const resetPasswordSchema = z.object({ token: tokenSchema, ...newPasswordFields }).refine(passwordsMatch, passwordMismatch);

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, { error: "password.required" }).max(PASSWORD_MAX_LENGTH),
});

export const invitationIdSchema = z.object({ invitationId: z.string().min(1).max(100) });
export const userIdSchema = z.object({ userId: z.string().min(1).max(100) });

/** The longest reason for a block (it is shown to the person at sign-in). */
export const BLOCK_REASON_MAX = 500;

const blockReasonSchema = z
  .string({ error: "block.reasonRequired" })
  .trim()
  .min(1, { error: "block.reasonRequired" })
  .max(BLOCK_REASON_MAX, { error: "block.reasonTooLong" });

/**
 * The last day of a block (YYYY-MM-DD from a date field), or none: "" and
 * absent both mean "until someone lifts it". Whether it lies in the past is
 * the service's check, against the time of the write.
 */
const blockUntilSchema = z
  .string()
  .trim()
  .max(20, { error: "block.untilInvalid" })
  .nullish()
  .transform((value) => value || null)
  .refine((value) => value === null || isCalendarDate(value), { error: "block.untilInvalid" });

export const blockUserSchema = z.object({ userId: userIdSchema.shape.userId, reason: blockReasonSchema, until: blockUntilSchema });
export type BlockUserInput = z.infer<typeof blockUserSchema>;

/** Lifting a block: a reason is optional and goes only into the audit log. */
export const unblockUserSchema = z.object({
  userId: userIdSchema.shape.userId,
  reason: z
    .string()
    .trim()
    .max(BLOCK_REASON_MAX, { error: "block.reasonTooLong" })
    .nullish()
    .transform((value) => value || undefined),
});
export const changeRoleSchema = z
  .object({
    userId: z.string().min(1).max(100),
    role: roleSchema,
    municipalityId: optionalIdSchema,
  })
  .refine(projectLeaderHasMunicipality, municipalityMissing);
