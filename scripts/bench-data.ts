/**
 * `npm run bench:data [-- --force]`: fills the bench database with a large
 * programme (50 municipalities, 500 experiments, 20,000 published updates,
 * ~200,000 comments, and one busy update with 300 comments and 50 "nuttig"
 * marks) on top of the demo base, for `npm run bench`.
 *
 * The database: DATABASE_URL, else the embedded cluster under DATA_DIR, which
 * defaults to ./data/bench here (not the ./data of `npm start`). It refuses a
 * database that holds more than the demo programme unless --force is given,
 * which empties the database first.
 */
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../lib/generated/prisma/client";
import { migrate } from "../lib/postgres/migrate";
import { describeUrl, openDatabase, type DatabaseHandle } from "../lib/postgres/runtime";
import { demoExperiments, demoMunicipalities, demoUsers } from "../lib/seed/demo-data";
import { demoUpdates } from "../lib/seed/demo-updates";
import { isDatabaseEmpty, seedDemo } from "../lib/seed/seed";
import { BENCH_DATA_DIR } from "./bench/config";
import { analyzeBenchTables, BENCH_PASSWORD, benchMarkerProblem, FULL_SIZE, generateProgramme, readBenchMarker } from "./bench/generate";

const force = process.argv.includes("--force");
const say = (line: string) => console.log(`[bench:data] ${line}`);
const dataDir = path.resolve(process.env.DATA_DIR ?? BENCH_DATA_DIR);
const started = performance.now();
const seconds = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;

/** Whether the database holds the demo programme and nothing more (as `npm start` leaves an empty database). */
async function holdsOnlyDemo(client: pg.Client): Promise<boolean> {
  const { rows } = await client.query<{ users: number; municipalities: number; experiments: number; updates: number }>(`
    SELECT (SELECT count(*) FROM "User")::int AS users, (SELECT count(*) FROM "Municipality")::int AS municipalities,
           (SELECT count(*) FROM "Experiment")::int AS experiments, (SELECT count(*) FROM "Update")::int AS updates`);
  const counts = rows[0]!;
  return (
    counts.users <= demoUsers.length &&
    counts.municipalities === demoMunicipalities.length &&
    counts.experiments === demoExperiments.length &&
    counts.updates <= demoUpdates.length
  );
}

let database: DatabaseHandle;
try {
  database = await openDatabase({ dataDir, log: say });
} catch (error) {
  console.error(`[bench:data] ${(error as Error).message}`);
  process.exit(1);
}

let exitCode = 0;
const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
const client = new pg.Client({ connectionString: database.url });
try {
  say(
    `Database: ${database.embedded ? `ingebouwd, ${path.relative(process.cwd(), path.join(dataDir, "postgres")) || "."}` : describeUrl(database.url)}`,
  );
  await migrate(database.url, { log: say });
  await client.connect();

  if (!(await isDatabaseEmpty(prisma))) {
    const marker = await readBenchMarker(client);
    const onlyDemo = !marker && (await holdsOnlyDemo(client));
    if (!onlyDemo && !force) {
      const stale = marker ? benchMarkerProblem(marker) : null;
      say(
        stale
          ? `${stale} (alles wordt gewist)`
          : marker
            ? "Deze database bevat al benchgegevens. Opnieuw maken (alles wordt gewist): npm run bench:data -- --force"
            : "Deze database bevat meer dan het demoprogramma. Niets veranderd. Alles wissen en vullen: npm run bench:data -- --force",
      );
      exitCode = 2;
    } else if (!onlyDemo) {
      say("--force: de database wordt leeggemaakt.");
      await seedDemo(prisma, { force: true });
    }
  } else {
    await seedDemo(prisma);
    say(`Demoprogramma geladen (${seconds()}).`);
  }

  if (exitCode === 0) {
    const busy = FULL_SIZE.busyUpdate;
    say(
      `Genereren: ${FULL_SIZE.municipalities} gemeenten, ${FULL_SIZE.experiments} experimenten, ${FULL_SIZE.publishedUpdates} updates, ~${FULL_SIZE.comments} reacties` +
        `${busy ? `, een drukke update (${busy.comments} reacties, ${busy.appreciations}× nuttig)` : ""}…`,
    );
    const marker = await generateProgramme(client, { size: FULL_SIZE, log: (line) => say(`  ${line} — ${seconds()}`) });
    say(`Ingevoegd (${seconds()}); VACUUM ANALYZE…`);
    await analyzeBenchTables(client);
    say(`Klaar in ${seconds()}. Inloggen als ${marker.signInEmail} met het demowachtwoord (${BENCH_PASSWORD}).`);
    say("Meten: npm run bench");
  }
} catch (error) {
  console.error(`[bench:data] Mislukt: ${(error as Error).message}`);
  exitCode = 1;
} finally {
  await client.end().catch(() => {});
  await prisma.$disconnect().catch(() => {});
  await database.close().catch(() => {});
}
process.exit(exitCode);
