/**
 * `npm run loadtest [-- --people=1,8,32,64] [-- --visits=1]`: the
 * production server on the bench data (`npm run bench:data`) under N
 * signed-in people at once, each doing a realistic visit (the updates table,
 * filters, a search, paging, updates opened, a comment posted, a "nuttig"
 * mark; loadtest/mix.ts), driven by autocannon over loopback. Per route it
 * prints throughput, p50/p95/p99 and errors, next to two ceilings measured in
 * the same run at the same concurrency: the updates table's own SQL on
 * PostgreSQL alone, and the cheapest dynamic route of the same server
 * (GET /api/health). Targets are printed with ✓/✗ (loadtest/report.ts).
 *
 * It runs on a throwaway copy of the bench database (the writes do not stay)
 * with the launcher as `npm start` runs it (building first when needed).
 * DATA_DIR defaults to ./data/bench; DATABASE_URL names a server of your own
 * instead (it needs CREATEDB for the copy). A report: it exits 0 when targets
 * are missed, 1 when it cannot measure.
 */
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from "node:os";
import path from "node:path";
import pg from "pg";
import { openDatabase, type DatabaseHandle } from "../lib/postgres/runtime";
import { BENCH_DATA_DIR } from "./bench/config";
import { benchMarkerProblem, readBenchMarker } from "./bench/generate";
import { startServer, treeCpuMs, type StartedServer } from "./bench/server";
import { copyDatabase, type DatabaseCopy } from "./loadtest/database-copy";
import { combine, measureHttp, measureTableSql, type CpuClock } from "./loadtest/measure";
import { ROUTES, singleRequest, visitRequests, WRITE_ROUTES, type Actions } from "./loadtest/mix";
import { printLevel, printSummary, type Level } from "./loadtest/report";
import { findActionId } from "./loadtest/server-action";
import { readWorld, signInEveryone } from "./loadtest/world";

const ROOT = path.resolve(import.meta.dirname, "..");
const say = (line = "") => console.log(line ? `[loadtest] ${line}` : "");
const flag = (name: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const LEVELS = (flag("people") ?? "1,8,32,64")
  .split(",")
  .map((value) => Number.parseInt(value, 10))
  .filter((value) => Number.isInteger(value) && value >= 1 && value <= 200);
/** Visits per person in the mix (each is VISIT_STEPS requests), and at least MIX_MIN requests in all. */
const VISITS = Math.min(20, Math.max(1, Number.parseInt(flag("visits") ?? "1", 10) || 1));
const MIX_MIN = 120;
/** The table alone: 4 pages per person, at least 100; the ceiling: 40 per person, at least 2,000; the SQL: for 5 s. */
const TABLE_PER_PERSON = 4;
const TABLE_MIN = 100;
const CEILING_PER_PERSON = 40;
const CEILING_MIN = 2_000;
const SQL_SECONDS = 5;
const dataDir = path.resolve(process.env.DATA_DIR ?? BENCH_DATA_DIR);
const NO_BENCH_DATA = `Geen benchgegevens in ${dataDir}. Maak ze eerst: npm run bench:data`;

async function checkBenchData(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const marker = await readBenchMarker(client);
    if (!marker) throw new Error(NO_BENCH_DATA);
    const problem = benchMarkerProblem(marker);
    if (problem) throw new Error(problem);
  } finally {
    await client.end();
  }
}

type Clocks = { serving: CpuClock; postgres: CpuClock };

/** CPU clocks of the launcher's tree (the server) and of the embedded PostgreSQL (null for a server of your own). */
async function cpuClocks(server: StartedServer, database: DatabaseHandle): Promise<Clocks> {
  const pidFile = database.embedded ? path.join(database.embedded.dataDir, "postmaster.pid") : null;
  const postmaster = pidFile ? Number.parseInt((await readFile(pidFile, "utf8")).split("\n")[0]!, 10) : null;
  const postgres: CpuClock = () => treeCpuMs(postmaster);
  const serving: CpuClock = async () => {
    const [app, db] = await Promise.all([treeCpuMs(server.launcherPid), postgres()]);
    return app === null || db === null ? null : app + db;
  };
  return { serving, postgres };
}

async function measureLevel(
  server: StartedServer,
  copy: DatabaseCopy,
  clocks: Clocks,
  people: Awaited<ReturnType<typeof signInEveryone>>,
  world: Awaited<ReturnType<typeof readWorld>>,
  actions: Actions,
  connections: number,
): Promise<Level> {
  const common = { url: server.url, people: people.slice(0, connections), connections, cpu: clocks.serving };
  const visit = visitRequests(world, actions, server.url);
  const ceilingRun = await measureHttp({
    ...common,
    amount: Math.max(CEILING_MIN, CEILING_PER_PERSON * connections),
    requests: singleRequest(ROUTES.health, "/api/health"),
  });
  const tableRun = await measureHttp({
    ...common,
    amount: Math.max(TABLE_MIN, TABLE_PER_PERSON * connections),
    requests: singleRequest(ROUTES.table, "/updates"),
  });
  const sql = await measureTableSql({ databaseUrl: copy.url, urlQuery: "", connections, seconds: SQL_SECONDS, cpu: clocks.postgres });
  const mix = await measureHttp({ ...common, amount: Math.max(MIX_MIN, VISITS * visit.length * connections), requests: visit });
  return {
    people: connections,
    mix,
    reads: combine(mix, (route) => !WRITE_ROUTES.has(route), "lezen"),
    writes: combine(mix, (route) => WRITE_ROUTES.has(route), "schrijven"),
    table: combine(tableRun, () => true, ROUTES.table),
    sql,
    ceiling: combine(ceilingRun, () => true, ROUTES.health),
    tableSeconds: tableRun.seconds,
    ceilingSeconds: ceilingRun.seconds,
    cpu: { mix: mix.cpuMsPerRequest, table: tableRun.cpuMsPerRequest, sql: sql.cpuMsPerRequest, ceiling: ceilingRun.cpuMsPerRequest },
  };
}

async function main(): Promise<number> {
  if (LEVELS.length === 0) throw new Error("--people= wil aantallen tussen 1 en 200, bijvoorbeeld --people=1,8,32,64");
  const cpu = cpus()[0]?.model.trim() ?? "onbekende processor";
  say(
    `Machine: ${availableParallelism()} kernen (${cpu}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; belasting en server op dezelfde machine.`,
  );
  // Other work on the machine skews every figure: say how busy it was.
  say(`Systeembelasting vooraf (1 min): ${loadavg()[0]!.toFixed(2)}`);
  let database: DatabaseHandle | null = null;
  let copy: DatabaseCopy | null = null;
  let server: StartedServer | null = null;
  // Opening an empty DATA_DIR would make a new cluster there.
  if (!process.env.DATABASE_URL && !existsSync(path.join(dataDir, "postgres", "PG_VERSION"))) throw new Error(NO_BENCH_DATA);
  const serverDir = await mkdtemp(path.join(tmpdir(), "koppelkans-loadtest-"));
  try {
    database = await openDatabase({ dataDir, log: say });
    await checkBenchData(database.url);
    copy = await copyDatabase(database.url, "loadtest");
    say(`Wegwerpkopie ${copy.name} van de benchdatabase; de schrijfacties blijven daarin.`);

    // The launcher as `npm start` runs it on the embedded database: sign-in limits in memory, the scheduler on;
    // the per-person comment limit is lifted, since every simulated visit posts one.
    Object.assign(process.env, {
      DATABASE_URL: copy.url,
      RATE_LIMIT_STORE: "memory",
      KOPPELKANS_SCHEDULER: "1",
      COMMENT_RATE_LIMIT: "100000",
    });
    server = await startServer({ dataDir: serverDir, say });
    const actions: Actions = {
      postComment: findActionId(ROOT, "lib/comments/actions.ts", "postCommentAction"),
      toggleAppreciation: findActionId(ROOT, "lib/appreciation/actions.ts", "toggleAppreciationAction"),
    };
    const world = await readWorld(copy.url, { people: Math.max(...LEVELS) });
    const people = await signInEveryone(server.url, world.people);
    const clocks = await cpuClocks(server, database);
    say(
      `${people.length} projectleiders uit de benchgegevens ingelogd; ${world.updates.length} updates om te openen, op te reageren en te markeren.`,
    );

    const warmup = visitRequests(world, actions, server.url, 1);
    say(`Opwarmen (${warmup.length * 8} verzoeken van de mix)…`);
    await measureHttp({ url: server.url, people, connections: Math.min(8, people.length), amount: warmup.length * 8, requests: warmup });

    const levels: Level[] = [];
    for (const connections of LEVELS) {
      const level = await measureLevel(server, copy, clocks, people, world, actions, connections);
      printLevel(say, level);
      levels.push(level);
    }
    printSummary(say, levels);
    say(`Systeembelasting na afloop (1 min): ${loadavg()[0]!.toFixed(2)} (de meting zelf houdt ~2 kernen bezig)`);
    return 0;
  } finally {
    await server?.stop().catch(() => {});
    await copy?.drop().catch((error: Error) => say(`De wegwerpkopie weggooien mislukte: ${error.message}`));
    await database?.close().catch(() => {});
    await rm(serverDir, { recursive: true, force: true });
  }
}

try {
  process.exit(await main());
} catch (error) {
  console.error(`[loadtest] ${(error as Error).message}`);
  process.exit(1);
}
