/**
 * The daily and weekly digest emails (`npm run digest`, and every 15 minutes
 * inside the server with the embedded database; see instrumentation.ts).
 *
 * What is due, kept simple:
 * - A notification waits for a digest while it has no emailedAt. Its kind's
 *   preference decides which digest: DAILY or WEEKLY (no preference row =
 *   WEEKLY). One still waiting under IMMEDIATE (the choice changed after it
 *   was made) goes with the daily digest.
 * - Someone's daily digest is due when their last daily digest is at least
 *   23 hours old (or there was none); the weekly one at 7 days minus one
 *   hour. The hour of slack keeps a cron job at a fixed time from skipping a
 *   day over a few seconds. A run every 15 minutes therefore sends at most
 *   one daily digest per person per day, and the first digest goes out at
 *   the first run after the first notification.
 * - The "last digest" is the newest EmailMessage to the person's address
 *   whose subject starts with a digest prefix (DIGEST_SUBJECT_PREFIXES):
 *   the schema has no column for it, and the outbox keeps every message.
 * - Left out of any email, and marked emailedAt without an email: NEVER
 *   preferences, notifications already read in the portal, notifications
 *   about an update that is no longer published or a comment that was
 *   deleted or hidden, and blocked accounts.
 *
 * Exactly once: people are handled in batches, each in ONE transaction that
 * takes a per-person advisory lock (a concurrent run skips those people),
 * claims their waiting notifications with SELECT … FOR UPDATE SKIP LOCKED,
 * writes the digest emails into the outbox (transport "queued") and sets
 * emailedAt + emailId. A run that crashes halfway rolls back the batch it was
 * in: nothing is marked without its email and a later run picks it up.
 * Delivery happens after the commits (deliverQueued, which claims rows the
 * same way).
 *
 * No `server-only` import: `npm run digest` runs this outside Next.js.
 */
import { summariseAppreciationGroups } from "@/lib/appreciation/notify";
import { db } from "@/lib/db";
import { deliverQueued, queueEmail, type DeliveryResult } from "@/lib/email/queue";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { EmailFrequency, NotificationKind } from "@/lib/generated/prisma/enums";
import { isShownComment } from "@/lib/policy/comments";
import { isListedUpdate } from "@/lib/policy/updates";
import { isBlockedNow } from "@/lib/policy/users";
import { DIGEST_SUBJECT_PREFIXES, digestEmail, excerpt, type DigestFrequency, type DigestGroup, type NotificationEmailItem } from "./email";

const HOUR = 60 * 60 * 1000;
/** The shortest time between two digests of one kind for one person. */
export const DIGEST_INTERVAL_MS: Record<DigestFrequency, number> = { DAILY: 24 * HOUR - HOUR, WEEKLY: 7 * 24 * HOUR - HOUR };

export type RunDigestOptions = {
  now?: Date;
  frequency?: DigestFrequency | "both";
  /** People per transaction. */
  batchSize?: number;
  /** Deliver the queued emails after the last batch (default true). */
  deliver?: boolean;
  /** Test hook: runs inside each batch's transaction after the claim and the writes, before the commit. */
  afterClaim?: (batch: { index: number; userIds: string[] }) => void | Promise<void>;
};

export type DigestResult = {
  /** People who got at least one digest. */
  people: number;
  emails: number;
  /** Notifications carried by those emails. */
  notifications: number;
  /** Notifications settled without an email (NEVER, read, gone, blocked). */
  settled: number;
  delivery: DeliveryResult | null;
};

type PendingRow = {
  id: string;
  userId: string;
  kind: NotificationKind;
  updateId: string;
  commentId: string | null;
  feedbackRequestId: string | null;
  /** For FEEDBACK_REQUEST: the request's question, which the digest quotes. */
  feedbackQuestion: string | null;
  actorId: string | null;
  readAt: Date | null;
  createdAt: Date;
  event: string | null;
  reason: string | null;
  frequency: EmailFrequency;
};

function likeAny(prefixes: readonly string[]): string[] {
  return prefixes.map((prefix) => `${prefix.replace(/[\\%_]/g, "\\$&")}%`);
}

export async function runDigest(options: RunDigestOptions = {}): Promise<DigestResult> {
  const now = options.now ?? new Date();
  const wanted: DigestFrequency[] = !options.frequency || options.frequency === "both" ? ["DAILY", "WEEKLY"] : [options.frequency];
  const batchSize = options.batchSize ?? 100;
  const result: DigestResult = { people: 0, emails: 0, notifications: 0, settled: 0, delivery: null };

  const candidates = await db.$queryRaw<{ userId: string }[]>`
    SELECT DISTINCT "userId" FROM "Notification" WHERE "emailedAt" IS NULL AND "createdAt" <= ${now} ORDER BY "userId"`;
  const userIds = candidates.map((row) => row.userId);

  for (let start = 0, index = 0; start < userIds.length; start += batchSize, index++) {
    const batch = userIds.slice(start, start + batchSize);
    const outcome = await db.$transaction((tx) => digestBatch(tx, { userIds: batch, index, now, wanted, afterClaim: options.afterClaim }), {
      maxWait: 30_000,
      timeout: 120_000,
    });
    result.people += outcome.people;
    result.emails += outcome.emails;
    result.notifications += outcome.notifications;
    result.settled += outcome.settled;
  }

  if (options.deliver ?? true) result.delivery = await deliverQueued();
  return result;
}

async function digestBatch(
  tx: Prisma.TransactionClient,
  input: { userIds: string[]; index: number; now: Date; wanted: DigestFrequency[]; afterClaim: RunDigestOptions["afterClaim"] },
) {
  const { now } = input;
  const outcome = { people: 0, emails: 0, notifications: 0, settled: 0 };

  // One digest run at a time per person: a concurrent run skips whoever is locked here.
  const locked = (
    await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM unnest(${input.userIds}::text[]) AS id
       WHERE pg_try_advisory_xact_lock(hashtextextended('koppelkans:digest:' || id, 0))`
  ).map((row) => row.id);
  if (locked.length === 0) return outcome;

  const people = await tx.user.findMany({
    where: { id: { in: locked } },
    select: { id: true, email: true, name: true, locale: true, blockedAt: true, blockedUntil: true },
  });
  const person = new Map(people.map((row) => [row.id, row]));
  const last = await tx.$queryRaw<{ to: string; daily: Date | null; weekly: Date | null }[]>`
    SELECT "to",
           max("createdAt") FILTER (WHERE subject LIKE ANY (${likeAny(DIGEST_SUBJECT_PREFIXES.DAILY)}::text[])) AS daily,
           max("createdAt") FILTER (WHERE subject LIKE ANY (${likeAny(DIGEST_SUBJECT_PREFIXES.WEEKLY)}::text[])) AS weekly
      FROM "EmailMessage"
     WHERE "to" = ANY(${people.map((row) => row.email)}::text[])
       AND "createdAt" > ${new Date(now.getTime() - DIGEST_INTERVAL_MS.WEEKLY - 24 * HOUR)}
     GROUP BY "to"`;
  const lastDigest = new Map(last.map((row) => [row.to, { DAILY: row.daily, WEEKLY: row.weekly }]));
  const dueFor = (frequency: DigestFrequency) =>
    input.wanted.includes(frequency)
      ? people
          .filter((row) => {
            const previous = lastDigest.get(row.email)?.[frequency];
            return !previous || now.getTime() - previous.getTime() >= DIGEST_INTERVAL_MS[frequency];
          })
          .map((row) => row.id)
      : [];
  const dailyDue = dueFor("DAILY");
  const weeklyDue = dueFor("WEEKLY");

  // Claim what goes out now, plus what is settled without email; the rest stays unlocked.
  const pending = await tx.$queryRaw<PendingRow[]>`
    SELECT n.id, n."userId", n.kind::text AS kind, n."updateId", n."commentId", n."feedbackRequestId", f.question AS "feedbackQuestion",
           n."actorId", n."readAt", n."createdAt", n.event, n.reason, COALESCE(p.frequency::text, 'WEEKLY') AS frequency
      FROM "Notification" n
      LEFT JOIN "EmailPreference" p ON p."userId" = n."userId" AND p.kind = n.kind
      LEFT JOIN "FeedbackRequest" f ON f.id = n."feedbackRequestId"
     WHERE n."userId" = ANY(${locked}::text[]) AND n."emailedAt" IS NULL AND n."createdAt" <= ${now}
       AND (COALESCE(p.frequency::text, 'WEEKLY') = 'NEVER'
            OR n."readAt" IS NOT NULL
            OR (COALESCE(p.frequency::text, 'WEEKLY') IN ('DAILY', 'IMMEDIATE') AND n."userId" = ANY(${dailyDue}::text[]))
            OR (COALESCE(p.frequency::text, 'WEEKLY') = 'WEEKLY' AND n."userId" = ANY(${weeklyDue}::text[])))
     ORDER BY n."createdAt" DESC, n.id
       FOR UPDATE OF n SKIP LOCKED`;
  if (pending.length === 0) return outcome;

  const updateIds = [...new Set(pending.map((row) => row.updateId))];
  const commentIds = [...new Set(pending.flatMap((row) => (row.commentId ? [row.commentId] : [])))];
  const actorIds = [...new Set(pending.flatMap((row) => (row.actorId ? [row.actorId] : [])))];
  // One after the other: a transaction is one connection.
  const updates = await tx.update.findMany({
    where: { id: { in: updateIds } },
    select: { id: true, title: true, status: true, hiddenAt: true },
  });
  const comments = commentIds.length
    ? await tx.comment.findMany({ where: { id: { in: commentIds } }, select: { id: true, body: true, deletedAt: true, hiddenAt: true } })
    : [];
  const actors = actorIds.length ? await tx.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } }) : [];
  const appreciations = await summariseAppreciationGroups(
    tx,
    pending.flatMap((row) => (row.kind === "APPRECIATION" ? [row.id] : [])),
  );
  const update = new Map(updates.map((row) => [row.id, row]));
  const comment = new Map(comments.map((row) => [row.id, row]));
  const actorName = new Map(actors.map((row) => [row.id, row.name]));
  const dueNow = { DAILY: new Set(dailyDue), WEEKLY: new Set(weeklyDue) };

  const settled: string[] = [];
  // userId → frequency → updateId → items (rows come newest first)
  const digests = new Map<string, Map<DigestFrequency, Map<string, { ids: string[]; items: NotificationEmailItem[] }>>>();
  for (const row of pending) {
    const recipient = person.get(row.userId);
    const subject = update.get(row.updateId);
    const said = row.commentId ? comment.get(row.commentId) : null;
    // Moderation news is about the recipient's own (possibly hidden) content, or for staff: it is never gone while its update exists.
    const moderation = row.kind === "MODERATION";
    const gone = !subject || (!moderation && (!isListedUpdate(subject) || (row.commentId && (!said || !isShownComment(said)))));
    if (!recipient || isBlockedNow(recipient, now) || row.frequency === "NEVER" || row.readAt || gone) {
      settled.push(row.id);
      continue;
    }
    const frequency: DigestFrequency = row.frequency === "WEEKLY" ? "WEEKLY" : "DAILY";
    if (!dueNow[frequency].has(row.userId)) continue;
    const perFrequency = digests.get(row.userId) ?? new Map();
    digests.set(row.userId, perFrequency);
    const perUpdate = perFrequency.get(frequency) ?? new Map<string, { ids: string[]; items: NotificationEmailItem[] }>();
    perFrequency.set(frequency, perUpdate);
    const group = perUpdate.get(row.updateId) ?? { ids: [], items: [] };
    perUpdate.set(row.updateId, group);
    group.ids.push(row.id);
    const appreciation = appreciations.get(row.id);
    group.items.push({
      kind: row.kind,
      actorName: appreciation?.latestName ?? (row.actorId ? (actorName.get(row.actorId) ?? null) : null),
      appreciationCount: appreciation?.count,
      updateId: row.updateId,
      commentId: row.commentId,
      feedbackRequestId: row.feedbackRequestId,
      excerpt: moderation ? row.reason : excerpt(row.feedbackQuestion ?? said?.body),
      createdAt: row.createdAt,
      event: row.event,
    });
  }

  const emailedIds: string[] = [];
  const emailIds: string[] = [];
  for (const [userId, perFrequency] of digests) {
    const recipient = person.get(userId)!;
    for (const [frequency, perUpdate] of perFrequency) {
      const groups: DigestGroup[] = [...perUpdate].map(([updateId, group]) => ({
        updateId,
        updateTitle: update.get(updateId)!.title,
        items: group.items,
      }));
      const emailId = await queueEmail(tx, digestEmail({ recipient, frequency, groups, now }), { createdAt: now });
      for (const group of perUpdate.values()) {
        for (const id of group.ids) {
          emailedIds.push(id);
          emailIds.push(emailId);
        }
      }
      outcome.emails += 1;
    }
    outcome.people += 1;
  }

  if (emailedIds.length) {
    await tx.$executeRaw`
      UPDATE "Notification" AS n SET "emailedAt" = ${now}, "emailId" = v.email_id
        FROM unnest(${emailedIds}::text[], ${emailIds}::text[]) AS v(id, email_id)
       WHERE n.id = v.id`;
  }
  if (settled.length) await tx.$executeRaw`UPDATE "Notification" SET "emailedAt" = ${now} WHERE id = ANY(${settled}::text[])`;
  outcome.notifications = emailedIds.length;
  outcome.settled = settled.length;

  await input.afterClaim?.({ index: input.index, userIds: locked });
  return outcome;
}
