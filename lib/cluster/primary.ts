import cluster, { type Worker } from "node:cluster";
import type { Logger } from "pino";
import { restartDelayMs, TAKE_OVER_SCHEDULER } from "./settings";

/**
 * The primary process of `npm start` with several workers (Node's cluster
 * module: the workers share the port, connections go round-robin). It loads
 * neither Next.js nor the database; it forks `count` workers that each run
 * scripts/server.ts in full, restarts one that dies (after a growing delay),
 * chooses which one runs the scheduled work, and on SIGTERM forwards it and
 * waits until every worker has drained and stopped.
 */

type Slot = { id: number; worker: Worker | null; listening: boolean; restart: NodeJS.Timeout | null };

export type PrimaryOptions = {
  count: number;
  log: Logger;
  /** Whether the scheduled work runs in this instance at all (KOPPELKANS_SCHEDULER is not 0). */
  scheduler: boolean;
  /** After SIGTERM, how long the workers may take before they are killed. */
  stopMs: number;
};

export function runClusterPrimary({ count, log, scheduler, stopMs }: PrimaryOptions): void {
  const slots: Slot[] = Array.from({ length: count }, (_, index) => ({ id: index + 1, worker: null, listening: false, restart: null }));
  let schedulerSlot: number | null = scheduler ? 1 : null;
  let stopping = false;
  let everListened = false;
  let failedExit = false;
  const crashes: number[] = [];

  function fork(slot: Slot) {
    slot.restart = null;
    const env: Record<string, string> = { KOPPELKANS_WORKER: String(slot.id) };
    if (scheduler) env.KOPPELKANS_SCHEDULER_STANDBY = schedulerSlot === slot.id ? "0" : "1";
    const worker = cluster.fork(env);
    slot.worker = worker;
    slot.listening = false;
    worker.once("listening", () => {
      slot.listening = true;
      everListened = true;
      if (slots.every((each) => each.listening)) log.info({ workers: count }, `Alle ${count} werkers zijn klaar.`);
    });
    worker.once("exit", (code: number | null, signal: NodeJS.Signals | null) => onExit(slot, worker, code, signal));
  }

  /** Asks a live worker to run the scheduled work; answers false when there is none. */
  function handOverScheduler(from: Slot): boolean {
    const heir = slots.find((slot) => slot !== from && slot.worker && slot.listening && slot.worker.isConnected());
    if (!heir?.worker) return false;
    heir.worker.send({ type: TAKE_OVER_SCHEDULER });
    schedulerSlot = heir.id;
    log.info({ workers: [from.id, heir.id] }, `Werker ${heir.id} neemt de geplande taken over van werker ${from.id}.`);
    return true;
  }

  function onExit(slot: Slot, worker: Worker, code: number | null, signal: NodeJS.Signals | null) {
    if (slot.worker !== worker) return;
    slot.worker = null;
    slot.listening = false;
    if (stopping) {
      if (code !== 0) failedExit = true;
      return finishIfDone();
    }
    // A worker that dies before any worker ever served (a build missing, a broken setting) would die again: stop with it.
    if (!everListened) {
      log.fatal({ worker: slot.id, code, signal }, `Werker ${slot.id} stopte bij het starten; de webserver stopt.`);
      return void stop(code && code !== 0 ? code : 1);
    }
    const now = Date.now();
    crashes.push(now);
    const delay = restartDelayMs(crashes, now);
    log.error(
      { worker: slot.id, code, signal, restartInMs: delay },
      `Werker ${slot.id} is gestopt (${signal ?? `code ${code}`}); hij start over ${delay / 1000} s opnieuw.`,
    );
    if (schedulerSlot === slot.id) handOverScheduler(slot);
    slot.restart = setTimeout(() => {
      if (!stopping) fork(slot);
    }, delay);
  }

  let exitCode = 0;
  let killer: NodeJS.Timeout | null = null;
  function finishIfDone() {
    if (slots.some((slot) => slot.worker)) return;
    if (killer) clearTimeout(killer);
    log.info("Alle werkers zijn gestopt.");
    process.exit(exitCode || (failedExit ? 1 : 0));
  }

  function stop(code: number, signal?: NodeJS.Signals) {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    if (signal) log.info({ signal }, `${signal}: de werkers ronden hun lopende verzoeken af en stoppen.`);
    for (const slot of slots) {
      if (slot.restart) clearTimeout(slot.restart);
      slot.restart = null;
      // A signal, not worker.kill(): that disconnects first, and a disconnected worker exits at once instead of draining.
      slot.worker?.process.kill("SIGTERM");
    }
    killer = setTimeout(() => {
      log.warn(`Niet elke werker stopte binnen ${stopMs / 1000} s; ze worden afgebroken.`);
      for (const slot of slots) slot.worker?.process.kill("SIGKILL");
    }, stopMs);
    finishIfDone();
  }

  process.on("SIGTERM", () => stop(0, "SIGTERM"));
  process.on("SIGINT", () => stop(0, "SIGINT"));
  log.info({ workers: count }, `De webserver start ${count} werkers (WEB_CONCURRENCY).`);
  for (const slot of slots) fork(slot);
}
