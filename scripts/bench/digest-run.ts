/**
 * The timed part of the digest bench (scripts/bench/digest.ts runs this in a
 * child process, on the throwaway database in DATABASE_URL): runDigest as the
 * scheduler runs it, composing and queueing the digests batch by batch, then
 * delivering the queue into the outbox (no SMTP_URL here). Prints JSON.
 *
 *   DATABASE_URL=… NEXTAUTH_SECRET=… node --import tsx scripts/bench/digest-run.ts <now ISO>
 */
import type { DeliveryResult } from "../../lib/email/queue";
import type { DigestResult } from "../../lib/notifications/digest";

export type DigestRun = { composeMs: number; deliverMs: number; result: DigestResult; delivery: DeliveryResult };

const now = new Date(process.argv[2] ?? "");
if (!process.env.DATABASE_URL || !process.env.NEXTAUTH_SECRET || Number.isNaN(now.getTime())) {
  console.error("Gebruik: DATABASE_URL=… NEXTAUTH_SECRET=… node --import tsx scripts/bench/digest-run.ts <tijdstip ISO>");
  process.exit(1);
}
delete process.env.SMTP_URL;
// Delivery into the outbox prints every message; 1,000 digests are not worth reading here.
console.info = () => {};

// Imported after the environment is set: lib/db.ts reads DATABASE_URL on first use.
const { runDigest } = await import("../../lib/notifications/digest");
const { deliverQueued } = await import("../../lib/email/queue");
const { db } = await import("../../lib/db");
try {
  // Connect first, so the timing does not include opening the pool.
  await db.$queryRaw`SELECT 1`;
  let started = performance.now();
  // What runDigest() does by default (deliver: true), in two timed halves.
  const result = await runDigest({ now, deliver: false });
  const composeMs = performance.now() - started;
  started = performance.now();
  const delivery = await deliverQueued();
  const deliverMs = performance.now() - started;
  process.stdout.write(JSON.stringify({ composeMs, deliverMs, result, delivery } satisfies DigestRun));
} finally {
  await db.$disconnect();
}
