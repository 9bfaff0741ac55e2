/**
 * `npm run digest [-- --daily | --weekly]`: sends the digest emails that are
 * due (see lib/notifications/digest.ts) and delivers everything still queued,
 * on DATABASE_URL or the embedded database under DATA_DIR (started for the
 * command, then stopped). Safe to run from cron at any interval, also while
 * the server's own scheduler runs: nothing is sent twice.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { DEFAULT_DATA_DIR, openDatabase } from "../lib/postgres/runtime";

const say = (line: string) => console.log(`[koppelkans] ${line}`);
const flags = process.argv.slice(2);
const frequency = flags.includes("--daily") ? "DAILY" : flags.includes("--weekly") ? "WEEKLY" : "both";
const dataDir = path.resolve(process.env.DATA_DIR ?? DEFAULT_DATA_DIR);

// The unsubscribe links are signed with the session secret: the same one the server uses.
if (!process.env.NEXTAUTH_SECRET) {
  const file = path.join(dataDir, "auth-secret");
  if (!existsSync(file)) {
    console.error(
      "[koppelkans] NEXTAUTH_SECRET ontbreekt (en er is geen DATA_DIR/auth-secret): stel het geheim in dat de server gebruikt.",
    );
    process.exit(1);
  }
  process.env.NEXTAUTH_SECRET = (await readFile(file, "utf8")).trim();
}

/** The embedded database (and address) of a running `npm start` (DATA_DIR/runtime.json), if any: it cannot be started twice. */
async function runningServer(): Promise<{ databaseUrl: string; appUrl?: string } | null> {
  const file = path.join(dataDir, "runtime.json");
  if (process.env.DATABASE_URL || !existsSync(file)) return null;
  try {
    const runtime = JSON.parse(await readFile(file, "utf8")) as { databaseUrl?: string; appUrl?: string; pid?: number };
    if (!runtime.databaseUrl || !runtime.pid) return null;
    process.kill(runtime.pid, 0);
    return { databaseUrl: runtime.databaseUrl, appUrl: runtime.appUrl };
  } catch {
    return null;
  }
}

let database: { url: string; close: () => Promise<void> };
try {
  const running = await runningServer();
  if (running) say("De server draait: zijn ingebouwde database wordt gebruikt.");
  database = running ? { url: running.databaseUrl, close: async () => {} } : await openDatabase({ dataDir, log: say });
  // Links in the emails: the same address the server uses.
  process.env.APP_URL ??= running?.appUrl ?? process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
} catch (error) {
  console.error(`[koppelkans] ${(error as Error).message}`);
  process.exit(1);
}
process.env.DATABASE_URL = database.url;

let exitCode = 0;
try {
  // Imported after DATABASE_URL is set: lib/db.ts reads it on first use.
  const { runDigest } = await import("../lib/notifications/digest");
  const { db } = await import("../lib/db");
  const started = performance.now();
  const result = await runDigest({ now: new Date(), frequency });
  const delivery = result.delivery;
  say(
    `Overzichten: ${result.emails} e-mail(s) aan ${result.people} persoon/personen met ${result.notifications} melding(en); ` +
      `${result.settled} melding(en) zonder e-mail afgehandeld; bezorgd: ${(delivery?.sent ?? 0) + (delivery?.outbox ?? 0)}` +
      `${delivery?.outbox ? " (in de outbox: geen SMTP_URL)" : ""}, mislukt: ${delivery?.failed ?? 0} — ${Math.round(performance.now() - started)} ms.`,
  );
  // The same housekeeping the in-server scheduler does.
  const { deleteUnusedUploads } = await import("../lib/uploads/cleanup");
  const removed = await deleteUnusedUploads();
  if (removed) say(`${removed} ongebruikte afbeelding(en) van meer dan een week oud verwijderd.`);
  await (await import("../lib/accounts/sessions")).deleteExpiredSessions();
  await (await import("../lib/privacy/retention")).runRetention(say);
  await db.$disconnect();
} catch (error) {
  console.error(`[koppelkans] Het overzicht maken mislukte: ${(error as Error).message}`);
  exitCode = 1;
} finally {
  await database.close();
}
process.exit(exitCode);
