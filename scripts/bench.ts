/**
 * `npm run bench [-- --runs=50] [-- --no-digest] [-- --no-concurrency]`: every
 * benched page (the updates table: default view, a filter, a search, a search
 * with a filter; home, a municipality, an experiment, the busy update with 300
 * comments and 50 "nuttig" marks, /meldingen, the koppelkansen matrix, the
 * report) on the bench data (`npm run bench:data`), one request at a time:
 * wall p50/p95, the server's CPU ms per request (from /proc: stable on a noisy
 * machine) and the page's HTML gzipped, next to *all* the SQL the page sent
 * (captured from the running server through SQL_CAPTURE_FILE, see lib/db.ts)
 * run bare through plain pg. Then a concurrency pass (1, 8, 32 connections)
 * for the table and the busy update: throughput as a share of the page's own
 * SQL under the same concurrency and of a trivial route; a 64-connection pass
 * for memory; the query plans of every captured statement (a Seq Scan over
 * "Update" or "Comment" is a miss); and, with the server stopped, the daily
 * digest for 1,000 people × 50 notifications on a throwaway copy of the
 * database (bench/digest.ts; also alone: `npm run bench:digest`).
 *
 * It starts the production server with the launcher (building first when
 * needed) on a free loopback port, or measures BENCH_URL when given (then the
 * database comes from DATABASE_URL or DATA_DIR/runtime.json; start that
 * server with SQL_CAPTURE_FILE and give the bench the same variable to replay
 * the pages' SQL). DATA_DIR defaults to ./data/bench; the digest is then
 * skipped (the copy needs the database without connections). It exits 0 when
 * every target is met, 2 when one is missed, 1 when it cannot measure.
 */
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { availableParallelism, loadavg } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import pg from "pg";
import { defaultReportPeriod } from "../lib/analytics/report-period";
import { openDatabase } from "../lib/postgres/runtime";
import { measureRoute, measureSql, type Throughput } from "./bench/concurrency";
import { BENCH_DATA_DIR } from "./bench/config";
import { describeDigest, measureDigest, type DigestMeasurement } from "./bench/digest";
import { BENCH_PASSWORD, benchMarkerProblem, readBenchMarker, type BenchMarker } from "./bench/generate";
import { BenchClient } from "./bench/http";
import { capturePageSql, stopCapture } from "./bench/page-sql";
import { describePlan, explain, seqScansOn, type PlanNode } from "./bench/plans";
import { heaviestRelatedUpdate, relatedUpdatesQuery, similarExperimentsQuery } from "./bench/related-sql";
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
import type { PgQuery } from "./bench/table-sql";

const say = (line = "") => console.log(line ? `[bench] ${line}` : "");
const dataDir = path.resolve(process.env.DATA_DIR ?? BENCH_DATA_DIR);
const runsFlag = process.argv.find((arg) => arg.startsWith("--runs="));
const RUNS = Math.min(500, Math.max(5, Number.parseInt(runsFlag?.slice("--runs=".length) ?? "50", 10) || 50));
const WARMUP = 5;
const withDigest = !process.argv.includes("--no-digest");
const withConcurrency = !process.argv.includes("--no-concurrency");
/** Each server process (a worker) under the 64-connection pass (issue 11). */
const TARGET_RSS_BYTES = 400 * 1024 * 1024;
/** Every page's HTML, gzipped (issue 11). */
const TARGET_HTML_GZIP_BYTES = 150 * 1024;
/** Seconds per concurrency level and measurement. */
const CONCURRENCY_SECONDS = 6;
const CONCURRENCY_LEVELS = [1, 8, 32] as const;

/** A scenario's targets; each one given applies. */
type Targets = {
  /** The server's p95 must stay under this many ms. */
  p95Ms?: number;
  /** The Next.js server's CPU per request must stay at or under this many ms (its SQL runs in PostgreSQL, counted apart). */
  cpuMs?: number;
  /** The SQL of one block of the page (`block`), run bare, must stay under this many ms at p95. */
  blockP95Ms?: number;
};
/** "Elders ook" on an update page (issue 8): its SQL under 50 ms, on its most expensive update (heaviestRelatedUpdate). */
const RELATED_TARGETS: Targets = { blockP95Ms: 50 };
/** The updates table (issues 2 and 11): p95 under 100 ms, at most 10 ms of server CPU per request. */
const TABLE_TARGETS: Targets = { p95Ms: 100, cpuMs: 10 };
/** A search in the table (issue 11): at most 15 ms of server CPU besides its SQL. */
const SEARCH_TARGETS: Targets = { p95Ms: 100, cpuMs: 15 };
/** The busy update's page with its first page of comments (issue 11): p95 under 100 ms, at most 25 ms of server CPU. */
const BUSY_UPDATE_TARGETS: Targets = { p95Ms: 100, cpuMs: 25 };
/** The home page (issue 11): at most 15 ms of server CPU. */
const HOME_TARGETS: Targets = { cpuMs: 15 };
/** The programme report for a year (issue 8): under 2 s. */
const REPORT_TARGETS: Targets = { p95Ms: 2000 };
/** The koppelkansen matrix over all time (issue 8): p95 under 150 ms. */
const MATRIX_TARGETS: Targets = { p95Ms: 150 };
/** Under load (issue 11): the table's throughput as a share of its own SQL's and of a trivial route's, at 32 connections; reads' p95 there. */
const LOAD_TARGETS = { shareOfSql: 0.4, shareOfTrivial: 0.1, p95Ms: 250 };

const describeTargets = (targets: Targets) =>
  [
    targets.p95Ms !== undefined ? `p95 < ${targets.p95Ms} ms` : "",
    targets.cpuMs !== undefined ? `CPU ≤ ${targets.cpuMs} ms` : "",
    targets.blockP95Ms !== undefined ? `blok kaal p95 < ${targets.blockP95Ms} ms` : "",
  ]
    .filter(Boolean)
    .join(", ");

type Scenario = {
  name: string;
  path: string;
  /** The targets that apply to this scenario, or null (measured, no target). */
  targets: Targets | null;
  /** The SQL of one part of the page with a target of its own (e.g. "Elders ook"), run bare besides the whole page's. */
  block?: () => Promise<PgQuery[]>;
  /** Who opens the page, when not the bench's project leader (a staff page needs staff). */
  as?: string;
  /** Also measured under 1, 8 and 32 connections. */
  concurrency?: boolean;
};

type Result = {
  scenario: string;
  path: string;
  status: "measured" | "skipped" | "failed";
  note?: string;
  http?: Summary;
  /** The page's HTML: bytes as sent decompressed, and gzipped. */
  html?: { bytes: number; gzip: number };
  /** All the page's captured SQL (reads), one after the other through pg. */
  bare?: Summary;
  /** Statements the page sent; those not replayed (transaction control, writes). */
  statements?: { count: number; replayed: number; skipped: string[] };
  block?: Summary;
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

const pad = (text: string, width: number) => (text.length >= width ? text : text + " ".repeat(width - text.length));
const padLeft = (text: string, width: number) => (text.length >= width ? text : " ".repeat(width - text.length) + text);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const pct = (share: number) => `${(share * 100).toFixed(0)}%`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(" ");

// --- The database, and whether it holds bench data --------------------------------

const benchUrl = process.env.BENCH_URL;
let server: StartedServer | null = null;
let databaseUrl: string;
let launcherPid: number | null = null;
/** Where the server writes every statement it sends (lib/db.ts), for the bare replay. */
let captureFile: string | null = process.env.SQL_CAPTURE_FILE ?? null;

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
  captureFile = path.join(dataDir, "bench-sql.jsonl");
  await stopCapture(captureFile);
  server = await startServer({ dataDir, say, env: { SQL_CAPTURE_FILE: captureFile } }).catch((error: Error) => fail(error.message));
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
    { name: "updates: standaard", path: "/updates", targets: TABLE_TARGETS, concurrency: true },
    { name: "updates: filter", path: `/updates?${filterQuery}`, targets: TABLE_TARGETS },
    { name: "updates: zoeken", path: "/updates?q=warmtepompen", targets: SEARCH_TARGETS },
    { name: "updates: zoeken + filter", path: `/updates?q=warmtepompen&opgave=${opgaven[0]}`, targets: SEARCH_TARGETS },
    { name: "start", path: "/", targets: HOME_TARGETS },
    { name: `gemeente (${municipality.updates} updates)`, path: `/gemeenten/${municipality.slug}`, targets: null },
    { name: `experiment (${experiment.updates} updates)`, path: `/experimenten/${experiment.slug}`, targets: null },
    {
      name: `update (${busy.visible} reacties, ${busy.onUpdate + busy.onComments}× nuttig)`,
      path: `/updates/${busyId}`,
      targets: BUSY_UPDATE_TARGETS,
      concurrency: true,
    },
    { name: "meldingen", path: "/meldingen", targets: null },
    { name: "koppelkansen: matrix alle tijd", path: "/koppelkansen", targets: MATRIX_TARGETS },
    { name: "koppelkansen: opgave × thema", path: "/koppelkansen?view=themes", targets: MATRIX_TARGETS },
    {
      name: "rapportage: een jaar",
      path: `/beheer/rapportage?from=${reportYear.from}&to=${reportYear.to}`,
      targets: REPORT_TARGETS,
      as: "coordinator@example.nl",
    },
    {
      name: "update: elders ook",
      path: `/updates/${related.id}`,
      targets: RELATED_TARGETS,
      block: async () => [relatedUpdatesQuery(related.id)],
    },
    {
      name: "experiment: vergelijkbare elders",
      path: `/experimenten/${relatedExperiment.slug}`,
      targets: null,
      block: async () => [similarExperimentsQuery(relatedExperiment.id)],
    },
  ];

  const memoryBefore: ServerMemory | null = launcherPid ? await serverMemory(launcherPid) : null;
  say(`${RUNS} verzoeken per scenario na ${WARMUP} om op te warmen, na elkaar; de kale SQL ${RUNS}× via pg.`);
  const results: Result[] = [];
  /** Each page's captured reads, for the replay, the plans and the concurrency pass. */
  const pageSql = new Map<string, PgQuery[]>();
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
    const html = await web.body(scenario.path);
    result.html = { bytes: html.byteLength, gzip: gzipSync(html).byteLength };
    if (captureFile) {
      try {
        const captured = await capturePageSql(captureFile, web, scenario.path);
        pageSql.set(scenario.name, captured.queries);
        result.statements = { count: captured.statements, replayed: captured.queries.length, skipped: captured.skipped };
      } catch (error) {
        result.note = `SQL niet vastgelegd: ${(error as Error).message}`;
        say(`${scenario.name}: ${result.note}`);
      }
    }
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
    const queries = pageSql.get(scenario.name);
    if (queries) {
      const bare = await timeQueries(client, backendPid, queries, RUNS);
      result.bare = summarize(bare.samples);
      cpu.bare = bare.cpu;
    }
    if (scenario.block) result.block = summarize((await timeQueries(client, backendPid, await scenario.block(), RUNS)).samples);
    result.ratio = result.bare ? result.http.p95 / result.bare.p95 : Number.NaN;
    result.missed = [];
    if (result.html.gzip >= TARGET_HTML_GZIP_BYTES) result.missed.push(`HTML ${kb(result.html.gzip)} gzip ≥ ${kb(TARGET_HTML_GZIP_BYTES)}`);
    if (scenario.targets) {
      const { p95Ms, cpuMs, blockP95Ms } = scenario.targets;
      if (p95Ms !== undefined && result.http.p95 >= p95Ms) result.missed.push(`p95 ${ms(result.http.p95)} ms ≥ ${p95Ms} ms`);
      if (cpuMs !== undefined) {
        if (cpu.next === null) result.missed.push("CPU per verzoek onbekend (geen /proc)");
        else if (cpu.next > cpuMs) result.missed.push(`CPU ${ms(cpu.next)} ms > ${cpuMs} ms`);
      }
      if (blockP95Ms !== undefined && result.block && result.block.p95 >= blockP95Ms)
        result.missed.push(`blok kaal p95 ${ms(result.block.p95)} ms ≥ ${blockP95Ms} ms`);
    }
    result.met = scenario.targets || result.missed.length ? result.missed.length === 0 : null;
    say(
      `${scenario.name}: p50 ${ms(result.http.p50)} ms, p95 ${ms(result.http.p95)} ms, CPU ${cpu.next === null ? "—" : ms(cpu.next)} ms; HTML ${kb(result.html.bytes)} (${kb(result.html.gzip)} gzip); ${result.statements ? `${result.statements.count} statements` : "SQL onbekend"}.`,
    );
  }
  // --- Under load: 1, 8 and 32 connections; then 64 for memory -------------------------
  type LoadRow = { scenario: string; page: Throughput; sql: Throughput | null; trivial: Throughput };
  const loadRows: LoadRow[] = [];
  const loadMissed: string[] = [];
  if (withConcurrency) {
    say();
    say(
      `Onder belasting: ${CONCURRENCY_LEVELS.join(", ")} verbindingen tegelijk, ${CONCURRENCY_SECONDS} s per meting (pagina, eigen SQL via pg, /api/health).`,
    );
    const trivial = new Map<number, Throughput>();
    for (const scenario of scenarios.filter((candidate) => candidate.concurrency)) {
      const web = await clientFor(scenario);
      const queries = pageSql.get(scenario.name);
      for (const connections of CONCURRENCY_LEVELS) {
        const page = await measureRoute({
          baseUrl,
          path: scenario.path,
          cookie: web.cookieHeader(),
          connections,
          seconds: CONCURRENCY_SECONDS,
        });
        const sql = queries ? await measureSql({ databaseUrl, queries, connections, seconds: CONCURRENCY_SECONDS }) : null;
        if (!trivial.has(connections))
          trivial.set(
            connections,
            await measureRoute({ baseUrl, path: "/api/health", cookie: "", connections, seconds: CONCURRENCY_SECONDS }),
          );
        const row = { scenario: scenario.name, page, sql, trivial: trivial.get(connections)! };
        loadRows.push(row);
        say(
          `${scenario.name} × ${connections}: ${page.perSecond.toFixed(0)}/s (p95 ${ms(page.p95)} ms, ${page.errors} fouten); eigen SQL ${sql ? `${sql.perSecond.toFixed(0)}/s` : "—"}; /api/health ${row.trivial.perSecond.toFixed(0)}/s.`,
        );
        if (connections !== 32) continue;
        if (page.errors) loadMissed.push(`${scenario.name} × 32: ${page.errors} fouten`);
        if (page.p95 >= LOAD_TARGETS.p95Ms) loadMissed.push(`${scenario.name} × 32: p95 ${ms(page.p95)} ms ≥ ${LOAD_TARGETS.p95Ms} ms`);
        if (scenario.targets === TABLE_TARGETS) {
          if (!sql) loadMissed.push(`${scenario.name} × 32: eigen SQL niet gemeten`);
          else if (page.perSecond < LOAD_TARGETS.shareOfSql * sql.perSecond)
            loadMissed.push(
              `${scenario.name} × 32: ${pct(page.perSecond / sql.perSecond)} van de eigen SQL (doel ≥ ${pct(LOAD_TARGETS.shareOfSql)})`,
            );
          if (page.perSecond < LOAD_TARGETS.shareOfTrivial * row.trivial.perSecond)
            loadMissed.push(
              `${scenario.name} × 32: ${pct(page.perSecond / row.trivial.perSecond)} van /api/health (doel ≥ ${pct(LOAD_TARGETS.shareOfTrivial)})`,
            );
        }
      }
    }
    const table = scenarios[0]!;
    const heavy = await measureRoute({
      baseUrl,
      path: table.path,
      cookie: http.cookieHeader(),
      connections: 64,
      seconds: CONCURRENCY_SECONDS,
    });
    say(`${table.name} × 64 (voor het geheugen): ${heavy.perSecond.toFixed(0)}/s, p95 ${ms(heavy.p95)} ms, ${heavy.errors} fouten.`);
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
    const statements = [...(pageSql.get(scenario.name) ?? []), ...(scenario.block ? await scenario.block() : [])];
    for (const [index, sql] of statements.entries()) {
      const table = /^\s*SELECT[\s\S]*?\bFROM\s+"public"\."(\w+)"/i.exec(sql.text)?.[1] ?? /\bFROM\s+"(\w+)"/i.exec(sql.text)?.[1] ?? "?";
      plans.push(await planOf(scenario.name, `query ${index + 1}/${statements.length} (${table})`, sql, ["Update", "Comment"], true));
    }
  }

  // --- Report ------------------------------------------------------------------------
  const widths = [34, 7, 7, 7, 7, 6, 8, 8, 0];
  const row = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 || i === cells.length - 1 ? pad(cell, widths[i]!) : padLeft(cell, widths[i]!))).join("  ");
  const cell = (value: number | null | undefined) => (value === null || value === undefined ? "—" : ms(value));
  say();
  console.log(
    `Per pagina, één verzoek tegelijk (n = ${RUNS}): wandtijd p50/p95 in ms; CPU = ms CPU van de Next.js-server per verzoek (/proc, user+system; ` +
      "PG = van PostgreSQL); SQL = statements die de pagina stuurde; kaal = al die leesstatements na elkaar via pg (p95, ms); HTML gzip in KB.",
  );
  console.log(row(["scenario", "p50", "p95", "CPU", "PG CPU", "SQL", "kaal p95", "HTML gz", "doel → gehaald?"]));
  for (const result of results) {
    if (result.status !== "measured") {
      const why = result.status === "skipped" ? `overgeslagen (${result.note})` : `MISLUKT (${result.note})`;
      console.log(row([result.scenario, "—", "—", "—", "—", "—", "—", "—", why]));
      continue;
    }
    const targets = scenarios.find((scenario) => scenario.name === result.scenario)?.targets;
    const described = [targets ? describeTargets(targets) : "", `HTML gzip < ${kb(TARGET_HTML_GZIP_BYTES)}`].filter(Boolean).join(", ");
    const verdict = `${described} → ${result.missed!.length ? `NEE: ${result.missed!.join("; ")}` : "ja"}`;
    console.log(
      row([
        result.scenario,
        ms(result.http!.p50),
        ms(result.http!.p95),
        cell(result.cpu?.next),
        cell(result.cpu?.postgres),
        result.statements ? String(result.statements.count) : "—",
        cell(result.bare?.p95),
        result.html ? (result.html.gzip / 1024).toFixed(0) : "—",
        verdict,
      ]),
    );
    if (result.block) console.log(row(["  alleen het blok (kaal)", "", "", "", "", "", ms(result.block.p95), "", ""]));
    if (result.statements?.skipped.length) console.log(`  niet herhaald: ${result.statements.skipped.join(", ")}`);
  }
  if (loadRows.length) {
    say();
    console.log(
      `Onder belasting (${CONCURRENCY_SECONDS} s per meting): verzoeken per seconde en p95 (ms) van de pagina, van haar eigen SQL via pg met evenveel verbindingen, en van /api/health.`,
    );
    const loadRow = (cells: string[]) => cells.map((text, i) => (i === 0 ? pad(text, 40) : padLeft(text, 9))).join("  ");
    console.log(loadRow(["scenario × verbindingen", "pagina/s", "p95", "fouten", "SQL/s", "% SQL", "health/s", "% health"]));
    for (const entry of loadRows)
      console.log(
        loadRow([
          `${entry.scenario} × ${entry.page.connections}`,
          entry.page.perSecond.toFixed(0),
          ms(entry.page.p95),
          String(entry.page.errors),
          entry.sql ? entry.sql.perSecond.toFixed(0) : "—",
          entry.sql ? pct(entry.page.perSecond / entry.sql.perSecond) : "—",
          entry.trivial.perSecond.toFixed(0),
          pct(entry.page.perSecond / entry.trivial.perSecond),
        ]),
      );
    console.log(
      `Doelen bij 32 verbindingen: 0 fouten, p95 < ${LOAD_TARGETS.p95Ms} ms; de tabel ≥ ${pct(LOAD_TARGETS.shareOfSql)} van haar eigen SQL en ≥ ${pct(LOAD_TARGETS.shareOfTrivial)} van /api/health.`,
    );
  }
  say();
  if (memory) {
    console.log(
      `Geheugen van de server na de belasting (${memory.processes} proces${memory.processes > 1 ? "sen" : ""}): grootste VmRSS ${mb(memory.largest)}, samen ${mb(memory.rss)}${memory.peak ? `, piek samen (VmHWM) ${mb(memory.peak)}` : ""}${memoryBefore ? `; vóór de belasting samen ${mb(memoryBefore.rss)}` : ""} — doel < ${mb(TARGET_RSS_BYTES)} per proces: ${memory.largest < TARGET_RSS_BYTES ? "ja" : "NEE"}`,
    );
  } else {
    console.log(
      "Geheugen van de server: onbekend (geen /proc, of de serverprocessen zijn niet gevonden; met BENCH_URL alleen via DATA_DIR/runtime.json).",
    );
  }
  say();
  console.log(
    'Queryplannen van alle vastgelegde statements (EXPLAIN); alleen die met een "Seq Scan" over "Update" of "Comment" (een fout) voluit:',
  );
  for (const entry of plans.filter((candidate) => candidate.seqScans)) {
    console.log(
      `\n${entry.scenario} — ${entry.query}   <-- SEQ SCAN OVER ${entry.seqScanOn.map((name) => `"${name}"`).join(" en ")} (${entry.seqScans}×)`,
    );
    console.log(describePlan(entry.plan).replace(/^/gm, "  "));
  }
  for (const scenario of scenarios) {
    const own = plans.filter((entry) => entry.scenario === scenario.name);
    if (own.length)
      console.log(`${scenario.name}: ${own.length} queries geplant, ${own.filter((entry) => entry.seqScans).length} met een Seq Scan.`);
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
    ...loadMissed,
    ...(memory && memory.largest >= TARGET_RSS_BYTES ? [`geheugen ${mb(memory.largest)} ≥ ${mb(TARGET_RSS_BYTES)} in één proces`] : []),
    ...seqPlans.map(
      (entry) => `${entry.scenario} (${entry.query}): Seq Scan over ${entry.seqScanOn.map((name) => `"${name}"`).join(" en ")}`,
    ),
    ...(digest && !digest.met ? [`digest: ${describeDigest(digest)}`] : []),
    ...(digestNote?.startsWith("MISLUKT") ? [`digest: ${digestNote}`] : []),
  ];
  if (missed.length) {
    exitCode = 2;
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
        load: loadRows,
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
