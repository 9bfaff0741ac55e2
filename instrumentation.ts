/**
 * Runs once per server start (Next.js). Starts the scheduled work (digests,
 * email delivery, cleanup, retention; lib/notifications/scheduler.ts) unless
 * KOPPELKANS_SCHEDULER=0: every instance runs the timer, one leads.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.KOPPELKANS_SCHEDULER === "0") return;
  const { startScheduler } = await import("./lib/notifications/scheduler");
  startScheduler();
}
