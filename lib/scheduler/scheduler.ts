import type { Logger } from "pino";

/**
 * Periodic work that runs on one instance at a time: every instance keeps
 * the timer, and at each tick asks `leadership` whether it leads; only the
 * leader runs the jobs. See lib/notifications/scheduler.ts for why a leader
 * lock rather than a lock per job or a job queue.
 */

export type ScheduledJob = { name: string; run: () => Promise<object | number | void> };
export type Leadership = { lead: () => Promise<boolean>; release: () => Promise<void> };
export type TickOutcome = "ran" | "follower" | "busy" | "stopped";

export type Scheduler = {
  start: () => void;
  /** One tick now (the timers call this; tests do too). */
  tick: () => Promise<TickOutcome>;
  /** No new ticks; waits for a running one, then gives up the lead. */
  stop: () => Promise<void>;
};

export function createScheduler({
  leadership,
  jobs,
  intervalMs,
  firstDelayMs,
  logger,
}: {
  leadership: Leadership;
  jobs: readonly ScheduledJob[];
  intervalMs: number;
  firstDelayMs: number;
  logger: Logger;
}): Scheduler {
  const timers: NodeJS.Timeout[] = [];
  let running: Promise<TickOutcome> | null = null;
  let stopped = false;
  let leading: boolean | null = null;

  async function runJobs(): Promise<TickOutcome> {
    const lead = await leadership.lead();
    if (lead !== leading) {
      leading = lead;
      logger.info(
        { leader: lead },
        lead ? "Deze instantie voert de geplande taken uit." : "Een andere instantie voert de geplande taken uit.",
      );
    }
    if (!lead) return "follower";
    // An instance that is stopping starts no work, even when it just took the lead.
    if (stopped) return "stopped";
    const started = Date.now();
    const results: Record<string, unknown> = {};
    // One failing job (a broken SMTP server) does not keep the others from running.
    for (const job of jobs) {
      try {
        const result = await job.run();
        if (result !== undefined) results[job.name] = result;
      } catch (error) {
        logger.error({ job: job.name, err: error }, `Geplande taak ${job.name} mislukt`);
      }
    }
    logger.info({ ms: Date.now() - started, results }, "Geplande taken uitgevoerd");
    return "ran";
  }

  function tick(): Promise<TickOutcome> {
    if (stopped) return Promise.resolve("stopped");
    // Ticks never overlap within one instance.
    if (running) return Promise.resolve("busy");
    const current = runJobs()
      .catch((error: unknown) => {
        logger.error({ err: error }, "De geplande taken mislukten");
        return "ran" as const;
      })
      .finally(() => {
        running = null;
      });
    running = current;
    return current;
  }

  return {
    tick,
    start() {
      if (stopped || timers.length) return;
      // The timers do not keep the process alive.
      timers.push(setTimeout(() => void tick(), firstDelayMs).unref());
      timers.push(setInterval(() => void tick(), intervalMs).unref());
    },
    async stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.length = 0;
      await running;
      await leadership.release();
    },
  };
}
