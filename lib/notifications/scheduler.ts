/**
 * The digest inside the server (embedded database: `npm start` sets
 * KOPPELKANS_SCHEDULER=1). Every 15 minutes: runDigest (which finds out who is
 * due, see digest.ts) and delivery of whatever is still queued. Runs never
 * overlap within one process, and runs in several processes are safe anyway
 * (locks in the database). The timers do not keep the process alive.
 */
import { deleteExpiredSessions } from "@/lib/accounts/sessions";
import { deliverQueued } from "@/lib/email/queue";
import { runRetention } from "@/lib/privacy/retention";
import { deleteUnusedUploads } from "@/lib/uploads/cleanup";
import { runDigest } from "./digest";

export const SCHEDULER_INTERVAL_MS = 15 * 60 * 1000;

let started = false;
let running = false;

async function tick() {
  if (running) return;
  running = true;
  try {
    const result = await runDigest({ now: new Date(), deliver: false });
    const delivery = await deliverQueued();
    const uploadsRemoved = await deleteUnusedUploads();
    if (uploadsRemoved) console.info(`[beelden] ${uploadsRemoved} ongebruikte afbeelding(en) van meer dan een week oud verwijderd`);
    await deleteExpiredSessions();
    await runRetention();
    if (result.emails || delivery.sent || delivery.failed || delivery.outbox) {
      console.info(
        `[meldingen] overzichten: ${result.emails} e-mail(s) voor ${result.people} persoon/personen; bezorgd: ${delivery.sent + delivery.outbox}, mislukt: ${delivery.failed}`,
      );
    }
  } catch (error) {
    console.error(`[meldingen] het overzicht maken mislukte: ${(error as Error).message}`);
  } finally {
    running = false;
  }
}

export function startScheduler(): void {
  if (started) return;
  started = true;
  // A first run shortly after start (catches up after downtime), then every 15 minutes.
  setTimeout(() => void tick(), 60_000).unref();
  setInterval(() => void tick(), SCHEDULER_INTERVAL_MS).unref();
}
