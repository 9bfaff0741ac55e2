import { z } from "zod";

/**
 * The audit log's events, one entry per kind: what happened, to which kind of
 * record, and the details that kind carries. Rows are written only by
 * lib/mutation.ts, in the transaction of the write they describe; the
 * database refuses to change or delete them afterwards.
 */

const fields = z.record(z.string(), z.unknown());
const nothing = z.object({}).strict().default({});
const beforeAfter = z.object({ before: fields, after: fields });
const role = z.enum(["MEMBER", "PROJECT_LEADER", "COORDINATOR", "ADMIN"]);

const kinds = {
  "invitation.create": { target: "Invitation", data: z.object({ email: z.string(), role, municipalityId: z.string().nullish() }) },
  "invitation.revoke": { target: "Invitation", data: nothing },
  "invitation.accept": { target: "User", data: nothing },
  "password.reset": { target: "User", data: nothing },
  "session.end-all": { target: "User", data: nothing },
  "user.block": { target: "User", data: nothing },
  "user.unblock": { target: "User", data: nothing },
  "user.role": { target: "User", data: z.object({ role, municipalityId: z.string().nullish() }) },
  "feedToken.create": { target: "User", data: nothing },
  "feedToken.revoke": { target: "User", data: nothing },
  "municipality.create": { target: "Municipality", data: fields },
  "municipality.update": { target: "Municipality", data: beforeAfter },
  "wijk.create": { target: "Neighbourhood", data: fields },
  "wijk.update": { target: "Neighbourhood", data: beforeAfter },
  "experiment.create": { target: "Experiment", data: fields },
  "experiment.update": { target: "Experiment", data: beforeAfter },
  "update.edit-any": { target: "Update", data: beforeAfter },
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
