/**
 * The digest bench: how long the daily digest takes for 1,000 people with 50
 * waiting notifications each (target: under 60 s), on a copy of the bench
 * data, so the notifications point at real bench comments and updates.
 *
 * It never touches the bench database's own rows: it makes a throwaway
 * database from it (CREATE DATABASE … TEMPLATE, a file copy; no one may be
 * connected to the bench database then, so `npm run bench` does this after
 * stopping the server), adds 1,000 readers with a DAILY preference for every
 * kind and 50 notifications each (10 updates × 5 comments, as
 * tests/digest.test.ts does, but deterministic and with the bench's texts),
 * runs the digest in a child process (scripts/bench/digest-run.ts: delivery
 * into the outbox, no SMTP) and drops the copy again, also when it fails.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { withDatabase } from "../../lib/postgres/embedded";
import type { DigestRun } from "./digest-run";
import { insertRows, type Cell } from "./insert";
import { Random } from "./prng";

const ROOT = path.resolve(import.meta.dirname, "../..");

export const DIGEST_PEOPLE = 1_000;
export const DIGEST_UPDATES_PER_PERSON = 10;
export const DIGEST_COMMENTS_PER_UPDATE = 5;
export const DIGEST_NOTIFICATIONS_PER_PERSON = DIGEST_UPDATES_PER_PERSON * DIGEST_COMMENTS_PER_UPDATE;
/** Issue: the digest for 1,000 people with 50 notifications each finishes in under 60 s. */
export const DIGEST_TARGET_MS = 60_000;
const DIGEST_SEED = 20_261_129;
const KINDS = ["COMMENT_ON_UPDATE", "REPLY", "MENTION", "FOLLOWED_UPDATE"] as const;

export type DigestMeasurement = {
  database: string;
  people: number;
  notifications: number;
  /** Setting up: the copy, the rows, ANALYZE. */
  setupMs: number;
  /** runDigest without delivery: claim, compose, queue, mark (all batches). */
  composeMs: number;
  /** deliverQueued into the outbox. */
  deliverMs: number;
  totalMs: number;
  emails: number;
  notificationsEmailed: number;
  outbox: number;
  /** Notifications of the 1,000 left without an email afterwards (must be 0). */
  leftOver: number;
  met: boolean;
};

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Fills the throwaway database: 1,000 readers, their DAILY preferences, 50 notifications each. Returns the notification count. */
async function addReaders(client: pg.Client, now: Date): Promise<number> {
  const random = new Random(DIGEST_SEED);
  // The newest visible comments on published updates: updates with at least five of them.
  const { rows: pool } = await client.query<{ id: string; updateId: string; authorId: string; reply: boolean }>(`
    SELECT c.id, c."updateId", c."authorId", c."parentId" IS NOT NULL AS reply
      FROM "Comment" c JOIN "Update" u ON u.id = c."updateId"
     WHERE u.status = 'PUBLISHED' AND c."deletedAt" IS NULL AND c."hiddenAt" IS NULL
     ORDER BY c."createdAt" DESC, c.id
     LIMIT 20000`);
  const byUpdate = new Map<string, typeof pool>();
  for (const row of pool) byUpdate.set(row.updateId, [...(byUpdate.get(row.updateId) ?? []), row]);
  const updates = [...byUpdate.values()].filter((comments) => comments.length >= DIGEST_COMMENTS_PER_UPDATE);
  if (updates.length < DIGEST_UPDATES_PER_PERSON)
    throw new Error(`Te weinig reacties in de benchgegevens (${updates.length} updates met ${DIGEST_COMMENTS_PER_UPDATE}+ reacties).`);

  const stamp = now.toISOString();
  const users: Cell[][] = [];
  const preferences: Cell[][] = [];
  const notifications: Cell[][] = [];
  for (let p = 0; p < DIGEST_PEOPLE; p++) {
    const id = random.id();
    const number = String(p + 1).padStart(4, "0");
    users.push([id, `lezer.${number}@digest.bench.example.nl`, `Lezer ${number} (bench)`, "MEMBER", stamp]);
    for (const kind of KINDS) preferences.push([id, kind, "DAILY", stamp]);
    for (const comments of random.sample(updates, DIGEST_UPDATES_PER_PERSON)) {
      for (const comment of random.sample(comments, DIGEST_COMMENTS_PER_UPDATE)) {
        // Mostly new comments on a followed update; replies to the reader and mentions now and then.
        const kind = random.chance(0.08) ? "MENTION" : comment.reply && random.chance(0.3) ? "REPLY" : "COMMENT_ON_UPDATE";
        const createdAt = new Date(now.getTime() - random.int(1, 20 * 60) * 60_000).toISOString();
        notifications.push([random.id(), id, kind, comment.authorId, comment.updateId, comment.id, createdAt]);
      }
    }
  }
  await insertRows(client, "User", ["id", "email", "name", "role", "updatedAt"], users);
  await insertRows(client, "EmailPreference", ["userId", "kind", "frequency", "updatedAt"], preferences);
  const count = await insertRows(
    client,
    "Notification",
    ["id", "userId", "kind", "actorId", "updateId", "commentId", "createdAt"],
    notifications,
  );
  // As autovacuum would have done by the time a digest runs (outside a transaction).
  await client.query(`VACUUM (ANALYZE) "User", "EmailPreference", "Notification", "EmailMessage"`);
  return count;
}

/**
 * Measures the digest on a throwaway copy of the database at `databaseUrl`
 * (which nobody may be connected to). `secret` signs the unsubscribe links
 * (any value will do in the copy).
 */
export async function measureDigest({
  databaseUrl,
  secret = process.env.NEXTAUTH_SECRET ?? "bench-digest-secret-only-for-a-throwaway-database",
  say,
}: {
  databaseUrl: string;
  secret?: string;
  say: (line: string) => void;
}): Promise<DigestMeasurement> {
  const source = decodeURIComponent(new URL(databaseUrl).pathname.slice(1)) || "postgres";
  const copy = `${source}_digest_bench`.slice(0, 63);
  const copyUrl = withDatabase(databaseUrl, copy);
  const admin = new pg.Client({ connectionString: withDatabase(databaseUrl, "postgres") });
  const started = performance.now();
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(copy)} WITH (FORCE)`);
    say(`Digest: wegwerpdatabase ${copy} als kopie van ${source}…`);
    try {
      await admin.query(`CREATE DATABASE ${quoteIdent(copy)} TEMPLATE ${quoteIdent(source)}`);
    } catch (error) {
      const { code, message } = error as { code?: string; message: string };
      if (code === "55006")
        throw new Error(`de benchdatabase ${source} is in gebruik (draait er een server op?); stop die eerst: ${message}`);
      if (code === "42501") throw new Error(`geen recht om een database te maken (CREATEDB nodig): ${message}`);
      throw error;
    }
    const now = new Date();
    const client = new pg.Client({ connectionString: copyUrl });
    await client.connect();
    let notifications: number;
    try {
      // No transaction needed: the whole database is thrown away afterwards.
      notifications = await addReaders(client, now);
    } finally {
      await client.end().catch(() => {});
    }
    const setupMs = performance.now() - started;
    say(
      `Digest: ${DIGEST_PEOPLE} lezers met elk ${DIGEST_NOTIFICATIONS_PER_PERSON} meldingen (DAILY) klaargezet in ${(setupMs / 1000).toFixed(1)} s; runDigest loopt…`,
    );

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: copyUrl,
      NEXTAUTH_SECRET: secret,
      APP_URL: process.env.APP_URL ?? "http://localhost:3000",
    };
    delete env.SMTP_URL;
    const child = spawnSync(process.execPath, ["--import", "tsx", "scripts/bench/digest-run.ts", now.toISOString()], {
      cwd: ROOT,
      env,
      encoding: "utf8",
      timeout: 10 * 60_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    if (child.status !== 0)
      throw new Error(`runDigest mislukte: ${(child.stderr || child.error?.message || "").trim().split("\n").slice(-3).join(" ")}`);
    const run = JSON.parse(child.stdout) as DigestRun;

    const check = new pg.Client({ connectionString: copyUrl });
    await check.connect();
    let leftOver: number;
    try {
      leftOver = (
        await check.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM "Notification" n JOIN "User" u ON u.id = n."userId" WHERE u.email LIKE '%@digest.bench.example.nl' AND n."emailId" IS NULL`,
        )
      ).rows[0]!.n;
    } finally {
      await check.end().catch(() => {});
    }
    const totalMs = run.composeMs + run.deliverMs;
    return {
      database: copy,
      people: DIGEST_PEOPLE,
      notifications,
      setupMs,
      composeMs: run.composeMs,
      deliverMs: run.deliverMs,
      totalMs,
      emails: run.result.emails,
      notificationsEmailed: run.result.notifications,
      outbox: run.delivery.outbox,
      leftOver,
      met: totalMs < DIGEST_TARGET_MS && leftOver === 0 && run.result.emails >= DIGEST_PEOPLE,
    };
  } finally {
    await admin
      .query(`DROP DATABASE IF EXISTS ${quoteIdent(copy)} WITH (FORCE)`)
      .catch((error: Error) => say(`Digest: de wegwerpdatabase ${copy} weggooien mislukte: ${error.message}`));
    await admin.end().catch(() => {});
  }
}

/** One line for the report. */
export function describeDigest(measurement: DigestMeasurement): string {
  const s = (ms: number) => (ms < 1_000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`);
  return (
    `Dagoverzicht (runDigest) voor ${measurement.people} personen × ${measurement.notifications / measurement.people} meldingen: ` +
    `${s(measurement.totalMs)} (samenstellen ${s(measurement.composeMs)}, bezorgen in de outbox ${s(measurement.deliverMs)}); ` +
    `${measurement.emails} e-mails met ${measurement.notificationsEmailed} meldingen, ${measurement.outbox} in de outbox` +
    `${measurement.leftOver ? `, ${measurement.leftOver} meldingen ZONDER e-mail` : ""} — doel < ${DIGEST_TARGET_MS / 1000} s: ${measurement.met ? "ja" : "NEE"}`
  );
}
