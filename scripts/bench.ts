/**
 * `npm run bench [-- --runs=50] [-- --no-digest]`: server time of the updates
 * table (default view, a filter, a search, a search with a filter), of an
 * experiment page and of the busy update's page (300 comments, 50 "nuttig"
 * marks) on the bench data (`npm run bench:data`), next to the time the
 * database alone needs for the same SQL, the server's memory after the load,
 * the query plans (flagging sequential scans over "Update", and over
 * "Comment" for the update page), and then, with the server stopped, the
 * daily digest for 1,000 people × 50 notifications on a throwaway copy of
 * the database (bench/digest.ts; also alone: `npm run bench:digest`).
 *
 * It starts the production server with the launcher (building first when
 * needed) on a free loopback port, or measures BENCH_URL when given (then the
 * database comes from DATABASE_URL or DATA_DIR/runtime.json). DATA_DIR
 * defaults to ./data/bench; the digest is then skipped (the copy needs the
 * database without connections). A report: it exits 0 when targets are
 * missed, 1 when it cannot measure.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { availableParallelism, loadavg } from "node:os";
import path from "node:path";
import pg from "pg";
import { defaultReportPeriod } from "../lib/analytics/report-period";
import { openDatabase } from "../lib/postgres/runtime";
import { activityQuery, matrixQueries } from "./bench/analytics-sql";
import type { CapturedQuery } from "./bench/capture-sql";
import { BENCH_DATA_DIR } from "./bench/config";
import { describeDigest, measureDigest, type DigestMeasurement } from "./bench/digest";
import { BENCH_PASSWORD, benchMarkerProblem, readBenchMarker, type BenchMarker } from "./bench/generate";
import { BenchClient } from "./bench/http";
import { describePlan, explain, seqScansOn, type PlanNode } from "./bench/plans";
import { heaviestRelatedUpdate, relatedUpdatesQuery, similarExperimentsQuery } from "./bench/related-sql";
import { reportQueries } from "./bench/report-sql";
import {
  backendCpuMs,
  isAlive,
  readRuntime,
  serverMemory,
  serverProcesses,
  startServer,
  treeCpuMs,
  type ServerMemory,
  type StartedServer,
} from "./bench/server";
import { ms, summarize, type Summary } from "./bench/stats";
import { updatesTableQueries, type PgQuery } from "./bench/table-sql";

const ROOT = path.resolve(import.meta.dirname, "..");
const say = (line = "") => console.log(line ? `[bench] ${line}` : "");
const dataDir = path.resolve(process.env.DATA_DIR ?? BENCH_DATA_DIR);
const runsFlag = process.argv.find((arg) => arg.startsWith("--runs="));
const RUNS = Math.min(500, Math.max(5, Number.parseInt(runsFlag?.slice("--runs=".length) ?? "50", 10) || 50));
const WARMUP = 5;
const withDigest = !process.argv.includes("--no-digest");
const TARGET_RSS_BYTES = 500 * 1024 * 1024;

/** A scenario's targets; each one given applies. */
type Targets = {
  /** The server's p95 must stay under this many ms. */
  p95Ms?: number;
  /** The server's p95 may be at most this many times the bare SQL's p95. */
  ratio?: number;
  /** The bare SQL's p95 must stay under this many ms (a block of a page, which does more besides). */
  bareP95Ms?: number;
};
/** "Elders ook" on an update page (issue 8): its SQL under 50 ms, on its most expensive update (heaviestRelatedUpdate). */
const RELATED_TARGETS: Targets = { bareP95Ms: 50 };
/** The updates table (issue): p95 under 100 ms and at most 3× the bare query's p95. */
const TABLE_TARGETS: Targets = { p95Ms: 100, ratio: 3 };
/** The busy update's page (issue): p95 under 100 ms; no ratio (its bare SQL is a dozen small queries, the page renders 300 comments). */
const BUSY_UPDATE_TARGETS: Targets = { p95Ms: 100 };
/** The programme report for a year (issue 8): under 2 s. */
const REPORT_TARGETS: Targets = { p95Ms: 2000 };
/** The koppelkansen matrix over all time (issue 8): p95 under 150 ms. */
const MATRIX_TARGETS: Targets = { p95Ms: 150 };

const describeTargets = (targets: Targets) =>
  [
    targets.p95Ms !== undefined ? `p95 < ${targets.p95Ms} ms` : "",
    targets.ratio !== undefined ? `p95 ≤ ${targets.ratio}× kaal` : "",
    targets.bareP95Ms !== undefined ? `kaal p95 < ${targets.bareP95Ms} ms` : "",
  ]
    .filter(Boolean)
    .join(", ");

type Scenario = {
  name: string;
  path: string;
  /** The targets that apply to this scenario, or null (measured, no target). */
  targets: Targets | null;
  /** The SQL behind the page, run bare (in order, on one connection). */
  bare: () => Promise<PgQuery[]>;
  /**
   * Which SQL to EXPLAIN: "table" (the table's page and count query; a Seq
   * Scan over "Update" is an error), "captured" (every captured query; a Seq
   * Scan over "Update" or "Comment" is an error), "analytics" (every query of
   * `bare`; a Seq Scan over "Update" or "Comment" is an error), or null.
   */
  explain: "table" | "captured" | "analytics" | null;
  /** Who opens the page, when not the bench's project leader (a staff page needs staff). */
  as?: string;
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

const NO_BENCH_DATA = "Deze database heeft geen benchgegevens. Maak ze eerst: npm run bench:data";
const noBenchData = () => fail(NO_BENCH_DATA);
/** The marker, if its data serves this bench; otherwise an error that says what to do. */
function usableMarker(marker: BenchMarker | null): BenchMarker {
  if (!marker) throw new Error(NO_BENCH_DATA);
  const problem = benchMarkerProblem(marker);
  if (problem) throw new Error(problem);
  return marker;
}

/** Wall times of `runs` runs of `queries` (one after the other), after 3 to warm up; and the backend's CPU ms per run when visible. */
async function timeQueries(
  client: pg.Client,
  backendPid: number,
  queries: PgQuery[],
  runs: number,
): Promise<{ samples: number[]; cpu: number | null }> {
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
const perRequest = (before: number | null, after: number | null, runs: number) =>
  before !== null && after !== null ? (after - before) / runs : null;

/** The SQL the app sends for a page, captured by running its query functions (see bench/capture-sql.ts). */
function captureSql(databaseUrl: string, page: "experiment" | "update", args: string[]): PgQuery[] {
  const result = spawnSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "scripts/bench/capture-sql.ts", page, ...args],
    {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      encoding: "utf8",
      timeout: 60_000,
    },
  );
  const label = page === "experiment" ? "de experimentpagina" : "de updatepagina";
  if (result.status !== 0)
    throw new Error(`De SQL van ${label} vastleggen mislukte: ${result.stderr.trim().split("\n").slice(-3).join(" ")}`);
  const { found, queries } = JSON.parse(result.stdout) as { found: boolean; queries: CapturedQuery[] };
  if (!found) throw new Error(`De SQL van ${label} vastleggen: de pagina vond niets (${args[0]}).`);
  return queries;
}

const pad = (text: string, width: number) => (text.length >= width ? text : text + " ".repeat(width - text.length));
const padLeft = (text: string, width: number) => (text.length >= width ? text : " ".repeat(width - text.length) + text);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(" ");

// --- The database, and whether it holds bench data --------------------------------

const benchUrl = process.env.BENCH_URL;
let server: StartedServer | null = null;
let databaseUrl: string;
let launcherPid: number | null = null;

say(`Machine: ${availableParallelism()} kernen, belasting (1/5/15 min) ${load()} — bij andere belasting zijn de cijfers ruis.`);
if (benchUrl) {
  const runtime = await readRuntime(dataDir);
  databaseUrl =
    process.env.DATABASE_URL ??
    runtime?.databaseUrl ??
    fail(
      `BENCH_URL is gezet: geef ook DATABASE_URL, of start de server met DATA_DIR=${path.relative(process.cwd(), dataDir)} (runtime.json).`,
    );
  if (runtime && runtime.appUrl && new URL(runtime.appUrl).port === new URL(benchUrl).port && isAlive(runtime.pid))
    launcherPid = runtime.pid;
  say(`Meet ${benchUrl}.`);
} else {
  const running = await readRuntime(dataDir);
  if (running && isAlive(running.pid)) {
    fail(
      `Er draait al een server op ${path.relative(process.cwd(), dataDir)} (pid ${running.pid}). Stop die, of meet hem: BENCH_URL=${running.appUrl} npm run bench`,
    );
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
  try {
    usableMarker(marker);
  } catch (error) {
    fail((error as Error).message);
  }
  say("De productieserver start (bouwt eerst als de code veranderde; dat kan minuten duren)…");
  const started = performance.now();
  server = await startServer({ dataDir, say }).catch((error: Error) => fail(error.message));
  say(
    `Server klaar op ${server.url} na ${((performance.now() - started) / 1000).toFixed(0)} s (log: ${path.relative(process.cwd(), server.logFile)}).`,
  );
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
  const marker = usableMarker(await readBenchMarker(client));
  const baseUrl = benchUrl ?? server!.url;
  const backendPid = (await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid;
  const processes = launcherPid ? await serverProcesses(launcherPid) : { next: null, postmaster: null };
  const http = new BenchClient(baseUrl);
  const email = process.env.BENCH_EMAIL ?? marker.signInEmail;
  await http.signIn(email, process.env.BENCH_PASSWORD ?? BENCH_PASSWORD);
  say(`Ingelogd als ${email}.`);
  // Staff pages (the programme report) open as the demo coordinator, whom the bench data keeps.
  const staffClients = new Map<string, BenchClient>();
  const clientFor = async (scenario: Scenario) => {
    if (!scenario.as) return http;
    let staff = staffClients.get(scenario.as);
    if (!staff) {
      staff = new BenchClient(baseUrl);
      await staff.signIn(scenario.as, process.env.BENCH_PASSWORD ?? BENCH_PASSWORD);
      staffClients.set(scenario.as, staff);
    }
    return staff;
  };

  // Filter values: the first two opgaven, the municipality and the experiment with the most published updates.
  const opgaven = (
    await client.query<{ slug: string }>(`SELECT slug FROM "Opgave" WHERE "archivedAt" IS NULL ORDER BY "sortOrder", slug LIMIT 2`)
  ).rows.map((row) => row.slug);
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
  // The busy update (bench:data's last step), as the bench data has it.
  const busyId = marker.busyUpdateId!;
  const busy = (
    await client.query<{ commentCount: number; visible: number; gone: number; onUpdate: number; onComments: number }>(
      `SELECT u."commentCount",
              (SELECT count(*) FROM "Comment" c WHERE c."updateId" = u.id AND c."deletedAt" IS NULL AND c."hiddenAt" IS NULL)::int AS visible,
              (SELECT count(*) FROM "Comment" c WHERE c."updateId" = u.id AND (c."deletedAt" IS NOT NULL OR c."hiddenAt" IS NOT NULL))::int AS gone,
              (SELECT count(*) FROM "Appreciation" a WHERE a."updateId" = u.id)::int AS "onUpdate",
              (SELECT count(*) FROM "Appreciation" a JOIN "Comment" c ON c.id = a."commentId" WHERE c."updateId" = u.id)::int AS "onComments"
         FROM "Update" u WHERE u.id = $1 AND u.status = 'PUBLISHED'`,
      [busyId],
    )
  ).rows[0];
  // (Thrown, not fail(): the finally below stops the server.)
  if (!busy)
    throw new Error(
      `De drukke update ${busyId} staat niet (meer) gepubliceerd in de database. Maak de benchgegevens opnieuw: npm run bench:data -- --force`,
    );
  if (busy.commentCount !== busy.visible)
    say(`Let op: de drukke update heeft commentCount ${busy.commentCount} maar ${busy.visible} zichtbare reacties.`);
  say(
    `Drukke update ${busyId}: ${busy.visible} zichtbare reacties (en ${busy.gone} verwijderd), ${busy.onUpdate}× nuttig op de update en ${busy.onComments}× op reacties.`,
  );
  // The report's year: the twelve months up to the newest published update of the bench data.
  const newest = await client.query<{ at: string }>(
    `SELECT to_char(max("publishedAt"), 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS at FROM "Update" WHERE status = 'PUBLISHED'`,
  );
  const reportYear = defaultReportPeriod(new Date(newest.rows[0]!.at));
  // "Elders ook" on its most expensive update: the most candidates tied at the top score, each ranked by text.
  const related = await heaviestRelatedUpdate(client);
  if (!related) throw new Error("De benchgegevens hebben geen gepubliceerde update met opgaven of thema's.");
  const relatedExperiment = (
    await client.query<{ id: string; slug: string }>(
      `SELECT e.id, e.slug FROM "Experiment" e JOIN "Update" u ON u."experimentId" = e.id WHERE u.id = $1`,
      [related.id],
    )
  ).rows[0]!;
  const scenarios: Scenario[] = [
    { name: "updates: standaard", path: "/updates", targets: TABLE_TARGETS, bare: table(""), explain: "table" },
    { name: "updates: filter", path: `/updates?${filterQuery}`, targets: TABLE_TARGETS, bare: table(filterQuery), explain: "table" },
    { name: "updates: zoeken", path: "/updates?q=warmtepompen", targets: TABLE_TARGETS, bare: table("q=warmtepompen"), explain: "table" },
    {
      name: "updates: zoeken + filter",
      path: `/updates?q=warmtepompen&opgave=${opgaven[0]}`,
      targets: TABLE_TARGETS,
      bare: table(`q=warmtepompen&opgave=${opgaven[0]}`),
      explain: "table",
    },
    {
      name: `experiment (${experiment.updates} updates)`,
      path: `/experimenten/${experiment.slug}`,
      targets: null,
      bare: async () => captureSql(databaseUrl, "experiment", [experiment.slug]),
      explain: null,
    },
    {
      name: `update (${busy.visible} reacties, ${busy.onUpdate + busy.onComments}× nuttig)`,
      path: `/updates/${busyId}`,
      targets: BUSY_UPDATE_TARGETS,
      bare: async () => captureSql(databaseUrl, "update", [busyId, email]),
      explain: "captured",
    },
    {
      name: "koppelkansen: matrix alle tijd",
      path: "/koppelkansen",
      targets: MATRIX_TARGETS,
      bare: async () => Object.values(matrixQueries()),
      explain: "analytics",
    },
    {
      name: "koppelkansen: opgave × thema",
      path: "/koppelkansen?view=themes",
      targets: MATRIX_TARGETS,
      bare: async () => Object.values(matrixQueries({ view: "themes" })),
      explain: "analytics",
    },
    { name: "start (activiteit)", path: "/", targets: null, bare: async () => [activityQuery()], explain: "analytics" },
    {
      name: "rapportage: een jaar",
      path: `/beheer/rapportage?from=${reportYear.from}&to=${reportYear.to}`,
      targets: REPORT_TARGETS,
      bare: async () => reportQueries(reportYear),
      explain: "analytics",
      as: "coordinator@example.nl",
    },
    {
      name: "update: elders ook",
      path: `/updates/${related.id}`,
      targets: RELATED_TARGETS,
      bare: async () => [relatedUpdatesQuery(related.id)],
      explain: "analytics",
    },
    {
      name: "experiment: vergelijkbare elders",
      path: `/experimenten/${relatedExperiment.slug}`,
      targets: null,
      bare: async () => [similarExperimentsQuery(relatedExperiment.id)],
      explain: "analytics",
    },
  ];

  const memoryBefore: ServerMemory | null = launcherPid ? await serverMemory(launcherPid) : null;
  say(`${RUNS} verzoeken per scenario na ${WARMUP} om op te warmen, na elkaar; de kale SQL ${RUNS}× via pg.`);
  const results: Result[] = [];
  for (const scenario of scenarios) {
    const result: Result = { scenario: scenario.name, path: scenario.path, status: "measured" };
    results.push(result);
    const web = await clientFor(scenario);
    const first = await web.get(scenario.path);
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
    for (let i = 1; i < WARMUP; i++) await web.get(scenario.path);
    const samples: number[] = [];
    const [nextBefore, postgresBefore] = [await treeCpuMs(processes.next), await treeCpuMs(processes.postmaster)];
    for (let i = 0; i < RUNS; i++) {
      const response = await web.get(scenario.path);
      if (response.status !== 200) throw new Error(`${scenario.path}: status ${response.status} tijdens het meten.`);
      samples.push(response.ms);
    }
    const [nextAfter, postgresAfter] = [await treeCpuMs(processes.next), await treeCpuMs(processes.postmaster)];
    result.http = summarize(samples);
    const cpu = {
      next: perRequest(nextBefore, nextAfter, RUNS),
      postgres: perRequest(postgresBefore, postgresAfter, RUNS),
      bare: null as number | null,
    };
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
      const { p95Ms, ratio } = scenario.targets;
      result.missed = [];
      if (p95Ms !== undefined && result.http.p95 >= p95Ms) result.missed.push(`p95 ${ms(result.http.p95)} ms ≥ ${p95Ms} ms`);
      if (ratio !== undefined) {
        if (!result.bare) result.missed.push("verhouding onbekend: kale SQL niet gemeten");
        else if (result.ratio > ratio) result.missed.push(`p95 is ${result.ratio.toFixed(1)}× de kale query (doel ≤ ${ratio}×)`);
      }
      if (scenario.targets.bareP95Ms !== undefined) {
        if (!result.bare) result.missed.push("kale SQL niet gemeten");
        else if (result.bare.p95 >= scenario.targets.bareP95Ms)
          result.missed.push(`kaal p95 ${ms(result.bare.p95)} ms ≥ ${scenario.targets.bareP95Ms} ms`);
      }
      result.met = result.missed.length === 0;
    } else {
      result.met = null;
    }
    say(`${scenario.name}: p50 ${ms(result.http.p50)} ms, p95 ${ms(result.http.p95)} ms (${first.bytes} bytes HTML).`);
  }
  const memory: ServerMemory | null = launcherPid ? await serverMemory(launcherPid) : null;

  // --- Query plans -------------------------------------------------------------------
  type Plan = { scenario: string; query: string; sql?: string; plan: PlanNode; seqScans: number; seqScanOn: string[] };
  const plans: Plan[] = [];
  const planOf = async (scenario: string, query: string, sql: PgQuery, relations: string[], withText = false): Promise<Plan> => {
    const plan = await explain(client, sql);
    const seqScanOn = relations.filter((relation) => seqScansOn(plan, relation).length > 0);
    const seqScans = relations.reduce((sum, relation) => sum + seqScansOn(plan, relation).length, 0);
    return { scenario, query, ...(withText ? { sql: sql.text } : {}), plan, seqScans, seqScanOn };
  };
  for (const scenario of scenarios) {
    if (scenario.explain === "table") {
      const [page, count] = await scenario.bare();
      for (const [query, sql] of [
        ["pagina", page!],
        ["telling", count!],
      ] as const)
        plans.push(await planOf(scenario.name, query, sql, ["Update"]));
    } else if (scenario.explain === "analytics") {
      for (const [index, sql] of (await scenario.bare()).entries())
        plans.push(await planOf(scenario.name, `query ${index + 1}`, sql, ["Update", "Comment"]));
    } else if (scenario.explain === "captured") {
      const result = results.find((r) => r.scenario === scenario.name);
      if (result?.status !== "measured") continue;
      try {
        const queries = await scenario.bare();
        for (const [index, sql] of queries.entries()) {
          const table =
            /^\s*SELECT[\s\S]*?\bFROM\s+"public"\."(\w+)"/i.exec(sql.text)?.[1] ?? /\bFROM\s+"(\w+)"/i.exec(sql.text)?.[1] ?? "?";
          plans.push(await planOf(scenario.name, `query ${index + 1}/${queries.length} (${table})`, sql, ["Update", "Comment"], true));
        }
      } catch (error) {
        say(`${scenario.name}: queryplannen niet gemaakt: ${(error as Error).message}`);
      }
    }
  }

  // --- Report ------------------------------------------------------------------------
  const widths = [34, 8, 8, 9, 9, 10, 0];
  const row = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 || i === cells.length - 1 ? pad(cell, widths[i]!) : padLeft(cell, widths[i]!))).join("  ");
  say();
  console.log(`Servertijd (wandtijd van het HTTP-verzoek op loopback) en kale SQL (dezelfde SQL via pg), in ms; n = ${RUNS}.`);
  console.log(row(["scenario", "p50", "p95", "kaal p50", "kaal p95", "p95/kaal", "doel → gehaald?"]));
  for (const result of results) {
    if (result.status !== "measured") {
      console.log(
        row([
          result.scenario,
          "—",
          "—",
          "—",
          "—",
          "—",
          result.status === "skipped" ? `overgeslagen (${result.note})` : `MISLUKT (${result.note})`,
        ]),
      );
      continue;
    }
    const targets = scenarios.find((scenario) => scenario.name === result.scenario)?.targets;
    const verdict =
      result.met === null || !targets
        ? "— (geen doel)"
        : `${describeTargets(targets)} → ${result.met ? "ja" : `NEE: ${result.missed!.join("; ")}`}`;
    console.log(
      row([
        result.scenario,
        ms(result.http!.p50),
        ms(result.http!.p95),
        ms(result.bare?.p50 ?? Number.NaN),
        ms(result.bare?.p95 ?? Number.NaN),
        Number.isFinite(result.ratio) ? `${result.ratio!.toFixed(1)}×` : "—",
        verdict,
      ]),
    );
  }
  console.log(
    `Doelen: updatestabel ${describeTargets(TABLE_TARGETS)}; drukke update ${describeTargets(BUSY_UPDATE_TARGETS)} (alleen de absolute grens). ` +
      "Kaal = de pagina- en de telquery van de tabel na elkaar (zonder de opzoekingen van opgave-ids en de stopwoordcontrole) / alle SQL van getExperimentPage na elkaar / " +
      "alle SQL van de updatepagina na elkaar (getUpdateForReader, newCommentCounts, volgen, getUpdateAppreciation, laatste bezoek, getCommentsForUpdate; zonder de sessie), terwijl de server een deel tegelijk stuurt.",
  );
  const measured = results.filter((result) => result.status === "measured" && result.cpu);
  if (measured.some((result) => result.cpu!.next !== null || result.cpu!.bare !== null)) {
    say();
    console.log(
      "CPU-tijd per verzoek in ms (user+system uit /proc, gemiddeld; wachten op de CPU telt niet mee, dus minder gevoelig voor andere belasting; resolutie 10 ms per meting):",
    );
    console.log(row(["scenario", "Next.js", "Postgres", "samen", "kaal PG", "samen/kaal", ""]));
    const cell = (value: number | null) => (value === null ? "—" : ms(value));
    for (const result of measured) {
      const { next, postgres, bare } = result.cpu!;
      const total = next !== null && postgres !== null ? next + postgres : null;
      console.log(
        row([
          result.scenario,
          cell(next),
          cell(postgres),
          cell(total),
          cell(bare),
          total !== null && bare ? `${(total / bare).toFixed(1)}×` : "—",
          "",
        ]),
      );
    }
  }
  say();
  if (memory) {
    const memoryMet = memory.rss < TARGET_RSS_BYTES;
    console.log(
      `Geheugen van de Next.js-server na de belasting (pid ${memory.pid}${memory.processes > 1 ? ` + ${memory.processes - 1} subprocessen` : ""}): VmRSS ${mb(memory.rss)}${memory.peak ? `, piek (VmHWM) ${mb(memory.peak)}` : ""}${memoryBefore ? `; vóór de belasting ${mb(memoryBefore.rss)}` : ""} — doel < 500 MB: ${memoryMet ? "ja" : "NEE"}`,
    );
  } else {
    console.log(
      "Geheugen van de server: onbekend (geen /proc, of de serverprocessen zijn niet gevonden; met BENCH_URL alleen via DATA_DIR/runtime.json).",
    );
  }
  say();
  console.log(
    'Queryplannen (EXPLAIN, FORMAT JSON; hieronder compact). Een "Seq Scan" over "Update" (en bij de updatepagina over "Comment") is een fout:',
  );
  const capturedScenarios = new Set(scenarios.filter((scenario) => scenario.explain === "captured").map((scenario) => scenario.name));
  for (const entry of plans) {
    // The update page's dozen plans: only the ones with a sequential scan in full (all of them are in the JSON report).
    if (capturedScenarios.has(entry.scenario) && !entry.seqScans) continue;
    console.log(
      `\n${entry.scenario} — ${entry.query}${entry.seqScans ? `   <-- SEQ SCAN OVER ${entry.seqScanOn.map((name) => `"${name}"`).join(" en ")} (${entry.seqScans}×)` : ""}`,
    );
    console.log(describePlan(entry.plan).replace(/^/gm, "  "));
  }
  for (const name of capturedScenarios) {
    const own = plans.filter((entry) => entry.scenario === name);
    if (own.length)
      console.log(
        `\n${name}: ${own.length} queries geplant, ${own.filter((entry) => entry.seqScans).length} met een Seq Scan over "Update" of "Comment".`,
      );
  }
  const seqPlans = plans.filter((entry) => entry.seqScans > 0);
  say();
  console.log(`Load average na de HTTP-metingen: ${load()}.`);

  // --- The digest, on a throwaway copy, with the server stopped ------------------------
  let digest: DigestMeasurement | null = null;
  let digestNote: string | null = null;
  if (!withDigest) {
    digestNote = "overgeslagen (--no-digest)";
  } else if (benchUrl) {
    digestNote =
      "overgeslagen met BENCH_URL (de kopie van de database kan niet terwijl die server verbonden is); stop hem en draai npm run bench:digest";
  } else {
    await client.end().catch(() => {});
    await stopServer();
    say();
    say("Digest: de server is gestopt; de benchdatabase wordt gekopieerd.");
    const database = await openDatabase({ dataDir }).catch((error: Error) => error);
    if (database instanceof Error) {
      digestNote = `MISLUKT: ${database.message}`;
    } else {
      try {
        digest = await measureDigest({ databaseUrl: database.url, say: (line) => say(line) });
      } catch (error) {
        digestNote = `MISLUKT: ${(error as Error).message}`;
      } finally {
        await database.close().catch(() => {});
      }
    }
  }
  say();
  console.log(digest ? describeDigest(digest) : `Dagoverzicht (runDigest) voor 1000 personen × 50 meldingen: ${digestNote}`);

  say();
  console.log(`Load average na afloop: ${load()}.`);
  const missed = [
    ...results.filter((result) => result.met === false).map((result) => `${result.scenario}: ${result.missed!.join("; ")}`),
    ...results.filter((result) => result.status === "failed").map((result) => `${result.scenario}: ${result.note}`),
    ...(memory && memory.rss >= TARGET_RSS_BYTES ? [`geheugen ${mb(memory.rss)} ≥ 500 MB`] : []),
    ...seqPlans.map(
      (entry) => `${entry.scenario} (${entry.query}): Seq Scan over ${entry.seqScanOn.map((name) => `"${name}"`).join(" en ")}`,
    ),
    ...(digest && !digest.met ? [`digest: ${describeDigest(digest)}`] : []),
    ...(digestNote?.startsWith("MISLUKT") ? [`digest: ${digestNote}`] : []),
  ];
  if (missed.length) {
    console.log(`GEMIST (${missed.length}):`);
    for (const line of missed) console.log(`  - ${line}`);
  } else {
    console.log("Alle doelen gehaald.");
  }
  const reportFile = path.join(dataDir, "bench-report.json");
  await writeFile(
    reportFile,
    JSON.stringify(
      {
        at: new Date().toISOString(),
        loadavg: loadavg(),
        cores: availableParallelism(),
        runs: RUNS,
        results,
        memoryBefore,
        memory,
        plans,
        digest,
        digestNote,
        missed,
      },
      null,
      2,
    ),
  );
  say(`Volledig verslag met de plannen als JSON: ${path.relative(process.cwd(), reportFile)}`);
} catch (error) {
  console.error(`[bench] ${(error as Error).message}`);
  exitCode = 1;
} finally {
  await client.end().catch(() => {});
  await stopServer();
}
process.exit(exitCode);
