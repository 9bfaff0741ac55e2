import { axisPercent, type Milestone, type PhaseBand, type TimeAxis, type TimelineRow } from "@/lib/analytics/timeline";
import { MILESTONE_COLOR, PHASE_COLORS, TODAY_COLOR, TRACK_COLOR } from "./phase-colors";

/** A band narrower than this (percent of the axis) is drawn this wide, so a phase of one day still shows. */
const MIN_BAND_PERCENT = 0.4;

const pct = (value: number) => `${value.toFixed(3)}%`;

/**
 * One experiment's row on a time axis, as SVG: the span from start to today
 * (or its last update), a coloured band per phase, a diamond per milestone,
 * the quarter and year grid, and optionally a dashed "today" line.
 * Positions are percentages of the width, so the row stretches with its
 * container (and with the page when printed). Hidden from assistive
 * technology: the text next to it says the same.
 */
export function TimelineTrack({
  axis,
  row,
  height = 28,
  today,
  describe,
}: {
  axis: TimeAxis;
  row: Pick<TimelineRow, "from" | "to" | "bands" | "milestones">;
  height?: number;
  today?: Date;
  /** Tooltips (SVG titles) for mouse users, e.g. "Uitvoering: 3 mrt 2024 – 1 mei 2025 (4 updates)". */
  describe: { band: (band: PhaseBand) => string; milestone: (milestone: Milestone) => string };
}) {
  const at = (date: Date) => axisPercent(axis, date);
  const middle = height / 2;
  const bandInset = Math.round(height * 0.18);
  const diamond = Math.max(5, Math.round(height * 0.28));
  return (
    <svg width="100%" height={height} aria-hidden="true" focusable="false" className="block overflow-visible">
      {axis.ticks.map((tick) => (
        <line
          key={tick.date.toISOString()}
          x1={pct(at(tick.date))}
          x2={pct(at(tick.date))}
          y1={0}
          y2={height}
          stroke={tick.kind === "year" ? "#94a3b8" : "#e2e8f0"}
          strokeWidth={1}
        />
      ))}
      <rect x={pct(at(row.from))} width={pct(Math.max(0, at(row.to) - at(row.from)))} y={middle - 1.5} height={3} fill={TRACK_COLOR} />
      {row.bands.map((band, index) => {
        const from = at(band.from);
        const width = Math.max(MIN_BAND_PERCENT, at(band.to) - from);
        return (
          <rect
            key={`${band.phase}-${index}`}
            x={pct(Math.min(from, 100 - width))}
            width={pct(width)}
            y={bandInset}
            height={height - 2 * bandInset}
            rx={2}
            fill={PHASE_COLORS[band.phase]}
            stroke="#ffffff"
            strokeWidth={1}
          >
            <title>{describe.band(band)}</title>
          </rect>
        );
      })}
      {row.milestones.map((milestone) => (
        <svg key={milestone.id} x={pct(at(milestone.date))} y={0} overflow="visible">
          <path
            d={`M0 ${middle - diamond} L${diamond} ${middle} L0 ${middle + diamond} L${-diamond} ${middle} Z`}
            fill="#ffffff"
            stroke={MILESTONE_COLOR}
            strokeWidth={2}
          >
            <title>{describe.milestone(milestone)}</title>
          </path>
        </svg>
      ))}
      {today ? (
        <line x1={pct(at(today))} x2={pct(at(today))} y1={0} y2={height} stroke={TODAY_COLOR} strokeWidth={2} strokeDasharray="4 3" />
      ) : null}
    </svg>
  );
}
