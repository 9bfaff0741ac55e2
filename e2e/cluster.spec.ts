import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { createSharedDatabase, startInstance, stopInstance, type Instance, type LogLine } from "./support/instances";
import { sleep } from "./support/launcher";

// The production server with two workers (WEB_CONCURRENCY=2, Node's cluster
// module): both answer on the one port, the scheduled work runs in one of
// them and moves to the other when that one dies, the dead one is started
// again, a worker past MAX_IN_FLIGHT sheds with 503, and SIGTERM drains both.

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** One request on a connection of its own, so the primary hands each to the next worker in turn. */
function get(url: string, requestPath: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.get(new URL(requestPath, url), { agent: false, headers }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on("error", reject);
  });
}

const workerOf = (line: LogLine) => line.worker as number | undefined;
const listening = (instance: Instance) =>
  instance.lines().filter((line) => line.component === "server" && String(line.msg).startsWith("De webserver luistert"));
const schedulerLines = (instance: Instance) => instance.lines().filter((line) => line.component === "scheduler");

test("two workers share the port, run the scheduler once, restart a dead worker, shed past MAX_IN_FLIGHT and drain on SIGTERM", async () => {
  test.setTimeout(90_000);
  const [database, dataDir] = await Promise.all([createSharedDatabase(), mkdtemp(path.join(tmpdir(), "koppelkans-cluster-"))]);
  let instance: Instance | null = null;
  try {
    instance = await startInstance("cluster", {
      DATABASE_URL: database.url,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      DATA_DIR: dataDir,
      WEB_CONCURRENCY: "2",
      MAX_IN_FLIGHT: "1",
      KOPPELKANS_TEST_DELAY: "1",
      KOPPELKANS_SCHEDULER_INTERVAL_S: "1",
      // At debug the passing health checks are logged too (the SIGTERM step reads them).
      LOG_LEVEL: "debug",
    });
    const portal = instance;
    await expect.poll(() => listening(portal).map(workerOf).sort()).toEqual([1, 2]);

    await test.step("both workers answer on the one port, and their log lines say which", async () => {
      for (let i = 0; i < 6; i += 1) expect((await get(portal.url, "/inloggen")).status).toBe(200);
      const requests = portal.lines().filter((line) => line.msg === "request" && line.path === "/inloggen");
      expect(new Set(requests.map(workerOf))).toEqual(new Set([1, 2]));
    });

    const leader = await test.step("the scheduled work runs in one worker only", async () => {
      await expect
        .poll(() => schedulerLines(portal).filter((line) => line.msg === "Geplande taken uitgevoerd").length)
        .toBeGreaterThanOrEqual(2);
      const workers = new Set(schedulerLines(portal).map(workerOf));
      expect(workers.size).toBe(1);
      return [...workers][0]!;
    });

    await test.step("a worker killed with SIGKILL is started again, and the other takes over the scheduled work", async () => {
      const pid = listening(portal).find((line) => workerOf(line) === leader)!.pid as number;
      process.kill(pid, "SIGKILL");
      const heir = leader === 1 ? 2 : 1;
      await expect
        .poll(() =>
          portal.lines().some((line) => line.component === "cluster" && String(line.msg).startsWith(`Werker ${leader} is gestopt`)),
        )
        .toBe(true);
      // The other worker keeps serving while the dead one comes back.
      expect((await get(portal.url, "/api/health")).status).toBe(200);
      await expect
        .poll(() => schedulerLines(portal).some((line) => workerOf(line) === heir && line.msg === "Geplande taken uitgevoerd"), {
          timeout: 20_000,
        })
        .toBe(true);
      await expect.poll(() => listening(portal).filter((line) => workerOf(line) === leader).length, { timeout: 30_000 }).toBe(2);
      // The new process in the dead worker's place stays on standby: the work moved on.
      const restarted = listening(portal)
        .filter((line) => workerOf(line) === leader)
        .at(-1)!.pid;
      await sleep(1_500);
      expect(schedulerLines(portal).filter((line) => line.pid === restarted)).toEqual([]);
    });

    await test.step("past MAX_IN_FLIGHT=1 a worker answers 503 with Retry-After and the Dutch page; the probes still answer", async () => {
      const slow = { "x-koppelkans-test-delay": "1500" };
      const answers = Promise.all([1, 2, 3, 4].map(() => get(portal.url, "/inloggen", slow)));
      await sleep(300);
      expect((await get(portal.url, "/api/health")).status).toBe(200);
      const statuses = await answers;
      const shed = statuses.filter((answer) => answer.status === 503);
      expect(shed.length).toBeGreaterThanOrEqual(1);
      expect(statuses.filter((answer) => answer.status === 200).length).toBeGreaterThanOrEqual(1);
      expect(shed[0]!.headers["retry-after"]).toBe("2");
      expect(shed[0]!.headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(shed[0]!.body).toContain("Koppelkans is even te druk");
      await expect.poll(() => portal.lines().filter((line) => line.msg === "request" && line.shed === true).length).toBe(shed.length);
    });

    await test.step("SIGTERM: a slow request on each worker still completes, both workers stop, the server exits 0", async () => {
      const slow = [
        get(portal.url, "/api/health?db=1", { "x-koppelkans-test-delay": "2000" }),
        get(portal.url, "/api/health?db=1", { "x-koppelkans-test-delay": "2000" }),
      ];
      await sleep(500);
      portal.child.kill("SIGTERM");
      const answers = await Promise.all(slow);
      expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
      expect(answers.map((answer) => JSON.parse(answer.body))).toEqual([
        { status: "ok", database: "ok" },
        { status: "ok", database: "ok" },
      ]);
      expect(await portal.exited).toBe(0);
      const stopped = portal.lines().filter((line) => line.msg === "De webserver is gestopt.");
      expect(stopped.map(workerOf).sort()).toEqual([1, 2]);
      expect(portal.lines().at(-1)).toMatchObject({ component: "cluster", msg: "Alle werkers zijn gestopt." });
      const slowLines = portal.lines().filter((line) => line.msg === "request" && line.path === "/api/health" && Number(line.ms) >= 2_000);
      expect(new Set(slowLines.map(workerOf))).toEqual(new Set([1, 2]));
    });
  } finally {
    if (instance) await stopInstance(instance);
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
  }
});
