/**
 * `npm run db:migrate` and `npm run db:seed [-- --force]`, on DATABASE_URL or
 * the embedded database under DATA_DIR (started for the command, then stopped).
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/generated/prisma/client";
import { migrate } from "../lib/postgres/migrate";
import { openDatabase } from "../lib/postgres/runtime";
import { seedDemo } from "../lib/seed/seed";

const [command, ...flags] = process.argv.slice(2);
const say = (line: string) => console.log(`[koppelkans] ${line}`);

if (command !== "migrate" && command !== "seed") {
  console.error("Gebruik: tsx scripts/db.ts migrate | seed [--force]");
  process.exit(1);
}

let database;
try {
  database = await openDatabase({ log: say });
} catch (error) {
  console.error(`[koppelkans] ${(error as Error).message}`);
  process.exit(1);
}

let exitCode = 0;
try {
  const { applied } = await migrate(database.url, { log: say });
  if (command === "migrate") say(applied.length ? `${applied.length} migratie(s) toegepast.` : "Het databaseschema is bij.");
  if (command === "seed") {
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
    try {
      const result = await seedDemo(prisma, { force: flags.includes("--force") });
      if (result.seeded) say("Het demoprogramma is geladen.");
      else {
        say(`${result.reason} Niets veranderd. Alles wissen en opnieuw vullen: npm run db:seed -- --force`);
        exitCode = 2;
      }
    } finally {
      await prisma.$disconnect();
    }
  }
} catch (error) {
  console.error(`[koppelkans] ${(error as Error).message}`);
  exitCode = 1;
} finally {
  await database.close();
}
process.exit(exitCode);
