import "server-only";
import { fail, ok, type ActionResult } from "@/lib/action-result";
import { getLogger } from "@/lib/log/logger";
import { mutation, type Tx } from "@/lib/mutation";
import { can, type Actor } from "@/lib/policy/permissions";
import { describeStorageError, newStorageKey } from "@/lib/uploads/service";
import { getUploadStorage, type UploadStorage } from "@/lib/uploads/storage";
import { processAvatarImage } from "./avatar-image";
import { attachAvatarSchema, avatarOwnerSchema, profileSchema } from "./schema";

// People change only their own profile: the form names whose profile it is,
// and anything but the actor's own id is refused before a row is touched.

const notOwn = (actor: Actor, userId: string) => userId !== actor.id;

/** Name, bio and language. The audit event names the fields that changed, never their text (the log cannot be erased). */
export const updateProfile = mutation("profile:edit-own", {
  schema: profileSchema,
  run: async ({ tx, actor, data }) => {
    if (notOwn(actor, data.userId)) return fail("permission.denied");
    const before = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { name: true, bio: true, locale: true } });
    const { name, bio, locale } = data;
    const changed = (["name", "bio", "locale"] as const).filter((field) => before[field] !== data[field]);
    await tx.user.update({ where: { id: actor.id }, data: { name, bio, locale } });
    return ok({ changed, locale });
  },
  audit: ({ actor, result }) => ({ type: "profile.update", targetId: actor.id, data: { fields: [...result.changed] } }),
});

/** Unlinks and deletes the person's current avatar row; answers its storage key so the file can go after the commit. */
async function dropAvatar(tx: Tx, userId: string): Promise<string | null> {
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { avatar: { select: { id: true, storageKey: true } } } });
  if (!user.avatar) return null;
  await tx.upload.delete({ where: { id: user.avatar.id } });
  return user.avatar.storageKey;
}

/** Links a stored avatar file to the person, replacing (and deleting) the old one. Only uploadAvatar calls it. */
const attachAvatar = mutation("profile:edit-own", {
  schema: attachAvatarSchema,
  run: async ({ tx, actor, data: { userId, ...file } }) => {
    if (notOwn(actor, userId)) return fail("permission.denied");
    const previousKey = await dropAvatar(tx, actor.id);
    const upload = await tx.upload.create({ data: { uploaderId: actor.id, avatarOfId: actor.id, ...file }, select: { id: true } });
    return ok({ id: upload.id, previousKey });
  },
  audit: ({ actor }) => ({ type: "profile.avatar-set", targetId: actor.id }),
});

/**
 * A new profile photo through the image pipeline, cropped square. The file
 * is stored first and removed again when the write does not go through, so
 * neither an orphan file nor a row without a file is left.
 */
export async function uploadAvatar({
  actor,
  input,
  file,
  storage = getUploadStorage(),
}: {
  actor: Actor | null;
  input: unknown;
  file: { bytes: Buffer };
  storage?: UploadStorage;
}): Promise<ActionResult<{ id: string }>> {
  if (!actor || !can(actor, "profile:edit-own")) return fail("permission.denied");
  const owner = avatarOwnerSchema.safeParse(input);
  if (!owner.success || notOwn(actor, owner.data.userId)) return fail("permission.denied");

  const processed = await processAvatarImage(file.bytes);
  if (!processed.ok) return fail(processed.error, { photo: [processed.error] });
  const image = processed.data;
  const storageKey = newStorageKey(image.extension);
  try {
    await storage.put(storageKey, image.data, image.contentType);
  } catch (error) {
    getLogger("beelden").error({ userId: actor.id }, `Profielfoto opslaan mislukt: ${describeStorageError(error)}`);
    return fail("upload.storageUnavailable");
  }
  const fileFields = { storageKey, contentType: image.contentType, byteSize: image.byteSize, width: image.width, height: image.height };
  let result;
  try {
    result = await attachAvatar({ actor, input: { userId: owner.data.userId, ...fileFields } });
  } catch (error) {
    await storage.delete(storageKey).catch(() => {});
    throw error;
  }
  if (!result.ok) {
    await storage.delete(storageKey).catch(() => {});
    return result;
  }
  if (result.data.previousKey) await storage.delete(result.data.previousKey).catch(() => {});
  return ok({ id: result.data.id });
}

const detachAvatar = mutation("profile:edit-own", {
  schema: avatarOwnerSchema,
  run: async ({ tx, actor, data: { userId } }) => {
    if (notOwn(actor, userId)) return fail("permission.denied");
    const previousKey = await dropAvatar(tx, actor.id);
    return previousKey ? ok({ previousKey }) : fail("profile.noPhoto");
  },
  audit: ({ actor }) => ({ type: "profile.avatar-remove", targetId: actor.id }),
});

/** Back to initials: the photo's row and file are deleted. */
export async function removeAvatar({
  actor,
  input,
  storage = getUploadStorage(),
}: {
  actor: Actor | null;
  input: unknown;
  storage?: UploadStorage;
}): Promise<ActionResult> {
  const result = await detachAvatar({ actor, input });
  if (!result.ok) return result;
  if (result.data.previousKey) await storage.delete(result.data.previousKey).catch(() => {});
  return ok(null);
}
