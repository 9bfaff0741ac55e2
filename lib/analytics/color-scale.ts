/**
 * The matrix's sequential colour scale: colour is a second cue next to the
 * number, so every step keeps at least 4.5:1 contrast with its own text
 * (WCAG 2.1 AA for normal text). Light steps carry dark text, dark ones white.
 */

export type ScaleStep = { background: string; text: string };

/** A cell with nothing in it. */
export const ZERO_STEP: ScaleStep = { background: "#ffffff", text: "#475569" };

/** From few to many, in the brand's green. */
export const SCALE_STEPS: readonly ScaleStep[] = [
  { background: "#eef6f3", text: "#0f172a" },
  { background: "#cfe6dd", text: "#0f172a" },
  { background: "#a3cfbf", text: "#0f172a" },
  { background: "#6fb39b", text: "#0f172a" },
  { background: "#2f7a61", text: "#ffffff" },
  { background: "#1f5f4a", text: "#ffffff" },
  { background: "#123a2d", text: "#ffffff" },
];

/** The diagonal of the opgave view (an opgave's own total), set apart from the pairs. */
export const TOTAL_STEP: ScaleStep = { background: "#f1f5f9", text: "#0f172a" };

/** The step for `value` on a scale up to `max`: 0 has its own, the rest spread evenly. */
export function scaleStep(value: number, max: number): ScaleStep {
  if (value <= 0 || max <= 0) return ZERO_STEP;
  const at = Math.ceil((Math.min(value, max) / max) * SCALE_STEPS.length) - 1;
  return SCALE_STEPS[Math.max(0, Math.min(SCALE_STEPS.length - 1, at))]!;
}

function channel(hex: string): number {
  const value = parseInt(hex, 16) / 255;
  return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
}

function luminance(color: string): number {
  const [r, g, b] = [color.slice(1, 3), color.slice(3, 5), color.slice(5, 7)].map(channel) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The WCAG contrast ratio of two `#rrggbb` colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The whole numbers 1…max each step stands for, for the legend (steps no number reaches are left out). */
export function scaleRanges(max: number): { step: ScaleStep; from: number; to: number }[] {
  const ranges: { step: ScaleStep; from: number; to: number }[] = [];
  for (let value = 1; value <= max; value++) {
    const step = scaleStep(value, max);
    const last = ranges.at(-1);
    if (last?.step === step) last.to = value;
    else ranges.push({ step, from: value, to: value });
  }
  return ranges;
}
