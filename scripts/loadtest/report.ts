/** The load test's tables and targets, printed per number of people. */
import { availableParallelism } from "node:os";
import { ms } from "../bench/stats";
import type { Measurement, RouteResult, SqlResult } from "./measure";

/** The issue's targets: at 32 people no errors and reads p95 < 250 ms; the table ≥ 40 % of its SQL's and ≥ 10 % of the trivial route's throughput. */
export const TARGETS = { people: 32, readP95Ms: 250, tableOfSql: 0.4, tableOfCeiling: 0.1 } as const;

export type Level = {
  people: number;
  mix: Measurement;
  reads: RouteResult;
  writes: RouteResult;
  table: RouteResult;
  sql: SqlResult;
  ceiling: RouteResult;
  tableSeconds: number;
  ceilingSeconds: number;
  /** CPU ms per answer of server and PostgreSQL (the SQL: PostgreSQL's per page and count); null without /proc. */
  cpu: { mix: number | null; table: number | null; sql: number | null; ceiling: number | null };
};

export type Verdict = { name: string; value: string; met: boolean };

const mark = (met: boolean) => (met ? "✓" : "✗");
const rate = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : "—");
const percent = (value: number) => `${Math.round(value * 100)} %`;

function row(name: string, result: { perSecond: number; p50: number; p95: number; p99: number }, errors: string) {
  return `  ${name.padEnd(34)} ${rate(result.perSecond).padStart(8)} ${ms(result.p50).padStart(8)} ${ms(result.p95).padStart(8)} ${ms(result.p99).padStart(8)}  ${errors}`;
}

/** Errors in the mix: failed answers plus connection errors and timeouts. */
export const mixErrors = (level: Level) => level.reads.errors + level.writes.errors + level.mix.connectionErrors + level.mix.timeouts;

export function verdicts(level: Level): Verdict[] {
  const tableOfSql = level.table.perSecond / level.sql.perSecond;
  const tableOfCeiling = level.table.perSecond / level.ceiling.perSecond;
  const list: Verdict[] = [
    { name: `tabel ≥ ${percent(TARGETS.tableOfSql)} van zijn SQL`, value: percent(tableOfSql), met: tableOfSql >= TARGETS.tableOfSql },
    {
      name: `tabel ≥ ${percent(TARGETS.tableOfCeiling)} van het plafond`,
      value: percent(tableOfCeiling),
      met: tableOfCeiling >= TARGETS.tableOfCeiling,
    },
  ];
  if (level.people === TARGETS.people) {
    list.push({ name: "0 fouten in de mix", value: String(mixErrors(level)), met: mixErrors(level) === 0 });
    list.push({
      name: `lezen p95 < ${TARGETS.readP95Ms} ms`,
      value: `${ms(level.reads.p95)} ms`,
      met: level.reads.p95 < TARGETS.readP95Ms,
    });
  }
  return list;
}

const took = (count: number, seconds: number) => `${count} in ${seconds.toFixed(1)} s`;

export function printLevel(say: (line?: string) => void, level: Level) {
  say();
  say(
    `${level.people} ${level.people === 1 ? "persoon" : "personen"} tegelijk — mix ${took(level.mix.answers, level.mix.seconds)}, tabel ${took(level.table.count, level.tableSeconds)}, ` +
      `SQL ${took(level.sql.count, level.sql.seconds)}, plafond ${took(level.ceiling.count, level.ceilingSeconds)}`,
  );
  say(`  ${"route".padEnd(34)} ${"verz/s".padStart(8)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"p99 ms".padStart(8)}  fouten`);
  for (const route of [...level.mix.routes].sort((a, b) => a.route.localeCompare(b.route)))
    say(row(`mix: ${route.route}`, route, String(route.errors)));
  say(row("mix: alle lezingen", level.reads, String(level.reads.errors)));
  say(row("mix: alle schrijfacties", level.writes, String(level.writes.errors)));
  if (level.mix.connectionErrors || level.mix.timeouts)
    say(`  (verbindingsfouten ${level.mix.connectionErrors}, time-outs ${level.mix.timeouts})`);
  say(row("alleen updates: standaard", level.table, String(level.table.errors)));
  say(row(`tabel-SQL alleen (pg, ${level.people} verb.)`, level.sql, "—"));
  say(row("plafond: GET /api/health", level.ceiling, String(level.ceiling.errors)));
  // CPU time hardly changes when other work competes for the machine; wall time does.
  const cpu = (value: number | null) => (value === null ? "—" : `${value.toFixed(1)} ms`);
  const capacity = (value: number | null) => (value ? `${Math.round((availableParallelism() * 1000) / value)}/s` : "—");
  say(
    `  CPU per antwoord (server + PostgreSQL): mix ${cpu(level.cpu.mix)} · tabel ${cpu(level.cpu.table)} · tabel-SQL ${cpu(level.cpu.sql)} · plafond ${cpu(level.cpu.ceiling)}` +
      ` — op ${availableParallelism()} vrije kernen hoogstens: tabel ${capacity(level.cpu.table)}, tabel-SQL ${capacity(level.cpu.sql)}, plafond ${capacity(level.cpu.ceiling)}`,
  );
  say(
    `  ${verdicts(level)
      .map((verdict) => `${verdict.name}: ${verdict.value} ${mark(verdict.met)}`)
      .join(" · ")}`,
  );
}

export function printSummary(say: (line?: string) => void, levels: Level[]) {
  say();
  say("Doelen:");
  for (const level of levels) {
    for (const verdict of verdicts(level)) say(`  ${mark(verdict.met)} ${level.people} personen: ${verdict.name} (${verdict.value})`);
  }
}
