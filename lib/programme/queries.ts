import "server-only";
import { db } from "@/lib/db";

/** What the home page shows: the programme at a glance. */
export async function getProgrammeOverview() {
  const [municipalities, experiments, opgaven, themes] = await db.$transaction([
    db.municipality.count(),
    db.experiment.findMany({
      orderBy: [{ municipality: { name: "asc" } }, { title: "asc" }],
      select: {
        id: true,
        title: true,
        slug: true,
        summary: true,
        phase: true,
        municipality: { select: { name: true } },
        wijken: { select: { name: true }, orderBy: { name: "asc" } },
      },
    }),
    db.opgave.findMany({ where: { archivedAt: null }, orderBy: { sortOrder: "asc" }, select: { id: true, name: true, slug: true, color: true } }),
    db.theme.findMany({ where: { archivedAt: null }, orderBy: { sortOrder: "asc" }, select: { id: true, name: true, slug: true, color: true, description: true } }),
  ]);
  return { municipalityCount: municipalities, experiments, opgaven, themes };
}
