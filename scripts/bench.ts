/**
 * `npm run bench [-- --runs=50]`: server time of the updates table (default
 * view, a filter, a search, a search with a filter) and of an experiment page
 * on the bench data (`npm run bench:data`), next to the time the database
 * alone needs for the same SQL, the server's memory after the load, and the
 * query plans (flagging sequential scans over "Update").
 *
 * It starts the production server with the launcher (building first when
 * needed) on a free loopback port, or measures BENCH_URL when given (then the
 * database comes from DATABASE_URL or DATA_DIR/runtime.json). DATA_DIR
 * defaults to ./data/bench. A report: it exits 0 when targets are missed,
 * 1 when it cannot measure.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { availableParallelism, loadavg } from "node:os";
import path from "node:path";
import pg from "pg";
import { openDatabase } from "../lib/postgres/runtime";
import type { CapturedQuery } from "./bench/capture-sql";
import { BENCH_DATA_DIR } from "./bench/config";
import { BENCH_PASSWORD, readBenchMarker, type BenchMarker } from "./bench/generate";
import { BenchClient } from "./bench/http";
import { describePlan, explain, seqScansOn, type PlanNode } from "./bench/plans";
import { backendCpuMs, isAlive, readRuntime, serverMemory, serverProcesses, startServer, treeCpuMs, type ServerMemory, type StartedServer } from "./bench/server";
import { ms, summarize, type Summary } from "./bench/stats";
import { updatesTableQueries, type PgQuery } from "./bench/table-sql";

const ROOT = path.resolve(import.meta.dirname, "..");
const say = (line = "") => console.log(line ? `[bench] ${line}` : "");
const dataDir = path.resolve(process.env.DATA_DIR ?? BENCH_DATA_DIR);
const runsFlag = process.argv.find((arg) => arg.startsWith("--runs="));
const RUNS = Math.min(500, Math.max(5, Number.parseInt(runsFlag?.slice("--runs=".length) ?? "50", 10) || 50));
const WARMUP = 5;
/** Targets for the updates table (issue): p95 under 100 ms and at most 3× the bare query's p95. */
const TARGET_P95_MS = 100;
const TARGET_RATIO = 3;
const TARGET_RSS_BYTES = 500 * 1024 * 1024;

type Scenario = {
  name: string;
  path: string;
  /** Whether the updates-table targets apply. */
  targets: boolean;
  /** The SQL behind the page, run bare (in order, on one connection). */
  bare: () => Promise<PgQuery[]>;
  /** Whether to EXPLAIN its SQL and check for sequential scans over "Update". */
  explain: boolean;
};

type Result = {
  scenario: string;
  path: string;
  status: "measured" | "skipped" | "failed";
  note?: string;
  http?: Summary;
  bare?: Summary;
  ratio?: number;
  /** CPU ms per request: the Next.js server, PostgreSQL (all backends), and PostgreSQL for the bare SQL. */
  cpu?: { next: number | null; postgres: number | null; bare: number | null };
  met?: boolean | null;
  missed?: string[];
};

function fail(message: string): never {
  console.error(`[bench] ${message}`);
  process.exit(1);
}

const noBenchData = () => fail("Deze database heeft geen benchgegevens. Maak ze eerst: npm run bench:data");

/** Wall times of `runs` runs of `queries` (one after the other), after 3 to warm up; and the backend's CPU ms per run when visible. */
async function timeQueries(client: pg.Client, backendPid: number, queries: PgQuery[], runs: number): Promise<{ samples: number[]; cpu: number | null }> {
  const samples: number[] = [];
  let cpuBefore: number | null = null;
  for (let i = 0; i < 3 + runs; i++) {
    if (i === 3) cpuBefore = await backendCpuMs(backendPid);
    const started = performance.now();
    for (const query of queries) await client.query(query.text, query.values);
    if (i >= 3) samples.push(performance.now() - started);
  }
  const cpuAfter = await backendCpuMs(backendPid);
  return { samples, cpu: cpuBefore !== null && cpuAfter !== null ? (cpuAfter - cpuBefore) / runs : null };
}

/** CPU ms used per request between two readings, or null when unknown. */
const perRequest = (before: number | null, after: number | null, runs: number) => (before !== null && after !== null ? (after - before) / runs : null);

/** The SQL the app sends for an experiment page, captured by running its query function (see bench/capture-sql.ts). */
function captureExperimentSql(databaseUrl: string, slug: string): PgQuery[] {
  const result = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/bench/capture-sql.ts", "experiment", slug], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
    timeout: 60_000,
  });
  if (result.status !== 0) throw new Error(`De SQL van de experimentpagina vastleggen mislukte: ${result.stderr.trim().split("\n").slice(-3).join(" ")}`);
  const { queries } = JSON.parse(result.stdout) as { found: boolean; queries: CapturedQuery[] };
  return queries;
}

const pad = (text: string, width: number) => (text.length >= width ? text : text + " ".repeat(width - text.length));
const padLeft = (text: string, width: number) => (text.length >= width ? text : " ".repeat(width - text.length) + text);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const load = () => loadavg().map((value) => value.toFixed(2)).join(" ");

// --- The database, and whether it holds bench data --------------------------------

const benchUrl = process.env.BENCH_URL;
let server: StartedServer | null = null;
let databaseUrl: string;
let launcherPid: number | null = null;

say(`Machine: ${availableParallelism()} kernen, belasting (1/5/15 min) ${load()} — bij andere belasting zijn de cijfers ruis.`);
if (benchUrl) {
  const runtime = await readRuntime(dataDir);
  databaseUrl = process.env.DATABASE_URL ?? runtime?.databaseUrl ?? fail(`BENCH_URL is gezet: geef ook DATABASE_URL, of start de server met DATA_DIR=${path.relative(process.cwd(), dataDir)} (runtime.json).`);
  if (runtime && runtime.appUrl && new URL(runtime.appUrl).port === new URL(benchUrl).port && isAlive(runtime.pid)) launcherPid = runtime.pid;
  say(`Meet ${benchUrl}.`);
} else {
  const running = await readRuntime(dataDir);
  if (running && isAlive(running.pid)) {
    fail(`Er draait al een server op ${path.relative(process.cwd(), dataDir)} (pid ${running.pid}). Stop die, of meet hem: BENCH_URL=${running.appUrl} npm run bench`);
  }
  if (!process.env.DATABASE_URL && !existsSync(path.join(dataDir, "postgres", "PG_VERSION"))) noBenchData();
  const database = await openDatabase({ dataDir }).catch((error: Error) => fail(error.message));
  const check = new pg.Client({ connectionString: database.url });
  let marker: BenchMarker | null = null;
  try {
    await check.connect();
    marker = await readBenchMarker(check);
  } finally {
    await check.end().catch(() => {});
    await database.close();
  }
  if (!marker) noBenchData();
  say("De productieserver start (bouwt eerst als de code veranderde; dat kan minuten duren)…");
  const started = performance.now();
  server = await startServer({ dataDir, say }).catch((error: Error) => fail(error.message));
  say(`Server klaar op ${server.url} na ${((performance.now() - started) / 1000).toFixed(0)} s (log: ${path.relative(process.cwd(), server.logFile)}).`);
  databaseUrl = server.runtime.databaseUrl;
  launcherPid = server.launcherPid;
}

const stopServer = async () => {
  if (server) {
    const stopping = server;
    server = null;
    say("De server stopt…");
    await stopping.stop();
  }
};
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void stopServer().finally(() => process.exit(130)));
}

// --- Measuring ----------------------------------------------------------------------

const client = new pg.Client({ connectionString: databaseUrl });
let exitCode = 0;
try {
  await client.connect();
  const marker = (await readBenchMarker(client)) ?? noBenchData();
  const baseUrl = benchUrl ?? server!.url;
  const backendPid = (await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid;
  const processes = launcherPid ? await serverProcesses(launcherPid) : { next: null, postmaster: null };
  const http = new BenchClient(baseUrl);
  const email = process.env.BENCH_EMAIL ?? marker.signInEmail;
  await http.signIn(email, process.env.BENCH_PASSWORD ?? BENCH_PASSWORD);
  say(`Ingelogd als ${email}.`);

  // Filter values: the first two opgaven, the municipality and the experiment with the most published updates.
  const opgaven = (await client.query<{ slug: string }>(`SELECT slug FROM "Opgave" WHERE "archivedAt" IS NULL ORDER BY "sortOrder", slug LIMIT 2`)).rows.map((row) => row.slug);
  const busiest = async (table: "Municipality" | "Experiment") =>
    (
      await client.query<{ slug: string; updates: number }>(`
        SELECT x.slug, count(*)::int AS updates
          FROM "Update" u JOIN "Experiment" e ON e.id = u."experimentId" JOIN "Municipality" m ON m.id = e."municipalityId"
          JOIN "${table}" x ON x.id = ${table === "Municipality" ? "m.id" : "e.id"}
         WHERE u.status = 'PUBLISHED' GROUP BY x.slug ORDER BY 2 DESC, 1 LIMIT 1`)
    ).rows[0]!;
  const municipality = await busiest("Municipality");
  const experiment = await busiest("Experiment");
  const table = (query: string) => async () => {
    const { page, count } = await updatesTableQueries(client, query);
    return [page, count];
  };
  const filterQuery = `opgave=${opgaven[0]}&opgave=${opgaven[1]}&opgaveMode=all&municipality=${municipality.slug}`;
  const scenarios: Scenario[] = [
    { name: "updates: standaard", path: "/updates", targets: true, bare: table(""), explain: true },
    { name: "updates: filter", path: `/updates?${filterQuery}`, targets: true, bare: table(filterQuery), explain: true },
    { name: "updates: zoeken", path: "/updates?q=warmtepompen", targets: true, bare: table("q=warmtepompen"), explain: true },
    { name: "updates: zoeken + filter", path: `/updates?q=warmtepompen&opgave=${opgaven[0]}`, targets: true, bare: table(`q=warmtepompen&opgave=${opgaven[0]}`), explain: true },
    { name: `experiment (${experiment.updates} updates)`, path: `/experimenten/${experiment.slug}`, targets: false, bare: async () => captureExperimentSql(databaseUrl, experiment.slug), explain: false },
  ];

  const memoryBefore: ServerMemory | null = launcherPid ? await serverMemory(launcherPid) : null;
  say(`${RUNS} verzoeken per scenario na ${WARMUP} om op te warmen, na elkaar; de kale SQL ${RUNS}× via pg.`);
  const results: Result[] = [];
  for (const scenario of scenarios) {
    const result: Result = { scenario: scenario.name, path: scenario.path, status: "measured" };
    results.push(result);
    const first = await http.get(scenario.path);
    if (first.status === 404) {
      Object.assign(result, { status: "skipped", note: "404: de pagina bestaat (nog) niet" });
      say(`${scenario.name}: overgeslagen (404).`);
      continue;
    }
    if (first.status !== 200) {
      Object.assign(result, { status: "failed", note: `status ${first.status}${first.location ? ` → ${first.location}` : ""}` });
      say(`${scenario.name}: MISLUKT (${result.note}).`);
      continue;
    }
    for (let i = 1; i < WARMUP; i++) await http.get(scenario.path);
    const samples: number[] = [];
    const [nextBefore, postgresBefore] = [await treeCpuMs(processes.next), await treeCpuMs(processes.postmaster)];
    for (let i = 0; i < RUNS; i++) {
      const response = await http.get(scenario.path);
      if (response.status !== 200) throw new Error(`${scenario.path}: status ${response.status} tijdens het meten.`);
      samples.push(response.ms);
    }
    const [nextAfter, postgresAfter] = [await treeCpuMs(processes.next), await treeCpuMs(processes.postmaster)];
    result.http = summarize(samples);
    const cpu = { next: perRequest(nextBefore, nextAfter, RUNS), postgres: perRequest(postgresBefore, postgresAfter, RUNS), bare: null as number | null };
    result.cpu = cpu;
    try {
      const bare = await timeQueries(client, backendPid, await scenario.bare(), RUNS);
      result.bare = summarize(bare.samples);
      cpu.bare = bare.cpu;
    } catch (error) {
      // The page was measured; only its bare SQL is missing (e.g. the query function changed shape).
      result.note = `kale SQL niet gemeten: ${(error as Error).message}`;
      say(`${scenario.name}: ${result.note}`);
    }
    result.ratio = result.bare ? result.http.p95 / result.bare.p95 : Number.NaN;
    if (scenario.targets) {
      result.missed = [];
      if (result.http.p95 >= TARGET_P95_MS) result.missed.push(`p95 ${ms(result.http.p95)} ms ≥ ${TARGET_P95_MS} ms`);
      if (!result.bare) result.missed.push("verhouding onbekend: kale SQL niet gemeten");
      else if (result.ratio > TARGET_RATIO) result.missed.push(`p95 is ${result.ratio.toFixed(1)}× de kale query (doel ≤ ${TARGET_RATIO}×)`);
      result.met = result.missed.length === 0;
    } else {
      result.met = null;
    }
    say(`${scenario.name}: p50 ${ms(result.http.p50)} ms, p95 ${ms(result.http.p95)} ms (${first.bytes} bytes HTML).`);
  }
  const memory: ServerMemory | null = launcherPid ? await serverMemory(launcherPid) : null;

  // --- Query plans -------------------------------------------------------------------
  const plans: { scenario: string; query: string; plan: PlanNode; seqScans: number }[] = [];
  for (const scenario of scenarios.filter((s) => s.explain)) {
    const [page, count] = await scenario.bare();
    for (const [query, sql] of [["pagina", page!], ["telling", count!]] as const) {
      const plan = await explain(client, sql);
      plans.push({ scenario: scenario.name, query, plan, seqScans: seqScansOn(plan, "Update").length });
    }
  }

  // --- Report ------------------------------------------------------------------------
  const widths = [30, 8, 8, 9, 9, 10, 0];
  const row = (cells: string[]) => cells.map((cell, i) => (i === 0 || i === cells.length - 1 ? pad(cell, widths[i]!) : padLeft(cell, widths[i]!))).join("  ");
  say();
  console.log(`Servertijd (wandtijd van het HTTP-verzoek op loopback) en kale SQL (dezelfde SQL via pg), in ms; n = ${RUNS}.`);
  console.log(row(["scenario", "p50", "p95", "kaal p50", "kaal p95", "p95/kaal", "doel gehaald?"]));
  for (const result of results) {
    if (result.status !== "measured") {
      console.log(row([result.scenario, "—", "—", "—", "—", "—", result.status === "skipped" ? `overgeslagen (${result.note})` : `MISLUKT (${result.note})`]));
      continue;
    }
    const verdict = result.met === null ? "— (geen doel)" : result.met ? "ja" : `NEE: ${result.missed!.join("; ")}`;
    console.log(row([result.scenario, ms(result.http!.p50), ms(result.http!.p95), ms(result.bare?.p50 ?? Number.NaN), ms(result.bare?.p95 ?? Number.NaN), Number.isFinite(result.ratio) ? `${result.ratio!.toFixed(1)}×` : "—", verdict]));
  }
  console.log(`Doelen updatestabel: p95 < ${TARGET_P95_MS} ms en p95 ≤ ${TARGET_RATIO}× de kale p95. Kaal = de pagina- en de telquery van de tabel na elkaar (zonder de opzoekingen van opgave-ids en de stopwoordcontrole) / alle SQL van getExperimentPage na elkaar.`);
  const measured = results.filter((result) => result.status === "measured" && result.cpu);
  if (measured.some((result) => result.cpu!.next !== null || result.cpu!.bare !== null)) {
    say();
    console.log("CPU-tijd per verzoek in ms (user+system uit /proc, gemiddeld; wachten op de CPU telt niet mee, dus minder gevoelig voor andere belasting; resolutie 10 ms per meting):");
    console.log(row(["scenario", "Next.js", "Postgres", "samen", "kaal PG", "samen/kaal", ""]));
    const cell = (value: number | null) => (value === null ? "—" : ms(value));
    for (const result of measured) {
      const { next, postgres, bare } = result.cpu!;
      const total = next !== null && postgres !== null ? next + postgres : null;
      console.log(row([result.scenario, cell(next), cell(postgres), cell(total), cell(bare), total !== null && bare ? `${(total / bare).toFixed(1)}×` : "—", ""]));
    }
  }
  say();
  if (memory) {
    const memoryMet = memory.rss < TARGET_RSS_BYTES;
    console.log(
      `Geheugen van de Next.js-server na de belasting (pid ${memory.pid}${memory.processes > 1 ? ` + ${memory.processes - 1} subprocessen` : ""}): VmRSS ${mb(memory.rss)}${memory.peak ? `, piek (VmHWM) ${mb(memory.peak)}` : ""}${memoryBefore ? `; vóór de belasting ${mb(memoryBefore.rss)}` : ""} — doel < 500 MB: ${memoryMet ? "ja" : "NEE"}`,
    );
  } else {
    console.log("Geheugen van de server: onbekend (geen /proc, of de serverprocessen zijn niet gevonden; met BENCH_URL alleen via DATA_DIR/runtime.json).");
  }
  say();
  console.log('Queryplannen (EXPLAIN, FORMAT JSON; hieronder compact). Een "Seq Scan" over "Update" is een fout:');
  for (const entry of plans) {
    console.log(`\n${entry.scenario} — ${entry.query}${entry.seqScans ? `   <-- SEQ SCAN OVER "Update" (${entry.seqScans}×)` : ""}`);
    console.log(describePlan(entry.plan).replace(/^/gm, "  "));
  }
  const seqPlans = plans.filter((entry) => entry.seqScans > 0);
  say();
  console.log(`Load average na afloop: ${load()}.`);
  const missed = [
    ...results.filter((result) => result.met === false).map((result) => `${result.scenario}: ${result.missed!.join("; ")}`),
    ...results.filter((result) => result.status === "failed").map((result) => `${result.scenario}: ${result.note}`),
    ...(memory && memory.rss >= TARGET_RSS_BYTES ? [`geheugen ${mb(memory.rss)} ≥ 500 MB`] : []),
    ...seqPlans.map((entry) => `${entry.scenario} (${entry.query}): Seq Scan over "Update"`),
  ];
  if (missed.length) {
    console.log(`GEMIST (${missed.length}):`);
    for (const line of missed) console.log(`  - ${line}`);
  } else {
    console.log("Alle doelen gehaald.");
  }
  const reportFile = path.join(dataDir, "bench-report.json");
  await writeFile(reportFile, JSON.stringify({ at: new Date().toISOString(), loadavg: loadavg(), cores: availableParallelism(), runs: RUNS, results, memoryBefore, memory, plans, missed }, null, 2));
  say(`Volledig verslag met de plannen als JSON: ${path.relative(process.cwd(), reportFile)}`);
} catch (error) {
  console.error(`[bench] ${(error as Error).message}`);
  exitCode = 1;
} finally {
  await client.end().catch(() => {});
  await stopServer();
}
process.exit(exitCode);
