import "server-only";
import { leavesNoActiveAdmin } from "@/lib/accounts/admins";
import { verifyPassword } from "@/lib/accounts/password";
import { fail, ok, type ActionResult } from "@/lib/action-result";
import { db } from "@/lib/db";
import { mutation } from "@/lib/mutation";
import { isSignInAllowed, recordFailedSignIn } from "@/lib/rate-limit";
import { getUploadStorage } from "@/lib/uploads/storage";
import { anonymisePerson, avatarStorageKeyOf, type AnonymiseCounts } from "./anonymise";
import { anonymiseOnBehalfSchema, deleteOwnAccountSchema, exportOnBehalfSchema } from "./schema";

// The AVG requests as writes through the pipeline (lib/mutation.ts): the
// person's own delete (with their password), and an admin handling a request
// on someone's behalf. The audit event carries counts only.

type Anonymised = { userId: string; commentsRemoved: boolean; counts: AnonymiseCounts; avatarKey: string | null };

/** The profile photo's file, once its row is gone with the committed deletion. */
async function deleteAvatarFile({ result }: { result: Anonymised }): Promise<void> {
  if (!result.avatarKey) return;
  await getUploadStorage()
    .delete(result.avatarKey)
    .catch(() => {});
}

/** The person deletes their own account, confirming with their password; wrong passwords count like failed sign-ins. */
export const deleteOwnAccount = mutation("portal:read", {
  schema: deleteOwnAccountSchema,
  // The password check (a slow hash) and its counters before the transaction.
  prepare: async ({ actor, data }): Promise<ActionResult<null>> => {
    const user = await db.user.findFirst({ where: { id: actor.id, anonymisedAt: null }, select: { email: true, passwordHash: true } });
    if (!user) return fail("privacy.alreadyAnonymised");
    if (!(await isSignInAllowed(user.email, data.ip))) return fail("privacy.tooManyAttempts");
    if (await verifyPassword(user.passwordHash, data.password)) return ok(null);
    await recordFailedSignIn(user.email, data.ip);
    return fail("privacy.wrongPassword", { password: ["privacy.wrongPassword"] });
  },
  run: async ({ tx, actor, data }): Promise<ActionResult<Anonymised>> => {
    const user = await tx.user.findFirst({ where: { id: actor.id, anonymisedAt: null }, select: { id: true, email: true } });
    if (!user) return fail("privacy.alreadyAnonymised");
    if (await leavesNoActiveAdmin(tx, user.id, new Date())) return fail("privacy.lastAdmin");
    const avatarKey = await avatarStorageKeyOf(tx, user.id);
    const counts = await anonymisePerson(tx, user, { removeComments: data.removeComments });
    return ok({ userId: user.id, commentsRemoved: data.removeComments, counts, avatarKey });
  },
  audit: ({ result: { userId, commentsRemoved, counts } }) => ({
    type: "user.anonymise",
    targetId: userId,
    data: { onBehalf: false, commentsRemoved, counts },
  }),
  after: deleteAvatarFile,
  present: () => null,
});

/** An admin deletes someone's account at their request (their own goes through the profile, with the password). */
export const anonymiseOnBehalf = mutation("privacy:handle-requests", {
  schema: anonymiseOnBehalfSchema,
  run: async ({ tx, actor, data }): Promise<ActionResult<Anonymised>> => {
    if (data.userId === actor.id) return fail("privacy.ownAccount");
    const user = await tx.user.findUnique({ where: { id: data.userId }, select: { id: true, email: true, anonymisedAt: true } });
    if (!user) return fail("user.notFound");
    if (user.anonymisedAt) return fail("privacy.alreadyAnonymised");
    if (await leavesNoActiveAdmin(tx, user.id, new Date())) return fail("privacy.lastAdmin");
    const avatarKey = await avatarStorageKeyOf(tx, user.id);
    const counts = await anonymisePerson(tx, user, { removeComments: data.removeComments });
    return ok({ userId: user.id, commentsRemoved: data.removeComments, counts, avatarKey });
  },
  audit: ({ result: { userId, commentsRemoved, counts } }) => ({
    type: "user.anonymise",
    targetId: userId,
    data: { onBehalf: true, commentsRemoved, counts },
  }),
  after: deleteAvatarFile,
  present: () => null,
});

/** Records that an admin hands out someone's data export (the download route builds the archive after this). */
export const recordExportOnBehalf = mutation("privacy:handle-requests", {
  schema: exportOnBehalfSchema,
  run: async ({ tx, data }) => {
    const user = await tx.user.findUnique({ where: { id: data.userId }, select: { id: true } });
    return user ? ok({ userId: user.id }) : fail("user.notFound");
  },
  audit: ({ result }) => ({ type: "user.export-on-behalf", targetId: result.userId }),
});
