import { describe, expect, it } from "vitest";
import { axisPercent, milestonesOf, phaseBands, rowSpan, summarizePhases, timeAxis, timelineRow } from "@/lib/analytics/timeline";
import type { ExperimentPhase } from "@/lib/generated/prisma/enums";

const day = (iso: string) => new Date(`${iso}T12:00:00Z`);
let counter = 0;
const update = (phase: ExperimentPhase, publishedAt: string | null, milestone: string | null = null) => ({
  id: `u${++counter}`,
  title: `Update ${counter}`,
  phase,
  milestone,
  publishedAt: publishedAt ? day(publishedAt) : null,
});
const iso = (date: Date) => date.toISOString().slice(0, 10);
const bandsOf = (updates: ReturnType<typeof update>[]) =>
  phaseBands(summarizePhases(updates)).map((band) => [band.phase, iso(band.from), iso(band.to), band.updates]);

describe("phase bands of an experiment's timeline", () => {
  it("a band per phase, from its first update to the next phase's first, the last phase to its own last update", () => {
    expect(
      bandsOf([
        update("VERKENNING", "2021-01-10"),
        update("VERKENNING", "2021-03-01"),
        update("PLANVORMING", "2021-06-01"),
        update("UITVOERING", "2022-02-01"),
        update("UITVOERING", "2023-05-01"),
      ]),
    ).toEqual([
      ["VERKENNING", "2021-01-10", "2021-06-01", 2],
      ["PLANVORMING", "2021-06-01", "2022-02-01", 1],
      ["UITVOERING", "2022-02-01", "2023-05-01", 2],
    ]);
  });

  it("a late update about an earlier phase counts for it but does not stretch its band over the next phase", () => {
    expect(bandsOf([update("VERKENNING", "2021-01-10"), update("UITVOERING", "2021-04-01"), update("VERKENNING", "2021-09-01")])).toEqual([
      ["VERKENNING", "2021-01-10", "2021-04-01", 2],
      ["UITVOERING", "2021-04-01", "2021-04-01", 1],
    ]);
  });

  it("orders the bands by when the phases began, whatever the order of the updates; the same day follows the phase order", () => {
    expect(bandsOf([update("EVALUATIE", "2024-01-01"), update("UITVOERING", "2022-01-01"), update("PLANVORMING", "2022-01-01")])).toEqual([
      ["PLANVORMING", "2022-01-01", "2022-01-01", 1],
      ["UITVOERING", "2022-01-01", "2024-01-01", 1],
      ["EVALUATIE", "2024-01-01", "2024-01-01", 1],
    ]);
  });

  it("leaves out updates without a publication date, and has no bands without updates", () => {
    expect(bandsOf([update("VERKENNING", null)])).toEqual([]);
    expect(bandsOf([])).toEqual([]);
  });
});

describe("milestones and the row's span", () => {
  it("milestones are the updates with a milestone label, oldest first; blank labels are none", () => {
    const milestones = milestonesOf([
      update("UITVOERING", "2023-01-01", "Tweede avond"),
      update("UITVOERING", "2022-01-01", "  Eerste avond "),
      update("UITVOERING", "2022-06-01", "   "),
      update("UITVOERING", null, "Nog niet gepubliceerd"),
    ]);
    expect(milestones.map((m) => [m.label, iso(m.date)])).toEqual([
      ["Eerste avond", "2022-01-01"],
      ["Tweede avond", "2023-01-01"],
    ]);
  });

  it("a running experiment's row runs from its start date to today; an afgerond one to its last update", () => {
    const updates = [update("UITVOERING", "2022-03-01"), update("AFGEROND", "2024-02-01", "Oplevering")];
    const today = day("2026-11-30");
    expect(timelineRow({ startDate: day("2021-05-01"), phase: "UITVOERING", updates, today })).toMatchObject({
      from: day("2021-05-01"),
      to: today,
    });
    expect(timelineRow({ startDate: day("2021-05-01"), phase: "AFGEROND", updates, today })).toMatchObject({
      from: day("2021-05-01"),
      to: day("2024-02-01"),
    });
  });

  it("an update before the start date moves the row's start back; without updates an afgerond row is its start day", () => {
    const bands = phaseBands(summarizePhases([update("VERKENNING", "2020-11-01")]));
    expect(rowSpan({ startDate: day("2021-01-01"), phase: "VERKENNING", bands, milestones: [], today: day("2022-01-01") })).toEqual({
      from: day("2020-11-01"),
      to: day("2022-01-01"),
    });
    expect(rowSpan({ startDate: day("2021-01-01"), phase: "AFGEROND", bands: [], milestones: [], today: day("2022-01-01") })).toEqual({
      from: day("2021-01-01"),
      to: day("2021-01-01"),
    });
  });
});

describe("the time axis", () => {
  it("runs from the start of the first quarter to the start of the quarter after the last day, a tick per quarter", () => {
    const axis = timeAxis([
      { from: day("2021-05-10"), to: day("2022-02-01") },
      { from: day("2021-08-01"), to: day("2022-08-15") },
    ])!;
    expect(iso(axis.from)).toBe("2021-04-01");
    expect(iso(axis.to)).toBe("2022-10-01");
    expect(axis.ticks.map((tick) => `${iso(tick.date)} ${tick.kind}`)).toEqual([
      "2021-04-01 quarter",
      "2021-07-01 quarter",
      "2021-10-01 quarter",
      "2022-01-01 year",
      "2022-04-01 quarter",
      "2022-07-01 quarter",
      "2022-10-01 quarter",
    ]);
    expect(axis.labelQuarters).toBe(true);
  });

  it("labels only the years on long spans, and has no axis without rows", () => {
    expect(timeAxis([{ from: day("2019-01-01"), to: day("2026-11-30") }])!.labelQuarters).toBe(false);
    expect(timeAxis([])).toBeNull();
  });

  it("places a date in percent of the axis, clamped to 0–100", () => {
    const axis = { from: new Date("2020-01-01T00:00:00Z"), to: new Date("2022-01-01T00:00:00Z") };
    expect(axisPercent(axis, new Date("2021-01-01T00:00:00Z"))).toBeCloseTo(50.07, 1);
    expect(axisPercent(axis, new Date("2019-01-01T00:00:00Z"))).toBe(0);
    expect(axisPercent(axis, new Date("2030-01-01T00:00:00Z"))).toBe(100);
    expect(axisPercent({ from: axis.from, to: axis.from }, axis.from)).toBe(0);
  });
});
