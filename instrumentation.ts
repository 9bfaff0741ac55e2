/**
 * Runs once per server start (Next.js). Starts the scheduled work (digests,
 * email delivery, cleanup, retention; lib/notifications/scheduler.ts) unless
 * KOPPELKANS_SCHEDULER=0: every instance runs the timer, one leads. With
 * several workers in one instance only one of them runs it
 * (lib/cluster/scheduler-role.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.KOPPELKANS_SCHEDULER === "0") return;
  const [{ startScheduler }, { startSchedulerHere }] = await Promise.all([
    import("./lib/notifications/scheduler"),
    import("./lib/cluster/scheduler-role"),
  ]);
  startSchedulerHere(startScheduler);
}
