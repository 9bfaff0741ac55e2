import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { findActionId } from "../scripts/loadtest/server-action";
import { signInCookie } from "../scripts/loadtest/sign-in";
import { postCommentOverHttp, type PostAttempt } from "./support/commenter";
import { seedDiscussionWorld } from "./support/discussion-world";
import { danglingForeignKeys, incompleteComments, wrongCommentCounts, type Query } from "./support/durability-checks";
import { alive, answers, postmasterPid, serverPid, sqlIn, startLauncher, stopLauncher, waitFor } from "./support/launcher";

// Crash durability under a write load: people comment through the real
// endpoint (the comment form's server action over HTTP) while the server and
// its PostgreSQL are killed with SIGKILL, as in a power cut. After `npm start`'s
// own command brings it back, every acknowledged comment is there exactly once,
// nothing half-written remains, and a retry with the form's clientKey posts once.
// A Playwright spec because Playwright's web server has built the app already;
// this launcher reuses that build on its own port and DATA_DIR.

const root = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.E2E_PORT ?? 3100) + 9;
const baseUrl = `http://localhost:${port}`;
const COMMENTERS = 24;
/** The crash comes once this many comments are acknowledged (or after CRASH_AFTER_MS). */
const CRASH_AFTER_ACKNOWLEDGED = 100;
const CRASH_AFTER_MS = 30_000;
const POSTS_PER_PERSON_MAX = 40;

test("every acknowledged comment survives a SIGKILL of server and PostgreSQL mid-load, exactly once", async () => {
  test.setTimeout(240_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), "koppelkans-durability-"));
  const sql: Query = (text, params = []) => sqlIn(dataDir, text, params);
  let launcher = startLauncher({ dataDir, port });
  try {
    await waitFor(() => answers(port), "the first start", launcher);
    const { databaseUrl } = JSON.parse(readFileSync(path.join(dataDir, "runtime.json"), "utf8")) as { databaseUrl: string };
    const world = await seedDiscussionWorld(databaseUrl, { members: COMMENTERS });
    const actionId = findActionId(root, "lib/comments/actions.ts", "postCommentAction");
    const cookies = await Promise.all(world.members.map((member) => signInCookie(baseUrl, member.email, world.password)));

    // --- The load: everyone posts in a loop; every third post answers someone else's comment ------------
    const attempts: PostAttempt[] = [];
    let pending = 0;
    let crashed = false;
    const acknowledged = () => attempts.filter((attempt) => attempt.outcome === "acknowledged");
    const post = async (attempt: PostAttempt, cookie: string) =>
      Object.assign(attempt, await postCommentOverHttp({ baseUrl, actionId, cookie, updateId: world.updateId, ...attempt }));

    async function comment(index: number) {
      const author = world.members[index]!;
      for (let n = 1; !crashed && n <= POSTS_PER_PERSON_MAX; n++) {
        const others = acknowledged().filter((earlier) => earlier.parentId === null && earlier.authorId !== author.id);
        const parentId = n % 3 === 2 && others.length ? others[(index * 7 + n) % others.length]!.commentId : null;
        const attempt: PostAttempt = {
          clientKey: randomUUID(),
          authorId: author.id,
          body: `Reactie ${n} van deelnemer ${index + 1}`,
          parentId,
          outcome: "lost",
          commentId: null,
        };
        attempts.push(attempt);
        pending += 1;
        await post(attempt, cookies[index]!);
        pending -= 1;
        if (attempt.outcome === "refused") throw new Error(`A comment was refused before the crash: ${attempt.detail}`);
      }
    }
    const load = Promise.all(world.members.map((_, index) => comment(index)));
    const loadStarted = Date.now();
    await waitFor(
      () => acknowledged().length >= CRASH_AFTER_ACKNOWLEDGED || Date.now() - loadStarted > CRASH_AFTER_MS,
      "comments before the crash",
      launcher,
      60_000,
    );

    // --- The crash: server, PostgreSQL and launcher at once ------------------------------------------
    const server = serverPid(launcher.child.pid!);
    const postmaster = postmasterPid(dataDir);
    expect(server, "the launcher runs scripts/server.ts").not.toBeNull();
    const inFlight = pending;
    process.kill(server!, "SIGKILL");
    process.kill(postmaster, "SIGKILL");
    launcher.child.kill("SIGKILL");
    crashed = true;
    const crashedAt = performance.now();
    await load;
    expect(inFlight, "the crash came mid-load").toBeGreaterThan(0);
    await waitFor(
      async () => !alive(server!) && !alive(postmaster) && launcher.exited() && !(await answers(port)),
      "everything to be gone",
    );

    // --- Back with the normal start command ---------------------------------------------------------
    const restartedAt = performance.now();
    launcher = startLauncher({ dataDir, port });
    await waitFor(() => answers(port), "the start after the crash", launcher);
    const backMs = performance.now() - restartedAt;

    const rows = await sql<{ id: string; clientKey: string }>(`SELECT id, "clientKey" FROM "Comment" WHERE "updateId" = $1`, [
      world.updateId,
    ]);
    const byKey = new Map(rows.map((row) => [row.clientKey, row.id]));
    const sentKeys = new Set(attempts.map((attempt) => attempt.clientKey));
    const acked = acknowledged();
    const lost = acked.filter((attempt) => byKey.get(attempt.clientKey) !== attempt.commentId);
    const duplicated = await sql<{ clientKey: string }>(
      `SELECT "clientKey" FROM "Comment" WHERE "updateId" = $1 GROUP BY "clientKey" HAVING count(*) > 1`,
      [world.updateId],
    );
    const unasked = rows.filter((row) => !sentKeys.has(row.clientKey));
    const unacknowledged = attempts.filter((attempt) => attempt.outcome !== "acknowledged");
    const committedUnacknowledged = unacknowledged.filter((attempt) => byKey.has(attempt.clientKey)).length;

    console.log(
      `[durability] ${COMMENTERS} commenters, ${attempts.length} posts sent (${attempts.filter((attempt) => attempt.parentId).length} replies); ` +
        `${acked.length} acknowledged, lost ${lost.length}, duplicated ${duplicated.length}; ` +
        `${inFlight} in flight at the SIGKILL (${committedUnacknowledged} of the unacknowledged had committed, the rest left nothing); ` +
        `back in ${(backMs / 1000).toFixed(1)} s after the start command (${((performance.now() - crashedAt) / 1000).toFixed(1)} s after the crash)`,
    );
    expect(acked.length, "comments were acknowledged before the crash").toBeGreaterThanOrEqual(COMMENTERS);
    expect(
      lost.map((attempt) => attempt.clientKey),
      "no acknowledged comment is lost",
    ).toEqual([]);
    expect(duplicated, "no comment is there twice").toEqual([]);
    expect(unasked, "no comment nobody sent").toEqual([]);
    expect(await incompleteComments(sql, { updateId: world.updateId, updateAuthorId: world.author.id }), "no comment half-written").toEqual(
      [],
    );
    expect(await danglingForeignKeys(sql), "no row points at nothing").toEqual([]);
    expect(await wrongCommentCounts(sql), "every update counts the comments it shows").toEqual([]);

    // --- A retry with the same clientKey posts once: the lost answers are sent again, and a few acknowledged ones --
    for (const attempt of [...unacknowledged, ...acked.slice(0, 5)]) {
      const index = world.members.findIndex((member) => member.id === attempt.authorId);
      const earlier = byKey.get(attempt.clientKey) ?? null;
      const retry = await postCommentOverHttp({ baseUrl, actionId, cookie: cookies[index]!, updateId: world.updateId, ...attempt });
      expect(retry.outcome, `the retry of ${attempt.clientKey} is acknowledged (${retry.detail ?? ""})`).toBe("acknowledged");
      if (earlier) expect(retry.commentId, "a retry answers the comment that was written").toBe(earlier);
    }
    const [after] = await sql<{ comments: number; keys: number; counted: number }>(
      `SELECT count(*)::int AS comments, count(DISTINCT "clientKey")::int AS keys, (SELECT "commentCount" FROM "Update" WHERE id = $1) AS counted
         FROM "Comment" WHERE "updateId" = $1`,
      [world.updateId],
    );
    expect(after).toEqual({ comments: attempts.length, keys: attempts.length, counted: attempts.length });
    expect(await incompleteComments(sql, { updateId: world.updateId, updateAuthorId: world.author.id })).toEqual([]);
    expect(await wrongCommentCounts(sql)).toEqual([]);
  } finally {
    await stopLauncher(launcher);
    rmSync(dataDir, { recursive: true, force: true });
  }
});
