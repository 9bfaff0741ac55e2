/** Percentiles (nearest rank) and timing helpers for the bench. */
export function percentile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export type Summary = { p50: number; p95: number; min: number; max: number; n: number };

export function summarize(samples: readonly number[]): Summary {
  return {
    p50: percentile(samples, 0.5),
    p95: percentile(samples, 0.95),
    min: Math.min(...samples),
    max: Math.max(...samples),
    n: samples.length,
  };
}

/** Milliseconds with one decimal. */
export const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : "—");
