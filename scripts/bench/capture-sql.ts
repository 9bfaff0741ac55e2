/**
 * Prints, as JSON, the SQL statements the app sends for one page's data, by
 * running the app's own query functions with a Prisma client that logs its
 * queries. `npm run bench` runs this in a child process with the react-server
 * condition, because the query modules are `server-only`:
 *
 *   DATABASE_URL=… node --conditions=react-server --import tsx scripts/bench/capture-sql.ts experiment <slug>
 *   DATABASE_URL=… node --conditions=react-server --import tsx scripts/bench/capture-sql.ts update <id> <reader email>
 *
 * `update`: what app/(portal)/updates/[id]/page.tsx asks for, as that reader
 * (the session lookup excepted): getUpdateForReader, newCommentCounts, then
 * what its parts load side by side — the follow state (FollowButton), the
 * update's "nuttig" state (UpdateAppreciation → getUpdateAppreciation), the
 * last visit and the first page of comments with their appreciation counts
 * and the reader's own marks (CommentSection → getCommentsForUpdate).
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../lib/generated/prisma/client";

export type CapturedQuery = { text: string; values: unknown[] };

const [what, argument, email] = process.argv.slice(2);
const connectionString = process.env.DATABASE_URL;
if (!connectionString || !argument || !(what === "experiment" || (what === "update" && email))) {
  console.error(
    "Gebruik: DATABASE_URL=… node --conditions=react-server --import tsx scripts/bench/capture-sql.ts experiment <slug>\n" +
      "     of: DATABASE_URL=… node --conditions=react-server --import tsx scripts/bench/capture-sql.ts update <id> <e-mailadres van de lezer>",
  );
  process.exit(1);
}

const captured: CapturedQuery[] = [];
const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString }), log: [{ emit: "event", level: "query" }] });
prisma.$on("query", (event) => {
  captured.push({ text: event.query, values: JSON.parse(event.params) as unknown[] });
});
// lib/db.ts takes the client it finds here, so the app's code below uses this logging one.
(globalThis as unknown as { prisma?: PrismaClient }).prisma = prisma;

async function captureExperiment(slug: string): Promise<boolean> {
  const { getExperimentPage } = await import("../../lib/programme/queries");
  return (await getExperimentPage(slug)) !== null;
}

async function captureUpdate(id: string, readerEmail: string): Promise<boolean> {
  const [
    { getUpdateForReader },
    { getCommentsForUpdate },
    { getUpdateAppreciation },
    { getLastVisit, newCommentCounts },
    { isFollowing },
    { COMMENT_THREADS_PER_PAGE },
  ] = await Promise.all([
    import("../../lib/updates/queries"),
    import("../../lib/comments/queries"),
    import("../../lib/appreciation/queries"),
    import("../../lib/notifications/visits"),
    import("../../lib/follows/queries"),
    import("../../lib/comments/schema"),
  ]);
  // The reader, as the session gives it (not part of the captured SQL).
  const actor = await prisma.user.findUnique({ where: { email: readerEmail }, select: { id: true, role: true, municipalityId: true } });
  if (!actor) throw new Error(`Geen gebruiker ${readerEmail}.`);
  captured.length = 0;
  const update = await getUpdateForReader(actor, id);
  if (!update) return false;
  await newCommentCounts(actor.id, [update.id]);
  const [, , , comments] = await Promise.all([
    isFollowing(actor.id, "UPDATE", update.id),
    getUpdateAppreciation(actor, update.id),
    getLastVisit(actor.id, update.id),
    getCommentsForUpdate(actor, update.id, { limit: COMMENT_THREADS_PER_PAGE }),
  ]);
  return comments !== null;
}

try {
  const found = what === "experiment" ? await captureExperiment(argument) : await captureUpdate(argument, email!);
  process.stdout.write(JSON.stringify({ found, queries: captured }));
} finally {
  await prisma.$disconnect();
}
