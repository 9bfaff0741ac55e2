/**
 * Runs once per server start (Next.js). With KOPPELKANS_SCHEDULER=1 (set by
 * `npm start` / `npm run dev` for the embedded database) the server sends the
 * daily and weekly digests itself; with your own PostgreSQL run
 * `npm run digest` from cron instead (or set KOPPELKANS_SCHEDULER=1 on one instance).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.KOPPELKANS_SCHEDULER !== "1") return;
  const { startScheduler } = await import("./lib/notifications/scheduler");
  startScheduler();
}
