import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, request, test, type APIRequestContext } from "@playwright/test";
import pg from "pg";
import { CACHE_CHANNEL, CACHE_TAGS } from "../lib/cache/tags";
import { callAction, signedInContext, stateForm, type Answer, type FormFields } from "./support/authorization-client";
import { builtActions } from "./support/authorization-manifest";
import { BUSY_EXPERIMENTS, seedCacheWorld, type CacheWorld } from "./support/cache-world";
import { createSharedDatabase, startInstance, stopInstance, type Instance } from "./support/instances";

// The shared read cache (lib/cache) on the production server with two
// workers: every write, handled by whichever worker, shows at once in every
// cached read on both (the home page's tag counts and experiments, /opgaven,
// the updates table's filter options). Each page is read on fresh
// connections, which the cluster hands to the workers in turn, and the server
// log's `worker` field proves both answered. A write straight into the
// database (no pipeline, no NOTIFY) stays unseen: proof the cache is on.

const READS = 4;

type Read = { status: number; body: string; requestId: string; location: string };
type OpgaveKey = keyof CacheWorld["opgaven"];
/** What every read should show: each opgave's count (null: merged away), where the new update is, the still theme's name. */
type Expected = { counts: Record<OpgaveKey, number | null>; update: { title: string; opgave: OpgaveKey } | null; stillName: string };

function get(origin: string, address: string, cookie: string): Promise<Read> {
  return new Promise((resolve, reject) => {
    // agent: false is a connection of its own, so the primary hands each request to the next worker.
    const call = http.get(new URL(address, origin), { agent: false, headers: { cookie } }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          body,
          requestId: String(response.headers["x-request-id"]),
          location: response.headers.location ?? "",
        }),
      );
    });
    call.on("error", reject);
  });
}

/** The HTML of the home page's section whose heading has `id`. */
function section(html: string, id: string): string {
  const start = html.indexOf(`id="${id}"`);
  expect(start, `section #${id}`).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf("</section>", start));
}

/** An opgave's count in the /opgaven table (its link, then the number cell of its row). */
function tableCount(html: string, slug: string): number | null {
  const match = new RegExp(`href="/opgaven/${slug}"[\\s\\S]*?tabular-nums">(\\d+)<`).exec(html);
  return match ? Number(match[1]) : null;
}

async function signedInCookie(baseURL: string, email: string, password: string): Promise<{ http: APIRequestContext; cookie: string }> {
  const context = await signedInContext(request, baseURL, email, password);
  const { cookies } = await context.storageState();
  return { http: context, cookie: cookies.map((entry) => `${entry.name}=${entry.value}`).join("; ") };
}

function actionId(key: string): string {
  const found = builtActions().find((entry) => entry.key === key);
  if (!found) throw new Error(`No built action ${key}`);
  return found.id;
}

function expectDone(answer: Answer, label: string) {
  expect(answer.thrown, label).toEqual([]);
  expect(answer.status, label).toBeLessThan(400);
  const value = answer.value as { ok?: boolean } | undefined;
  if (value && typeof value === "object" && "ok" in value) expect(value, label).toMatchObject({ ok: true });
}

test("every write shows at once in every cached read, on both workers", async () => {
  test.setTimeout(60_000);
  const [database, dataDir] = await Promise.all([createSharedDatabase(), mkdtemp(path.join(tmpdir(), "koppelkans-cache-"))]);
  let instance: Instance | null = null;
  try {
    const world = await seedCacheWorld(database.url);
    instance = await startInstance("cache", {
      DATABASE_URL: database.url,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      DATA_DIR: dataDir,
      WEB_CONCURRENCY: "2",
      KOPPELKANS_SCHEDULER: "0",
      LOG_LEVEL: "info",
    });
    const portal = instance;
    const signIn = (who: { email: string }) => signedInCookie(portal.url, who.email, world.password);
    const [leader, coordinator, admin] = await Promise.all([signIn(world.leader), signIn(world.coordinator), signIn(world.admin)]);
    const { one, three } = world.opgaven;

    /** The worker of each request id, from the server's request log lines. */
    const workersOf = async (ids: string[]) => {
      const find = () => {
        const byId = new Map(
          portal
            .lines()
            .filter((line) => line.msg === "request")
            .map((line) => [line.reqId, line.worker]),
        );
        return ids.map((id) => byId.get(id) as number | undefined);
      };
      await expect.poll(() => find().every((worker) => worker !== undefined)).toBe(true);
      return find() as number[];
    };

    /** Reads `address` READS times, on fresh connections; every read must pass `check`, and both workers must have answered. */
    const readEverywhere = async (address: string, check: (html: string, label: string) => void) => {
      const reads: Read[] = [];
      for (let i = 0; i < READS; i += 1) reads.push(await get(portal.url, address, leader.cookie));
      const workers = await workersOf(reads.map((read) => read.requestId));
      expect(new Set(workers), `workers that answered ${address}`).toEqual(new Set([1, 2]));
      reads.forEach((read, index) => {
        const label = `${address}, read ${index + 1} (worker ${workers[index]})`;
        // A server error names its cause from the log, where the test report would show only "500".
        const errors =
          read.status === 200
            ? ""
            : portal
                .lines()
                .filter((line) => line.level === "error")
                .map((line) => JSON.stringify(line))
                .join("\n");
        expect(read.status, `${label}${errors ? `\n${errors}` : ""}`).toBe(200);
        check(read.body, label);
      });
    };

    const expectEverywhere = async (expected: Expected) => {
      const listed = (key: OpgaveKey) => expected.counts[key];
      await readEverywhere("/", (html, label) => {
        const programme = section(html, "programme");
        for (const key of ["one", "two", "three"] as const) {
          const { name } = world.opgaven[key];
          if (listed(key) === null) expect(programme, `${label}: ${key} merged away`).not.toContain(name);
          else expect(programme, `${label}: count of ${key}`).toContain(`${name} (${listed(key)})`);
        }
        expect(programme, `${label}: the still theme`).toContain(`${expected.stillName} (0)`);
        const experiments = section(html, "experiments");
        // The quiet experiment is among the 12 most recently active only while its update is listed.
        if (expected.update) expect(experiments, `${label}: the quiet experiment`).toContain(world.quiet.title);
        else expect(experiments, `${label}: no quiet experiment`).not.toContain(world.quiet.title);
        expect(experiments, `${label}: the newest busy experiment`).toContain(world.busy[0]!.title);
      });
      await readEverywhere("/opgaven", (html, label) => {
        for (const key of ["one", "two", "three"] as const) {
          expect(tableCount(html, world.opgaven[key].slug), `${label}: count of ${key}`).toBe(listed(key));
        }
      });
      await readEverywhere("/updates", (html, label) => {
        // The filter options (cached) offer every opgave that exists; the rows (not cached) the listed updates.
        for (const key of ["one", "two", "three"] as const) {
          if (listed(key) === null) expect(html, `${label}: ${key} merged away`).not.toContain(world.opgaven[key].name);
          else expect(html, `${label}: ${key} offered`).toContain(world.opgaven[key].name);
        }
        expect(html, `${label}: the still theme offered`).toContain(expected.stillName);
        if (expected.update) expect(html, `${label}: the new update`).toContain(expected.update.title);
      });
      for (const key of ["one", "two"] as const) {
        await readEverywhere(`/opgaven/${world.opgaven[key].slug}`, (html, label) => {
          const carries = expected.update?.opgave === key;
          if (carries) expect(html, `${label}: the new update`).toContain(expected.update!.title);
          else if (expected.update) expect(html, `${label}: not the new update`).not.toContain(expected.update.title);
        });
      }
    };

    const act = async (who: { http: APIRequestContext }, page: string, key: string, fields: FormFields, label: string) => {
      const answer = await callAction(who.http, portal.url, page, actionId(key), stateForm(fields));
      expectDone(answer, label);
      return answer;
    };

    const title = `Nieuw in het stille experiment ${world.tag}`;
    const content = (opgave: OpgaveKey, intent: "save" | "publish") => ({
      experimentId: world.quiet.id,
      title,
      body: "Wat we deze maand deden.",
      phase: "UITVOERING",
      milestone: "",
      intent,
      opgaveIds: [world.opgaven[opgave].id],
      themeIds: [world.themes.busy.id],
    });
    let expected: Expected = {
      counts: { one: 0, two: 0, three: BUSY_EXPERIMENTS },
      update: null,
      stillName: world.themes.still.name,
    };
    let updateId = "";

    await test.step("both workers cache: a write past the pipeline stays unseen until its NOTIFY", async () => {
      await expectEverywhere(expected);
      const renamed = `Cachethema rustig ${world.tag}`;
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        await client.query(`UPDATE "Theme" SET name = $1 WHERE id = $2`, [renamed, world.themes.still.id]);
        await readEverywhere("/", (html, label) => expect(section(html, "programme"), `${label}: still cached`).not.toContain(renamed));
        await readEverywhere("/updates", (html, label) => expect(html, `${label}: still cached`).not.toContain(renamed));
        await client.query(`SELECT pg_notify($1, $2)`, [CACHE_CHANNEL, CACHE_TAGS.join(",")]);
      } finally {
        await client.end();
      }
      expected = { ...expected, stillName: renamed };
      await expectEverywhere(expected);
    });

    await test.step("a project leader publishes an update", async () => {
      const answer = await act(
        leader,
        "/updates/nieuw",
        "lib/updates/actions.ts#saveUpdateAction",
        { updateId: "", ...content("one", "publish") },
        "publish",
      );
      updateId = answer.location?.match(/^\/updates\/([^/?]+)/)?.[1] ?? "";
      expect(updateId, `publish answered ${answer.location}`).not.toBe("");
      expected = { ...expected, counts: { ...expected.counts, one: 1 }, update: { title, opgave: "one" } };
      await expectEverywhere(expected);
    });

    await test.step("she moves it to another opgave", async () => {
      await act(
        leader,
        `/updates/${updateId}/bewerken`,
        "lib/updates/actions.ts#saveUpdateAction",
        { updateId, ...content("two", "save") },
        "edit",
      );
      expected = { ...expected, counts: { ...expected.counts, one: 0, two: 1 }, update: { title, opgave: "two" } };
      await expectEverywhere(expected);
    });

    await test.step("she withdraws it, and publishes it again", async () => {
      await act(leader, `/updates/${updateId}`, "lib/updates/actions.ts#withdrawUpdateAction", { updateId }, "withdraw");
      await expectEverywhere({ ...expected, counts: { ...expected.counts, two: 0 }, update: null });
      await act(
        leader,
        `/updates/${updateId}/bewerken`,
        "lib/updates/actions.ts#saveUpdateAction",
        { updateId, ...content("two", "publish") },
        "republish",
      );
      await expectEverywhere(expected);
    });

    await test.step("a coordinator hides it", async () => {
      const fields = { targetType: "UPDATE", targetId: updateId, reason: "Voor de cachetest" };
      await act(coordinator, `/updates/${updateId}`, "lib/moderation/actions.ts#hideAction", fields, "hide");
      expected = { ...expected, counts: { ...expected.counts, two: 0 }, update: null };
      await expectEverywhere(expected);
    });

    await test.step("an admin merges an opgave into another", async () => {
      const fields = { kind: "opgave", sourceId: three.id, targetId: one.id, confirm: "on" };
      await act(admin, `/beheer/taxonomie/opgaven/${three.id}`, "lib/taxonomy/actions.ts#mergeTaxonomyAction", fields, "merge");
      expected = { ...expected, counts: { one: BUSY_EXPERIMENTS, two: 0, three: null } };
      await expectEverywhere(expected);
      // The old address leads to the opgave it was merged into.
      const moved = await get(portal.url, `/opgaven/${three.slug}`, leader.cookie);
      expect(moved.status).toBe(307);
      expect(moved.location).toContain(`/opgaven/${one.slug}`);
    });

    for (const who of [leader, coordinator, admin]) await who.http.dispose();
  } finally {
    if (instance) await stopInstance(instance);
    // Next's own error output (stack traces) is plain text beside the JSON lines: kept for a failed run.
    if (instance && test.info().status !== test.info().expectedStatus)
      await test.info().attach("server output", { body: instance.output() });
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
  }
});
