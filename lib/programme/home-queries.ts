import "server-only";
import { cached } from "@/lib/cache/server";
import { db } from "@/lib/db";
import { listedUpdateSql } from "@/lib/policy/updates";

/** How many experiments the home page shows; /gemeenten lists them all. */
export const HOME_EXPERIMENTS = 12;

/**
 * The programme at a glance for the home page: how many municipalities and
 * experiments there are, and the HOME_EXPERIMENTS most recently active
 * experiments (newest listed update first; those without one after, A–Z).
 * The same for every reader, so cached until the programme or a listed update changes.
 */
export const getHomeProgramme = cached("programme.home", ["programme", "listed-updates"], async () => {
  const [municipalityCount, experimentCount, recent] = await Promise.all([
    db.municipality.count(),
    db.experiment.count(),
    // One index probe per experiment ("Update" by experiment, status and date) instead of counting all updates.
    db.$queryRaw<{ id: string }[]>`
      SELECT e.id FROM "Experiment" e
      LEFT JOIN LATERAL (
        SELECT u."publishedAt" FROM "Update" u
        WHERE u."experimentId" = e.id AND ${listedUpdateSql("u")}
        ORDER BY u."publishedAt" DESC LIMIT 1
      ) latest ON true
      ORDER BY latest."publishedAt" DESC NULLS LAST, e.title ASC, e.id ASC
      LIMIT ${HOME_EXPERIMENTS}`,
  ]);
  const rows = await db.experiment.findMany({
    where: { id: { in: recent.map((row) => row.id) } },
    select: {
      id: true,
      title: true,
      slug: true,
      summary: true,
      phase: true,
      municipality: { select: { name: true } },
      wijken: { select: { name: true }, orderBy: { name: "asc" } },
    },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const experiments = recent.flatMap((row) => byId.get(row.id) ?? []);
  return { municipalityCount, experimentCount, experiments };
});
