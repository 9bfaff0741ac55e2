import { isShuttingDown } from "../shutdown";
import { isTakeOverScheduler } from "./settings";

/**
 * Where the scheduled work starts when the server runs several workers: the
 * primary lets one worker start it and marks the others as standby
 * (KOPPELKANS_SCHEDULER_STANDBY=1); a standby worker starts it only when the
 * primary asks, because the chosen one died. The leader lock still keeps two
 * processes from running the same tick, so a late message is harmless.
 */
export function startSchedulerHere(start: () => void, env: Readonly<Record<string, string | undefined>> = process.env): void {
  if (env.KOPPELKANS_SCHEDULER_STANDBY !== "1") return start();
  process.on("message", (message: unknown) => {
    if (isTakeOverScheduler(message) && !isShuttingDown()) start();
  });
}
