import "server-only";
import type { z } from "zod";
import { fail, invalid, type ActionResult } from "@/lib/action-result";
import { auditRow, type AuditEvent } from "@/lib/audit/events";
import { invalidateLocally } from "@/lib/cache/shared";
import { CACHE_CHANNEL, mergeTags, tagsForAuditEvents, type CacheTag } from "@/lib/cache/tags";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { can, type Actor, type Permission } from "@/lib/policy/permissions";

/**
 * The one write pipeline: actor check → parse → one transaction holding the
 * write and its audit rows → ActionResult. A `run` that answers a failure
 * rolls back everything it wrote, so a refused action leaves no audit row
 * and nothing half-done.
 */

export type Tx = Prisma.TransactionClient;

type Context<A, D, P> = {
  tx: Tx;
  actor: A;
  data: D;
  /** What `prepare` answered (before the transaction). */
  prepared: P;
  /** Adds an audit event from inside the write (where it needs what the write read, e.g. the state before). */
  record: (event: AuditEvent) => void;
};
type Done<A, D, T> = { actor: A; data: D; result: T };

type Spec<A, S extends z.ZodType, T, R, P> = {
  schema: S;
  /** The answer to input the schema refuses; by default the field errors of `invalid()`. */
  refuse?: (error: z.ZodError) => ActionResult<never>;
  /**
   * Work before the transaction that must not hold it (and a pooled
   * connection) open: hashing a password, a rate-limit counter, checks that
   * read through `db`. A failure answers at once; its data goes to `run`.
   */
  prepare?: (context: { actor: A; data: z.output<S> }) => Promise<ActionResult<P>>;
  /** The write, inside the transaction. */
  run: (context: Context<A, z.output<S>, P>) => Promise<ActionResult<T>>;
  /** The shared cached reads a successful write changes, beyond those its audit events imply (lib/cache/tags.ts). */
  invalidates?: readonly CacheTag[];
  /** The audit events of a successful write, written in the same transaction. */
  audit?: (done: Done<A, z.output<S>, T>) => AuditEvent | readonly AuditEvent[] | null | undefined;
  /** Work after the commit that must not hold the transaction open (sending email). */
  after?: (done: Done<A, z.output<S>, T>) => Promise<void>;
  /** What the caller gets back, where the write's result holds more (e.g. what `after` needs to send an email). */
  present?: (result: T) => R;
  /** Turns an error the database raised into an answer (e.g. a unique violation into a field error); null rethrows. */
  recover?: (error: unknown, context: { actor: A; data: z.output<S> }) => Promise<ActionResult<R> | null>;
};

/** Carries a failed result out of the transaction, so it rolls back. */
class Refused<T> extends Error {
  constructor(readonly result: ActionResult<T>) {
    super("refused");
  }
}

async function execute<A extends Actor | null, S extends z.ZodType, T, R, P>(
  spec: Spec<A, S, T, R, P>,
  actor: A,
  input: unknown,
): Promise<ActionResult<R>> {
  const parsed = spec.schema.safeParse(input);
  if (!parsed.success) return spec.refuse ? spec.refuse(parsed.error) : invalid(parsed.error);
  const data = parsed.data as z.output<S>;
  const readied = spec.prepare ? await spec.prepare({ actor, data }) : ({ ok: true, data: undefined as P } as const);
  if (!readied.ok) return readied;
  const prepared = readied.data;
  let result: T;
  let touched: CacheTag[] = [];
  try {
    result = await db.$transaction(async (tx) => {
      const recorded: AuditEvent[] = [];
      const answer = await spec.run({ tx, actor, data, prepared, record: (event) => void recorded.push(event) });
      if (!answer.ok) throw new Refused(answer);
      const events = spec.audit?.({ actor, data, result: answer.data });
      const written = recorded.concat(events ?? []);
      for (const event of written) {
        await tx.auditLog.create({ data: auditRow(event, actor?.id ?? null) });
      }
      // Other processes hear of it at commit (never after a rollback); this one drops its entries below.
      touched = mergeTags(spec.invalidates ?? [], tagsForAuditEvents(written.map((event) => event.type)));
      if (touched.length > 0) await tx.$executeRaw`SELECT pg_notify(${CACHE_CHANNEL}, ${touched.join(",")})`;
      return answer.data;
    });
  } catch (error) {
    if (error instanceof Refused) return error.result as ActionResult<R>;
    const recovered = await spec.recover?.(error, { actor, data });
    if (recovered) return recovered;
    throw error;
  }
  invalidateLocally(touched);
  await spec.after?.({ actor, data, result });
  return { ok: true, data: spec.present ? spec.present(result) : (result as unknown as R) };
}

type Gate = Permission | ((actor: Actor) => boolean);

/** A write by a signed-in person who holds `permission` (or passes the predicate). */
export function mutation<S extends z.ZodType, T, R = T, P = undefined>(permission: Gate, spec: Spec<Actor, S, T, R, P>) {
  return async ({ actor, input }: { actor: Actor | null; input?: unknown }): Promise<ActionResult<R>> => {
    const allowed = actor && (typeof permission === "function" ? permission(actor) : can(actor, permission));
    if (!actor || !allowed) return fail("permission.denied");
    return execute(spec, actor, input ?? {});
  };
}

/** A write anyone may attempt (accepting an invitation, a reset link): the token in the input is the authority. */
export function publicMutation<S extends z.ZodType, T, R = T, P = undefined>(spec: Spec<null, S, T, R, P>) {
  return async ({ input }: { input?: unknown }): Promise<ActionResult<R>> => execute(spec, null, input ?? {});
}
