/**
 * The portal's scheduled work inside the server (instrumentation.ts starts it
 * unless KOPPELKANS_SCHEDULER=0): every 15 minutes
 * (KOPPELKANS_SCHEDULER_INTERVAL_S) the digests that are due, delivery of
 * queued email, removal of unused uploads and expired sessions, and the
 * retention purges — on exactly one instance of those sharing the database.
 *
 * Why a leader lock (lib/scheduler/leader-lock.ts) and not a lock per job or
 * per tick: instances start at different moments, so their timers are out of
 * step; a lock held only while a job runs keeps two runs from overlapping but
 * still lets every instance run every job once per interval. The leader's
 * session lock makes one instance run the timers' work while it lives and
 * hands over by itself when it dies (PostgreSQL ends its session), with no
 * table, migration or package. A job queue (pg-boss, graphile-worker) would
 * add retries and cron syntax this handful of idempotent jobs does not need.
 * The jobs stay safe to run twice anyway (a lost leader may finish a tick
 * while the next one starts; `npm run digest` may run from cron): every
 * notification and email is claimed with FOR UPDATE SKIP LOCKED.
 */
import { deleteExpiredSessions } from "@/lib/accounts/sessions";
import { deliverQueued } from "@/lib/email/queue";
import { getLogger } from "@/lib/log/logger";
import { LOCK_KEYS } from "@/lib/postgres/advisory-lock";
import { runRetention } from "@/lib/privacy/retention";
import { LeaderLock } from "@/lib/scheduler/leader-lock";
import { createScheduler, type ScheduledJob, type Scheduler } from "@/lib/scheduler/scheduler";
import { onShutdown, SHUTDOWN_ORDER } from "@/lib/shutdown";
import { deleteUnusedUploads } from "@/lib/uploads/cleanup";
import { runDigest } from "./digest";

export const SCHEDULER_INTERVAL_MS = 15 * 60 * 1000;
/** The first tick comes soon after a start (it catches up after downtime), but never before the interval. */
const FIRST_TICK_MS = 60_000;

/** KOPPELKANS_SCHEDULER_INTERVAL_S, or 15 minutes. */
export function schedulerIntervalMs(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const seconds = Number(env.KOPPELKANS_SCHEDULER_INTERVAL_S);
  return Number.isFinite(seconds) && seconds >= 1 ? seconds * 1000 : SCHEDULER_INTERVAL_MS;
}

export function portalJobs(): ScheduledJob[] {
  const log = getLogger("scheduler");
  return [
    {
      name: "digest",
      run: async () => {
        const { people, emails } = await runDigest({ now: new Date(), deliver: false });
        return { people, emails };
      },
    },
    { name: "delivery", run: () => deliverQueued() },
    { name: "uploads", run: () => deleteUnusedUploads() },
    { name: "sessions", run: () => deleteExpiredSessions() },
    { name: "retention", run: () => runRetention((line) => log.info(line)) },
  ];
}

let scheduler: Scheduler | null = null;

export function startScheduler(): void {
  const databaseUrl = process.env.DATABASE_URL;
  if (scheduler || !databaseUrl) return;
  const intervalMs = schedulerIntervalMs();
  scheduler = createScheduler({
    leadership: new LeaderLock(databaseUrl, LOCK_KEYS.scheduler),
    jobs: portalJobs(),
    intervalMs,
    firstDelayMs: Math.min(FIRST_TICK_MS, intervalMs),
    logger: getLogger("scheduler"),
  });
  scheduler.start();
  onShutdown("scheduler", SHUTDOWN_ORDER.work, () => scheduler?.stop() ?? Promise.resolve());
}
