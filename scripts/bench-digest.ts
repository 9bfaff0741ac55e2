/**
 * `npm run bench:digest`: only the digest measurement of `npm run bench` —
 * the daily digest for 1,000 people with 50 notifications each (target under
 * 60 s), on a throwaway copy of the bench database (see bench/digest.ts).
 *
 * The database: DATABASE_URL, else the embedded cluster under DATA_DIR
 * (default ./data/bench). No server may be running on it: the copy needs the
 * bench database to itself for a moment. Exits 0 with a report, also when the
 * target is missed; 1 when it cannot measure.
 */
import path from "node:path";
import pg from "pg";
import { openDatabase, type DatabaseHandle } from "../lib/postgres/runtime";
import { BENCH_DATA_DIR } from "./bench/config";
import { describeDigest, measureDigest } from "./bench/digest";
import { readBenchMarker } from "./bench/generate";
import { isAlive, readRuntime } from "./bench/server";

const say = (line: string) => console.log(`[bench:digest] ${line}`);
const dataDir = path.resolve(process.env.DATA_DIR ?? BENCH_DATA_DIR);

const running = process.env.DATABASE_URL ? null : await readRuntime(dataDir);
if (running && isAlive(running.pid)) {
  console.error(
    `[bench:digest] Er draait een server op ${path.relative(process.cwd(), dataDir)} (pid ${running.pid}); stop die eerst (de kopie van de benchdatabase kan alleen zonder verbindingen).`,
  );
  process.exit(1);
}

let database: DatabaseHandle;
try {
  database = await openDatabase({ dataDir, log: say });
} catch (error) {
  console.error(`[bench:digest] ${(error as Error).message}`);
  process.exit(1);
}

let exitCode = 0;
try {
  const check = new pg.Client({ connectionString: database.url });
  await check.connect();
  const marker = await readBenchMarker(check).finally(() => check.end().catch(() => {}));
  if (!marker) throw new Error("Deze database heeft geen benchgegevens. Maak ze eerst: npm run bench:data");
  const measurement = await measureDigest({ databaseUrl: database.url, say });
  console.log(describeDigest(measurement));
} catch (error) {
  console.error(`[bench:digest] ${(error as Error).message}`);
  exitCode = 1;
} finally {
  await database.close().catch(() => {});
}
process.exit(exitCode);
