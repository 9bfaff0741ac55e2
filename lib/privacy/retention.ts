/**
 * The scheduled purge of records kept only to make the portal work:
 * notifications, the email outbox and sign-in attempt counters older than
 * their retention period (retention-config.ts). No `server-only` import: the
 * scheduler inside the server and `npm run digest` run this.
 */
import { db } from "@/lib/db";
import { retentionCutoff, retentionDays, type RetentionDays } from "./retention-config";

export type PurgeCounts = { notifications: number; emails: number; signInAttempts: number };

/** Rows per DELETE, so one run never holds a long lock on a busy table. */
const BATCH = 5000;

async function inBatches(remove: () => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const removed = await remove();
    total += removed;
    if (removed < BATCH) return total;
  }
}

export async function purgeExpiredRecords({
  now = new Date(),
  days = retentionDays(),
}: { now?: Date; days?: RetentionDays } = {}): Promise<PurgeCounts> {
  const notificationsBefore = retentionCutoff(now, days.notifications);
  const emailsBefore = retentionCutoff(now, days.email);
  const signInBefore = retentionCutoff(now, days.signIn);
  const notifications = await inBatches(
    () => db.$executeRaw`
      DELETE FROM "Notification" WHERE id IN (SELECT id FROM "Notification" WHERE "createdAt" < ${notificationsBefore} LIMIT ${BATCH})`,
  );
  const emails = await inBatches(
    () => db.$executeRaw`
      DELETE FROM "EmailMessage" WHERE id IN (SELECT id FROM "EmailMessage" WHERE "createdAt" < ${emailsBefore} LIMIT ${BATCH})`,
  );
  // rate-limiter-flexible keeps no creation time: `expire` is the end of the counting window, so a row is old once that passed long enough ago.
  const signInAttempts = await inBatches(
    () => db.$executeRaw`
      DELETE FROM "RateLimit" WHERE key IN (SELECT key FROM "RateLimit" WHERE expire < ${signInBefore} LIMIT ${BATCH})`,
  );
  return { notifications, emails, signInAttempts };
}

/** The purge with one log line when it removed something (scheduler and `npm run digest`). */
export async function runRetention(log: (line: string) => void = (line) => console.info(`[bewaartermijn] ${line}`)): Promise<PurgeCounts> {
  const counts = await purgeExpiredRecords();
  if (counts.notifications || counts.emails || counts.signInAttempts) {
    log(
      `Bewaartermijn voorbij, verwijderd: ${counts.notifications} melding(en), ${counts.emails} e-mail(s) uit de outbox, ${counts.signInAttempts} teller(s) van inlogpogingen`,
    );
  }
  return counts;
}
