import "server-only";
import { z } from "zod";
import { fail, invalid, ok, type ActionResult } from "@/lib/action-result";
import { db } from "@/lib/db";
import type { EmailFrequency, NotificationKind } from "@/lib/generated/prisma/enums";
import { can, type Actor } from "@/lib/permissions";
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
export async function saveEmailPreferences({ actor, input }: { actor: Actor | null; input: unknown }): Promise<ActionResult<EmailPreferences>> {
  if (!can(actor, "portal:read")) return fail("permission.denied");
  const parsed = emailPreferencesSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const choices = parsed.data;
  await db.$transaction(
    notificationKinds.map((kind) =>
      db.emailPreference.upsert({
        where: { userId_kind: { userId: actor.id, kind } },
        create: { userId: actor.id, kind, frequency: choices[kind] },
        update: { frequency: choices[kind] },
      }),
    ),
  );
  return ok(choices);
}
