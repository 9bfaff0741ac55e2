import { z } from "zod";
import { PASSWORD_MAX_LENGTH } from "@/lib/accounts/schema";

/** A checkbox: "on" (a form) or true (a test) is ticked, anything else or nothing is not. */
const checkbox = z.preprocess((value) => value === "on" || value === "true" || value === true, z.boolean());

const userId = z.string().min(1).max(100);

export const deleteOwnAccountSchema = z.object({
  password: z
    .string({ error: "password.required" })
    .min(1, { error: "password.required" })
    .max(PASSWORD_MAX_LENGTH, { error: "privacy.wrongPassword" }),
  removeComments: checkbox,
  /** The client address, for counting wrong passwords like sign-in does (set by the action, not the form). */
  ip: z.string().max(100),
});

export const anonymiseOnBehalfSchema = z.object({
  userId,
  removeComments: checkbox,
  confirm: checkbox.refine((ticked) => ticked, { error: "privacy.confirmRequired" }),
});

export const exportOnBehalfSchema = z.object({ userId });
