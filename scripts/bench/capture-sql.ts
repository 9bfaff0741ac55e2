/**
 * Prints, as JSON, the SQL statements the app sends for one page's data, by
 * running the app's own query function with a Prisma client that logs its
 * queries. `npm run bench` runs this in a child process with the react-server
 * condition, because the query modules are `server-only`:
 *
 *   DATABASE_URL=… node --conditions=react-server --import tsx scripts/bench/capture-sql.ts experiment <slug>
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../lib/generated/prisma/client";

export type CapturedQuery = { text: string; values: unknown[] };

const [what, argument] = process.argv.slice(2);
const connectionString = process.env.DATABASE_URL;
if (!connectionString || what !== "experiment" || !argument) {
  console.error("Gebruik: DATABASE_URL=… node --conditions=react-server --import tsx scripts/bench/capture-sql.ts experiment <slug>");
  process.exit(1);
}

const captured: CapturedQuery[] = [];
const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString }), log: [{ emit: "event", level: "query" }] });
prisma.$on("query", (event) => {
  captured.push({ text: event.query, values: JSON.parse(event.params) as unknown[] });
});
// lib/db.ts takes the client it finds here, so the app's code below uses this logging one.
(globalThis as unknown as { prisma?: PrismaClient }).prisma = prisma;

try {
  const { getExperimentPage } = await import("../../lib/programme/queries");
  const page = await getExperimentPage(argument);
  process.stdout.write(JSON.stringify({ found: page !== null, queries: captured }));
} finally {
  await prisma.$disconnect();
}
