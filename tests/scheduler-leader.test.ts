import { Writable } from "node:stream";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { createLogger } from "@/lib/log/logger";
import { portalJobs } from "@/lib/notifications/scheduler";
import { LOCK_KEYS } from "@/lib/postgres/advisory-lock";
import { LeaderLock } from "@/lib/scheduler/leader-lock";
import { createScheduler, type Scheduler } from "@/lib/scheduler/scheduler";

// Two instances on one database each run the scheduler's timer; the leader
// lock makes exactly one of them do the work, and the other take over when
// the leader stops or dies.

const url = () => process.env.DATABASE_URL!;
const silent = createLogger({ format: "json", level: "silent" }, { write: () => {} });
const started: Scheduler[] = [];

function instance(name: string, runs: string[], options: { intervalMs?: number } = {}) {
  const scheduler = createScheduler({
    leadership: new LeaderLock(url(), LOCK_KEYS.scheduler),
    jobs: [{ name: "count", run: async () => void runs.push(name) }],
    intervalMs: options.intervalMs ?? 60_000,
    firstDelayMs: options.intervalMs ?? 60_000,
    logger: silent,
  });
  started.push(scheduler);
  return scheduler;
}

async function sql<T extends pg.QueryResultRow>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url() });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((scheduler) => scheduler.stop()));
});

describe("the scheduler on two instances sharing one database", () => {
  it("runs each tick on one instance only, always the same one", async () => {
    const runs: string[] = [];
    const [a, b] = [instance("a", runs), instance("b", runs)];
    for (let round = 0; round < 5; round++) {
      const outcomes = await Promise.all([a.tick(), b.tick()]);
      expect(outcomes.filter((outcome) => outcome === "ran")).toHaveLength(1);
      expect(outcomes.filter((outcome) => outcome === "follower")).toHaveLength(1);
    }
    expect(runs).toHaveLength(5);
    expect(new Set(runs).size).toBe(1);
  });

  it("with real timers, the work runs once per interval, not once per instance", async () => {
    const runs: string[] = [];
    const [a, b] = [instance("a", runs, { intervalMs: 100 }), instance("b", runs, { intervalMs: 100 })];
    const started = Date.now();
    a.start();
    b.start();
    await expect.poll(() => runs.length, { timeout: 10_000, interval: 50 }).toBeGreaterThanOrEqual(5);
    await Promise.all([a.stop(), b.stop()]);
    const intervals = (Date.now() - started) / 100;
    // Without the lock both instances would run at every interval: about twice as often.
    expect(runs.length).toBeLessThanOrEqual(Math.ceil(intervals) + 1);
    expect(new Set(runs).size).toBe(1);
  });

  it("hands over when the leader stops: the other instance runs at its next tick", async () => {
    const runs: string[] = [];
    const [a, b] = [instance("a", runs), instance("b", runs)];
    expect(await a.tick()).toBe("ran");
    expect(await b.tick()).toBe("follower");
    await a.stop();
    expect(await a.tick()).toBe("stopped");
    expect(await b.tick()).toBe("ran");
    expect(runs).toEqual(["a", "b"]);
  });

  it("hands over when the leader's connection dies (a crash): the other leads, the old leader follows", async () => {
    const runs: string[] = [];
    const [a, b] = [instance("a", runs), instance("b", runs)];
    expect(await a.tick()).toBe("ran");
    const holders = await sql<{ pid: number }>(
      `SELECT l.pid FROM pg_locks l
        WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
          AND l.objid::bigint = ($1::bigint & 4294967295) AND l.classid::bigint = ($1::bigint >> 32)`,
      [LOCK_KEYS.scheduler.toString()],
    );
    expect(holders).toHaveLength(1);
    await sql("SELECT pg_terminate_backend($1)", [holders[0]!.pid]);
    await new Promise((resolve) => setTimeout(resolve, 100));

    expect(await b.tick()).toBe("ran");
    expect(await a.tick()).toBe("follower");
    expect(runs).toEqual(["a", "b"]);
  });

  it("runs the portal's own jobs (digest, delivery, uploads, sessions, retention) and logs one line for the tick", async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
        done();
      },
    });
    const scheduler = createScheduler({
      leadership: new LeaderLock(url(), LOCK_KEYS.scheduler),
      jobs: portalJobs(),
      intervalMs: 60_000,
      firstDelayMs: 60_000,
      logger: createLogger({ format: "json", level: "info" }, sink),
    });
    started.push(scheduler);
    expect(await scheduler.tick()).toBe("ran");
    expect(lines.filter((line) => line.level === "error")).toEqual([]);
    const tick = lines.find((line) => line.msg === "Geplande taken uitgevoerd");
    expect(tick?.results).toMatchObject({
      digest: { people: 0, emails: 0 },
      delivery: { sent: 0, failed: 0, outbox: 0 },
      uploads: 0,
      sessions: 0,
      retention: { notifications: 0, emails: 0, signInAttempts: 0 },
    });
  });
});
