import { beforeAll, describe, expect, it } from "vitest";
import { getProgrammeTimeline } from "@/lib/analytics/timeline-queries";
import { db } from "@/lib/db";
import type { ExperimentPhase } from "@/lib/generated/prisma/enums";
import { createMunicipality, createUser, unique } from "./support/factories";

const today = new Date("2026-12-01T12:00:00Z");
let experimentId = "";
let doneId = "";

beforeAll(async () => {
  const municipality = await createMunicipality();
  const author = await createUser({ role: "PROJECT_LEADER", municipalityId: municipality.id });
  const experiment = async (phase: ExperimentPhase, startDate: string) =>
    (
      await db.experiment.create({
        data: {
          title: `Tijdlijn ${unique()}`,
          slug: `tijdlijn-${unique()}`,
          summary: "-",
          municipalityId: municipality.id,
          phase,
          startDate: new Date(startDate),
        },
      })
    ).id;
  experimentId = await experiment("UITVOERING", "2022-01-10");
  doneId = await experiment("AFGEROND", "2021-01-01");
  const update = (
    experiment: string,
    phase: ExperimentPhase,
    publishedAt: string,
    extra: { status?: "PUBLISHED" | "WITHDRAWN" | "DRAFT"; hidden?: boolean; milestone?: string } = {},
  ) =>
    db.update.create({
      data: {
        experimentId: experiment,
        authorId: author.id,
        title: `${phase} ${publishedAt}`,
        body: "-",
        phase,
        milestone: extra.milestone ?? null,
        status: extra.status ?? "PUBLISHED",
        publishedAt: extra.status === "DRAFT" ? null : new Date(publishedAt),
        hiddenAt: extra.hidden ? new Date() : null,
      },
    });
  await update(experimentId, "VERKENNING", "2022-02-01T10:00:00Z", { milestone: "Startavond" });
  await update(experimentId, "UITVOERING", "2023-03-01T10:00:00Z");
  await update(experimentId, "UITVOERING", "2024-05-01T10:00:00Z");
  // Not listed: none of these may move a band or add a milestone.
  await update(experimentId, "UITVOERING", "2025-06-01T10:00:00Z", { hidden: true, milestone: "Verborgen" });
  await update(experimentId, "EVALUATIE", "2025-07-01T10:00:00Z", { status: "WITHDRAWN", milestone: "Ingetrokken" });
  await update(experimentId, "EVALUATIE", "2025-08-01T10:00:00Z", { status: "DRAFT" });
  await update(doneId, "AFGEROND", "2023-09-01T10:00:00Z");
});

describe("the programme timeline (/programma)", () => {
  it("an experiment's bands and milestones come from its listed updates only", async () => {
    const row = (await getProgrammeTimeline(today)).rows.find((r) => r.experiment.id === experimentId)!;
    expect(row.bands.map((band) => [band.phase, band.from.toISOString(), band.to.toISOString(), band.updates])).toEqual([
      ["VERKENNING", "2022-02-01T10:00:00.000Z", "2023-03-01T10:00:00.000Z", 1],
      ["UITVOERING", "2023-03-01T10:00:00.000Z", "2024-05-01T10:00:00.000Z", 2],
    ]);
    expect(row.milestones.map((milestone) => milestone.label)).toEqual(["Startavond"]);
    expect(row.from).toEqual(new Date("2022-01-10"));
    expect(row.to).toEqual(today);
  });

  it("an afgerond experiment's row ends at its last update; every experiment has a row, on one axis over all of them", async () => {
    const timeline = await getProgrammeTimeline(today);
    const done = timeline.rows.find((r) => r.experiment.id === doneId)!;
    expect(done.to).toEqual(new Date("2023-09-01T10:00:00Z"));
    expect(timeline.rows).toHaveLength(await db.experiment.count());
    expect(timeline.axis!.from.getTime()).toBeLessThanOrEqual(new Date("2021-01-01").getTime());
    expect(timeline.axis!.to.getTime()).toBeGreaterThanOrEqual(today.getTime());
  });
});
