import { z } from "zod";
import { roles } from "@/lib/policy/permissions";

/**
 * The audit log's events, one entry per kind: what happened, to which kind of
 * record, and the details that kind carries. Rows are written only by
 * lib/mutation.ts, in the transaction of the write they describe; the
 * database refuses to change or delete them afterwards.
 */

const fields = z.record(z.string(), z.unknown());
const nothing = z.object({}).strict().default({});
const beforeAfter = z.object({ before: fields, after: fields });
const role = z.enum(roles);
const taxonomyReorder = z.object({ direction: z.enum(["up", "down"]), from: z.number().int(), to: z.number().int() });
const taxonomyCounts = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  updates: z.number().int(),
  follows: z.number().int(),
});
const taxonomyMerge = z.object({
  before: z.object({ source: taxonomyCounts, target: taxonomyCounts }),
  after: z.object({ target: taxonomyCounts }),
  moved: z.object({ updates: z.number().int(), follows: z.number().int() }),
});

// A lesson's citation: which update or comment (null once it is deleted) and the coordinator's note.
const lessonCitation = z.object({
  evidenceId: z.string(),
  updateId: z.string().nullable(),
  commentId: z.string().nullable(),
  note: z.string(),
});

const kinds = {
  "invitation.create": { target: "Invitation", data: z.object({ email: z.string(), role, municipalityId: z.string().nullish() }) },
  "invitation.revoke": { target: "Invitation", data: nothing },
  "invitation.accept": { target: "User", data: nothing },
  "password.reset": { target: "User", data: nothing },
  "session.end-all": { target: "User", data: nothing },
  // A Koppelkans account linked to an identity provider's account (single sign-on), by verified email.
  "user.sso-link": { target: "User", data: z.object({ issuer: z.string() }) },
  // The reason (required by blockUserSchema) is the event's own; `until` is the last day of the block, or null for no end.
  "user.block": { target: "User", data: z.object({ until: z.string().nullable() }) },
  "user.unblock": { target: "User", data: nothing },
  "user.role": { target: "User", data: z.object({ role, municipalityId: z.string().nullish() }) },
  "feedToken.create": { target: "User", data: nothing },
  "feedToken.revoke": { target: "User", data: nothing },
  // Counts only: the event outlives the personal data it describes removing.
  "user.anonymise": {
    target: "User",
    data: z
      .object({ onBehalf: z.boolean(), commentsRemoved: z.boolean(), counts: z.record(z.string(), z.number().int().nonnegative()) })
      .strict(),
  },
  "user.export-on-behalf": { target: "User", data: nothing },
  // Which profile fields a person changed, never their text: the log outlives an account deletion.
  "profile.update": { target: "User", data: z.object({ fields: z.array(z.enum(["name", "bio", "locale"])) }).strict() },
  "profile.avatar-set": { target: "User", data: nothing },
  "profile.avatar-remove": { target: "User", data: nothing },
  "municipality.create": { target: "Municipality", data: fields },
  "municipality.update": { target: "Municipality", data: beforeAfter },
  "wijk.create": { target: "Neighbourhood", data: fields },
  "wijk.update": { target: "Neighbourhood", data: beforeAfter },
  "experiment.create": { target: "Experiment", data: fields },
  "experiment.update": { target: "Experiment", data: beforeAfter },
  "update.edit-any": { target: "Update", data: beforeAfter },
  "opgave.create": { target: "Opgave", data: fields },
  "opgave.update": { target: "Opgave", data: beforeAfter },
  "opgave.reorder": { target: "Opgave", data: taxonomyReorder },
  "opgave.archive": { target: "Opgave", data: nothing },
  "opgave.unarchive": { target: "Opgave", data: nothing },
  "opgave.merge": { target: "Opgave", data: taxonomyMerge },
  "theme.create": { target: "Theme", data: fields },
  "theme.update": { target: "Theme", data: beforeAfter },
  "theme.reorder": { target: "Theme", data: taxonomyReorder },
  "theme.archive": { target: "Theme", data: nothing },
  "theme.unarchive": { target: "Theme", data: nothing },
  "theme.merge": { target: "Theme", data: taxonomyMerge },
  "update.report": { target: "Update", data: z.object({ reportReason: z.string() }) },
  "comment.report": { target: "Comment", data: z.object({ reportReason: z.string() }) },
  "update.auto-hide": { target: "Update", data: z.object({ openReports: z.number(), threshold: z.number() }) },
  "comment.auto-hide": { target: "Comment", data: z.object({ openReports: z.number(), threshold: z.number() }) },
  "update.hide": { target: "Update", data: nothing },
  "update.unhide": { target: "Update", data: nothing },
  "comment.hide": { target: "Comment", data: nothing },
  "comment.unhide": { target: "Comment", data: nothing },
  "comment.delete-any": { target: "Comment", data: nothing },
  "update.withdraw-any": { target: "Update", data: nothing },
  "update.restore": { target: "Update", data: nothing },
  "thread.lock": { target: "Update", data: nothing },
  "thread.unlock": { target: "Update", data: nothing },
  "moderation.dismiss": { target: "ModerationItem", data: z.object({ reports: z.number() }) },
  "settings.update": { target: "Setting", data: beforeAfter },
  // Counts only: who was asked is in the request's own rows.
  "feedback.request": { target: "Update", data: z.object({ requestId: z.string(), peers: z.number().int().positive() }).strict() },
  // The inspiration book: one entry per update, so its steps are the update's history.
  "inspiration.propose": {
    target: "Update",
    data: z.object({ entryId: z.string(), themeId: z.string(), introduction: z.string() }),
  },
  "inspiration.edit": { target: "Update", data: beforeAfter },
  "inspiration.publish": { target: "Update", data: z.object({ entryId: z.string() }) },
  "inspiration.unpublish": { target: "Update", data: z.object({ entryId: z.string() }) },
  "inspiration.remove": {
    target: "Update",
    data: z.object({ entryId: z.string(), consent: z.string(), published: z.boolean() }),
  },
  "inspiration.accept": { target: "Update", data: z.object({ entryId: z.string() }) },
  "inspiration.decline": { target: "Update", data: z.object({ entryId: z.string() }) },
  "inspiration.withdraw-consent": { target: "Update", data: z.object({ entryId: z.string(), wasPublished: z.boolean() }) },
  "lesson.create": { target: "Lesson", data: z.object({ title: z.string(), status: z.string() }) },
  "lesson.update": { target: "Lesson", data: beforeAfter },
  "lesson.status-change": { target: "Lesson", data: beforeAfter },
  "lesson.cite": { target: "Lesson", data: lessonCitation },
  "lesson.uncite": { target: "Lesson", data: lessonCitation },
  "lesson.delete": { target: "Lesson", data: z.object({ title: z.string(), status: z.string(), evidence: z.number().int() }) },
} as const satisfies Record<string, { target: string; data: z.ZodType }>;

export type AuditEventType = keyof typeof kinds;
export const AUDIT_EVENT_TYPES = Object.keys(kinds) as AuditEventType[];

function eventSchema<K extends AuditEventType>(type: K) {
  return z.object({
    type: z.literal(type),
    targetId: z.string().min(1),
    /** Why, in the actor's words: required for moderation, optional elsewhere. */
    reason: z.string().trim().max(2000).optional(),
    /** Who did it, when that is not the signed-in actor (accepting an invitation, a reset link). */
    actorId: z.string().min(1).optional(),
    data: kinds[type].data,
  });
}

const schemas = AUDIT_EVENT_TYPES.map(eventSchema) as unknown as [ReturnType<typeof eventSchema>, ...ReturnType<typeof eventSchema>[]];
export const auditEventSchema = z.discriminatedUnion("type", schemas);

type DataOf<K extends AuditEventType> = z.input<(typeof kinds)[K]["data"]>;

/** An event as a service describes it; `data` may be left out where the kind carries none. */
export type AuditEvent = {
  [K in AuditEventType]: { type: K; targetId: string; reason?: string; actorId?: string } & (undefined extends DataOf<K>
    ? { data?: DataOf<K> }
    : { data: DataOf<K> });
}[AuditEventType];

/** The row for one event; throws when the event does not fit its kind (a bug, so the write rolls back). */
export function auditRow(event: AuditEvent, actorId: string | null) {
  const parsed = auditEventSchema.parse({ ...event, data: event.data ?? {} });
  return {
    actorId: parsed.actorId ?? actorId,
    action: parsed.type,
    targetType: kinds[parsed.type].target,
    targetId: parsed.targetId,
    reason: parsed.reason ?? null,
    data: JSON.parse(JSON.stringify(parsed.data)) as object,
  };
}

export function auditTargetType(type: AuditEventType): string {
  return kinds[type].target;
}
