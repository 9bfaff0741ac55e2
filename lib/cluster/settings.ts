import { availableParallelism } from "node:os";

/**
 * The numbers of the multi-process server (scripts/server.ts with Node's
 * cluster module): how many workers, and how soon a crashed one comes back.
 * Pure, and imports nothing of the app: the launcher and the server load it
 * outside Next.js.
 */

/** WEB_CONCURRENCY: a whole number ≥ 1, or the cores this process may use; throws on anything else. */
export function workerCountFromEnv(env: Readonly<Record<string, string | undefined>>, cores = availableParallelism()): number {
  const raw = env.WEB_CONCURRENCY?.trim();
  if (!raw) return Math.max(1, cores);
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < 1) {
    throw new Error(`WEB_CONCURRENCY=${raw} is geen geheel getal van 1 of meer (1 is één proces).`);
  }
  return value;
}

/** Crashes further apart than this count as unrelated, so one crash a day always restarts after the first delay. */
export const CRASH_WINDOW_MS = 60_000;
export const FIRST_RESTART_MS = 1_000;
export const MAX_RESTART_MS = 30_000;

/**
 * How long to wait before restarting a worker, given the times of the crashes
 * so far (this one included): 1 s, then doubling up to 30 s while they come
 * within a minute of each other, so a worker that dies at start does not spin.
 */
export function restartDelayMs(crashTimes: readonly number[], now: number): number {
  const recent = crashTimes.filter((time) => now - time < CRASH_WINDOW_MS).length;
  return Math.min(MAX_RESTART_MS, FIRST_RESTART_MS * 2 ** Math.max(0, recent - 1));
}

/** The message the primary sends a worker so it takes over the scheduled work from one that died. */
export const TAKE_OVER_SCHEDULER = "koppelkans:take-over-scheduler";

/** Whether `message` (from process.on("message")) is that request. */
export function isTakeOverScheduler(message: unknown): boolean {
  return typeof message === "object" && message !== null && (message as { type?: unknown }).type === TAKE_OVER_SCHEDULER;
}
