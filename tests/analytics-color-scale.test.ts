import { describe, expect, it } from "vitest";
import { contrastRatio, SCALE_STEPS, scaleRanges, scaleStep, TOTAL_STEP, ZERO_STEP } from "@/lib/analytics/color-scale";

describe("the matrix's colour scale", () => {
  it("computes WCAG contrast ratios", () => {
    expect(contrastRatio("#ffffff", "#000000")).toBeCloseTo(21, 5);
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
    expect(contrastRatio("#1f5f4a", "#1f5f4a")).toBe(1);
  });

  it("keeps every step at 4.5:1 or more against its own text", () => {
    for (const step of [ZERO_STEP, TOTAL_STEP, ...SCALE_STEPS]) {
      expect(contrastRatio(step.background, step.text), `${step.text} on ${step.background}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("is sequential: each step darker than the one before", () => {
    const againstWhite = SCALE_STEPS.map((step) => contrastRatio(step.background, "#ffffff"));
    for (let i = 1; i < againstWhite.length; i++) expect(againstWhite[i]!).toBeGreaterThan(againstWhite[i - 1]!);
  });

  it("gives 0 its own step, the maximum the darkest and never gets lighter as the number grows", () => {
    expect(scaleStep(0, 10)).toBe(ZERO_STEP);
    expect(scaleStep(3, 0)).toBe(ZERO_STEP);
    expect(scaleStep(1, 1000)).toBe(SCALE_STEPS[0]);
    expect(scaleStep(10, 10)).toBe(SCALE_STEPS.at(-1));
    expect(scaleStep(11, 10)).toBe(SCALE_STEPS.at(-1));
    let previous = 0;
    for (let value = 1; value <= 50; value++) {
      const index = SCALE_STEPS.indexOf(scaleStep(value, 50));
      expect(index).toBeGreaterThanOrEqual(previous);
      previous = index;
    }
  });

  it("describes the numbers of each step for the legend, from 1 to the maximum without gaps", () => {
    expect(scaleRanges(0)).toEqual([]);
    expect(scaleRanges(2).map(({ from, to }) => [from, to])).toEqual([
      [1, 1],
      [2, 2],
    ]);
    const ranges = scaleRanges(30);
    expect(ranges).toHaveLength(SCALE_STEPS.length);
    expect(ranges[0]!.from).toBe(1);
    expect(ranges.at(-1)!.to).toBe(30);
    for (let i = 1; i < ranges.length; i++) expect(ranges[i]!.from).toBe(ranges[i - 1]!.to + 1);
  });
});
