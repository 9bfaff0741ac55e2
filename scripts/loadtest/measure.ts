/**
 * One measurement: autocannon for a fixed number of requests with one
 * connection per person, every answer's time kept per route; and the same
 * concurrency against PostgreSQL alone (for a fixed time), running the
 * updates table's own SQL.
 */
import autocannon, { type Request } from "autocannon";
import pg from "pg";
import { percentile } from "../bench/stats";
import { updatesTableQueries, type PgQuery } from "../bench/table-sql";
import { isFailure, personPerConnection, type RouteName } from "./mix";
import type { Person } from "./world";

export type RouteResult = { route: string; count: number; errors: number; perSecond: number; p50: number; p95: number; p99: number };
export type Measurement = {
  seconds: number;
  answers: number;
  routes: RouteResult[];
  connectionErrors: number;
  timeouts: number;
  samples: Map<RouteName, number[]>;
  /** CPU time the server and PostgreSQL used per answer (null without /proc). */
  cpuMsPerRequest: number | null;
};

/** CPU time used so far (ms) by the processes that serve, or null when it cannot be read. */
export type CpuClock = () => Promise<number | null>;

async function cpuPer(clock: CpuClock | undefined, before: number | null, count: number): Promise<number | null> {
  const after = clock ? await clock() : null;
  return before === null || after === null || count === 0 ? null : (after - before) / count;
}

function summarizeRoute(route: string, samples: number[], errors: number, seconds: number): RouteResult {
  return {
    route,
    count: samples.length,
    errors,
    perSecond: samples.length / seconds,
    p50: percentile(samples, 0.5),
    p95: percentile(samples, 0.95),
    p99: percentile(samples, 0.99),
  };
}

/** All reads together (or any set of routes), from the kept samples. */
export function combine(measurement: Measurement, routes: (route: RouteName) => boolean, name: string): RouteResult {
  const samples = [...measurement.samples].filter(([route]) => routes(route)).flatMap(([, values]) => values);
  const errors = measurement.routes.filter((result) => routes(result.route as RouteName)).reduce((sum, result) => sum + result.errors, 0);
  return summarizeRoute(name, samples, errors, measurement.seconds);
}

export async function measureHttp({
  url,
  people,
  connections,
  amount,
  requests,
  cpu,
  maxSeconds = 300,
}: {
  url: string;
  people: Person[];
  connections: number;
  /** Requests in all (a fixed count, so none is still in flight when the CPU time is read). */
  amount: number;
  requests: Request[];
  cpu?: CpuClock;
  /** The run stops here even if the count is not reached. */
  maxSeconds?: number;
}): Promise<Measurement> {
  const samples = new Map<RouteName, number[]>();
  const errors = new Map<RouteName, number>();
  const cpuBefore = cpu ? await cpu() : null;
  const instance = autocannon({
    url,
    connections,
    amount: Math.max(amount, connections),
    pipelining: 1,
    timeout: 30,
    requests,
    setupClient: personPerConnection(people),
  });
  instance.on("response", (client, status, _bytes, ms) => {
    const route = client.requestIterator.currentRequest.route as RouteName;
    if (!samples.has(route)) samples.set(route, []);
    samples.get(route)!.push(ms);
    if (isFailure(client, route, status)) errors.set(route, (errors.get(route) ?? 0) + 1);
  });
  const guard = setTimeout(() => instance.stop(), maxSeconds * 1000);
  const result = await instance;
  clearTimeout(guard);
  const elapsed = result.duration;
  const answers = [...samples.values()].reduce((sum, values) => sum + values.length, 0);
  return {
    seconds: elapsed,
    answers,
    cpuMsPerRequest: await cpuPer(cpu, cpuBefore, answers),
    routes: [...samples].map(([route, values]) => summarizeRoute(route, values, errors.get(route) ?? 0, elapsed)),
    connectionErrors: result.errors,
    timeouts: result.timeouts,
    samples,
  };
}

export type SqlResult = {
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  count: number;
  cpuMsPerRequest: number | null;
};

/** The updates table's page and count query (as /updates?<urlQuery> sends them), on `connections` connections at once, for `seconds`. */
export async function measureTableSql({
  databaseUrl,
  urlQuery,
  connections,
  seconds,
  cpu,
}: {
  databaseUrl: string;
  urlQuery: string;
  connections: number;
  seconds: number;
  /** PostgreSQL's CPU clock. */
  cpu?: CpuClock;
}): Promise<SqlResult> {
  const clients = await Promise.all(
    Array.from({ length: connections }, async () => {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      return client;
    }),
  );
  try {
    const queries: { page: PgQuery; count: PgQuery } = await updatesTableQueries(clients[0]!, urlQuery);
    const samples: number[] = [];
    const cpuBefore = cpu ? await cpu() : null;
    const started = performance.now();
    const deadline = started + seconds * 1000;
    await Promise.all(
      clients.map(async (client) => {
        while (performance.now() < deadline) {
          const begun = performance.now();
          await client.query(queries.page.text, queries.page.values);
          await client.query(queries.count.text, queries.count.values);
          samples.push(performance.now() - begun);
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    return {
      seconds: elapsed,
      perSecond: samples.length / elapsed,
      p50: percentile(samples, 0.5),
      p95: percentile(samples, 0.95),
      p99: percentile(samples, 0.99),
      count: samples.length,
      cpuMsPerRequest: await cpuPer(cpu, cpuBefore, samples.length),
    };
  } finally {
    await Promise.all(clients.map((client) => client.end().catch(() => {})));
  }
}
