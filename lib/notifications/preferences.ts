import "server-only";
import { z } from "zod";
import { ok, type ActionResult } from "@/lib/action-result";
import { db } from "@/lib/db";
import type { EmailFrequency, NotificationKind } from "@/lib/generated/prisma/enums";
import { mutation } from "@/lib/mutation";
import { notificationKinds } from "./unsubscribe";

export const emailFrequencies = ["IMMEDIATE", "DAILY", "WEEKLY", "NEVER"] as const satisfies readonly EmailFrequency[];

/** No row means weekly. */
export const DEFAULT_FREQUENCY: EmailFrequency = "WEEKLY";

export type EmailPreferences = Record<NotificationKind, EmailFrequency>;

/** Someone's choice per kind of notification, with the default filled in. */
export async function getEmailPreferences(userId: string): Promise<EmailPreferences> {
  const rows = await db.emailPreference.findMany({ where: { userId }, select: { kind: true, frequency: true } });
  const chosen = new Map(rows.map((row) => [row.kind, row.frequency]));
  return Object.fromEntries(notificationKinds.map((kind) => [kind, chosen.get(kind) ?? DEFAULT_FREQUENCY])) as EmailPreferences;
}

const frequency = z.enum(emailFrequencies, { error: "emailPreferences.frequencyInvalid" });

/** One radio group per kind; all four are on the form. */
export const emailPreferencesSchema = z.object(
  Object.fromEntries(notificationKinds.map((kind) => [kind, frequency])) as Record<NotificationKind, typeof frequency>,
);

/** Saves the actor's own choices (there is no way to name someone else). */
export const saveEmailPreferences = mutation("portal:read", {
  schema: emailPreferencesSchema,
  run: async ({ tx, actor, data: choices }): Promise<ActionResult<EmailPreferences>> => {
    for (const kind of notificationKinds) {
      await tx.emailPreference.upsert({
        where: { userId_kind: { userId: actor.id, kind } },
        create: { userId: actor.id, kind, frequency: choices[kind] },
        update: { frequency: choices[kind] },
      });
    }
    return ok(choices);
  },
});
