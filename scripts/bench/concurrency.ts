/**
 * The bench's concurrency pass: a page under N connections at once (autocannon,
 * signed in, for a fixed time) next to the same page's own SQL under N plain
 * pg connections and a trivial route under N connections, so throughput reads
 * as a share of what the page's queries and the server itself allow.
 */
import autocannon from "autocannon";
import pg from "pg";
import { percentile } from "./stats";
import type { PgQuery } from "./table-sql";

export type Throughput = { connections: number; perSecond: number; p50: number; p95: number; errors: number; count: number };

/** `path` on `connections` connections for `seconds`; every answer other than 200 counts as an error. */
export async function measureRoute({
  baseUrl,
  path,
  cookie,
  connections,
  seconds,
}: {
  baseUrl: string;
  path: string;
  cookie: string;
  connections: number;
  seconds: number;
}): Promise<Throughput> {
  const samples: number[] = [];
  let errors = 0;
  const instance = autocannon({
    url: new URL(path, baseUrl).toString(),
    connections,
    duration: seconds,
    pipelining: 1,
    timeout: 30,
    headers: cookie ? { cookie } : {},
  });
  instance.on("response", (_client, status, _bytes, ms) => {
    samples.push(ms);
    if (status !== 200) errors++;
  });
  const result = await instance;
  return {
    connections,
    perSecond: samples.length / result.duration,
    p50: percentile(samples, 0.5),
    p95: percentile(samples, 0.95),
    errors: errors + result.errors + result.timeouts,
    count: samples.length,
  };
}

/** One round of `queries` (one after the other, as one request of the page) per connection, again and again for `seconds`. */
export async function measureSql({
  databaseUrl,
  queries,
  connections,
  seconds,
}: {
  databaseUrl: string;
  queries: PgQuery[];
  connections: number;
  seconds: number;
}): Promise<Throughput> {
  const clients = await Promise.all(
    Array.from({ length: connections }, async () => {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      return client;
    }),
  );
  let errors = 0;
  try {
    const samples: number[] = [];
    const started = performance.now();
    const deadline = started + seconds * 1000;
    await Promise.all(
      clients.map(async (client) => {
        while (performance.now() < deadline) {
          const begun = performance.now();
          try {
            for (const query of queries) await client.query(query.text, query.values);
            samples.push(performance.now() - begun);
          } catch {
            errors++;
          }
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    return {
      connections,
      perSecond: samples.length / elapsed,
      p50: percentile(samples, 0.5),
      p95: percentile(samples, 0.95),
      errors,
      count: samples.length,
    };
  } finally {
    await Promise.all(clients.map((client) => client.end().catch(() => {})));
  }
}
