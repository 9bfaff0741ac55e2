import { axisPercent, type TimeAxis } from "@/lib/analytics/timeline";

/** Tick labels closer to the right edge than this (percent) are left out: they would run off the axis. */
const LAST_LABEL_PERCENT = 96;

/**
 * The labels of a time axis (years, and quarters on short spans), as SVG
 * positioned like TimelineTrack's grid. Hidden from assistive technology: the
 * text alternative gives every date in words.
 */
export function TimelineAxis({ axis, quarterLabel }: { axis: TimeAxis; quarterLabel: (quarter: number) => string }) {
  const labels = axis.ticks.filter(
    (tick) => (tick.kind === "year" || axis.labelQuarters) && axisPercent(axis, tick.date) <= LAST_LABEL_PERCENT,
  );
  return (
    <svg width="100%" height={22} aria-hidden="true" focusable="false" className="block overflow-visible">
      {labels.map((tick) => {
        const x = `${axisPercent(axis, tick.date).toFixed(3)}%`;
        return (
          <g key={tick.date.toISOString()}>
            <line x1={x} x2={x} y1={14} y2={22} stroke="#475569" strokeWidth={1} />
            <text
              x={x}
              y={12}
              dx={3}
              fontSize={tick.kind === "year" ? 13 : 11}
              fontWeight={tick.kind === "year" ? 600 : 400}
              fill="#334155"
            >
              {tick.kind === "year" ? tick.year : quarterLabel(tick.quarter)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
