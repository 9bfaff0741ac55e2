import { afterEach, describe, expect, it } from "vitest";
import { startSchedulerHere } from "@/lib/cluster/scheduler-role";
import { isTakeOverScheduler, MAX_RESTART_MS, restartDelayMs, TAKE_OVER_SCHEDULER, workerCountFromEnv } from "@/lib/cluster/settings";
import { createLogger } from "@/lib/log/logger";
import { formatPretty } from "@/lib/log/pretty";

// The numbers of the multi-worker server and how a standby worker takes over the scheduled work.

describe("WEB_CONCURRENCY", () => {
  it("defaults to the cores, takes a whole number of 1 or more, and refuses the rest with a line naming it", () => {
    expect(workerCountFromEnv({}, 2)).toBe(2);
    expect(workerCountFromEnv({ WEB_CONCURRENCY: "" }, 4)).toBe(4);
    expect(workerCountFromEnv({}, 0)).toBe(1);
    expect(workerCountFromEnv({ WEB_CONCURRENCY: "1" }, 8)).toBe(1);
    expect(workerCountFromEnv({ WEB_CONCURRENCY: " 3 " }, 2)).toBe(3);
    for (const bad of ["0", "-2", "1.5", "twee", "2x"]) {
      expect(() => workerCountFromEnv({ WEB_CONCURRENCY: bad }, 2)).toThrow(/^WEB_CONCURRENCY=/);
    }
  });
});

describe("restarting a crashed worker", () => {
  it("waits 1 s, doubles while crashes come within a minute, stops at 30 s, and starts over after a quiet minute", () => {
    const now = 1_000_000;
    expect(restartDelayMs([now], now)).toBe(1_000);
    expect(restartDelayMs([now - 5_000, now], now)).toBe(2_000);
    expect(restartDelayMs([now - 9_000, now - 5_000, now], now)).toBe(4_000);
    const many = Array.from({ length: 12 }, (_, i) => now - i * 1_000);
    expect(restartDelayMs(many, now)).toBe(MAX_RESTART_MS);
    expect(restartDelayMs([now - 120_000, now - 90_000, now], now)).toBe(1_000);
  });
});

describe("the scheduler in one worker", () => {
  const listeners = process.listeners("message");
  afterEach(() => {
    for (const listener of process.listeners("message")) if (!listeners.includes(listener)) process.off("message", listener);
  });

  it("starts at once outside standby, and in standby only when the primary asks", () => {
    let started = 0;
    startSchedulerHere(() => (started += 1), {});
    expect(started).toBe(1);
    startSchedulerHere(() => (started += 1), { KOPPELKANS_SCHEDULER_STANDBY: "1" });
    expect(started).toBe(1);
    process.emit("message", { type: "something else" }, undefined);
    process.emit("message", "koppelkans:take-over-scheduler", undefined);
    expect(started).toBe(1);
    process.emit("message", { type: TAKE_OVER_SCHEDULER }, undefined);
    expect(started).toBe(2);
  });

  it("recognises only the take-over message", () => {
    expect(isTakeOverScheduler({ type: TAKE_OVER_SCHEDULER })).toBe(true);
    for (const other of [null, undefined, TAKE_OVER_SCHEDULER, { type: "x" }, 42]) expect(isTakeOverScheduler(other)).toBe(false);
  });
});

describe("log lines of a worker", () => {
  it("carry the worker number the primary gave it, and none outside a cluster", () => {
    const lines: string[] = [];
    const destination = { write: (line: string) => void lines.push(line) };
    process.env.KOPPELKANS_WORKER = "2";
    try {
      createLogger({ format: "json", level: "info" }, destination).info("een");
    } finally {
      delete process.env.KOPPELKANS_WORKER;
    }
    createLogger({ format: "json", level: "info" }, destination).info("twee");
    const [inWorker, alone] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(inWorker).toMatchObject({ msg: "een", worker: 2, pid: process.pid });
    expect(alone).not.toHaveProperty("worker");
  });

  it("name the worker at a terminal", () => {
    expect(formatPretty({ component: "scheduler", msg: "Geplande taken uitgevoerd", worker: 2 })).toBe(
      "[koppelkans w2 scheduler] Geplande taken uitgevoerd\n",
    );
    expect(formatPretty({ component: "server", msg: "De webserver is gestopt.", worker: 1 })).toBe(
      "[koppelkans w1] De webserver is gestopt.\n",
    );
    expect(formatPretty({ component: "server", msg: "De webserver is gestopt." })).toBe("[koppelkans] De webserver is gestopt.\n");
  });
});
