import { z } from "zod";
import { nameSchema } from "@/lib/accounts/schema";
import { locales } from "@/lib/i18n/config";
import { ID_PATTERN } from "@/lib/route-params";
import { BIO_MAX_LENGTH } from "./limits";

export { BIO_MAX_LENGTH };

/** Whose profile the form edits; the service refuses anyone but the actor. */
const userIdSchema = z.string().regex(ID_PATTERN, { error: "permission.denied" });

export const profileSchema = z.object({
  userId: userIdSchema,
  name: nameSchema,
  // Plain text: line breaks stay, the page shows it as text (never Markdown or HTML).
  bio: z
    .string()
    .default("")
    .transform((value) => value.replace(/\r\n?/g, "\n").trim())
    .pipe(z.string().max(BIO_MAX_LENGTH, { error: "profile.bioTooLong" })),
  locale: z.enum(locales, { error: "profile.localeInvalid" }),
});

export const avatarOwnerSchema = z.object({ userId: userIdSchema });

/** A stored avatar file, for the write that links it to the person (the bytes are already in the store). */
export const attachAvatarSchema = avatarOwnerSchema.extend({
  storageKey: z.string().min(1),
  contentType: z.string().min(1),
  byteSize: z.number().int().positive(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});

export type ProfileInput = z.input<typeof profileSchema>;
