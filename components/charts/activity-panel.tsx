import type { ReactNode } from "react";
import type { ActivitySeries } from "@/lib/analytics/activity";

/** Comments are drawn in slate-500: 4.8:1 against white, above the 3:1 that graphics need. */
export const COMMENT_COLOR = "#64748b";
const SLOT = 10;
const BAR = 7;
/** Half the chart's height on each side of the baseline, in viewBox units. */
const HALF = 48;
/** A month with something in it never draws thinner than this, so a 1 stays visible next to a 40. */
const MIN_BAR = 2;

const height = (value: number, max: number) => (value <= 0 || max <= 0 ? 0 : Math.max(MIN_BAR, (value / max) * HALF));

/**
 * One small chart: updates per month as bars above the baseline (in the
 * opgave's colour), comments below it (grey), on scales shared by the panels
 * so they compare. The SVG is an image with a title and a summary; each bar's
 * own title is a tooltip for mouse users, the numbers are in the table.
 */
export function ActivityPanel({
  id,
  series,
  color,
  max,
  title,
  summary,
  barLabel,
  heading,
  footer,
  tall = false,
}: {
  id: string;
  series: ActivitySeries;
  color: string;
  max: { updates: number; comments: number };
  title: string;
  summary: string;
  barLabel: (index: number, kind: "updates" | "comments") => string;
  heading: ReactNode;
  footer: ReactNode;
  tall?: boolean;
}) {
  const width = series.updates.length * SLOT;
  return (
    <figure className="space-y-1 rounded border border-slate-300 bg-white p-3">
      <figcaption className="font-semibold">{heading}</figcaption>
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${width} ${HALF * 2 + 2}`}
        preserveAspectRatio="none"
        className={`block w-full ${tall ? "h-40" : "h-24"}`}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        {series.updates.map((value, index) => {
          const h = height(value, max.updates);
          return h ? (
            <rect key={`u${index}`} x={index * SLOT + (SLOT - BAR) / 2} y={HALF - h} width={BAR} height={h} fill={color}>
              <title>{barLabel(index, "updates")}</title>
            </rect>
          ) : null;
        })}
        {series.comments.map((value, index) => {
          const h = height(value, max.comments);
          return h ? (
            <rect key={`c${index}`} x={index * SLOT + (SLOT - BAR) / 2} y={HALF + 2} width={BAR} height={h} fill={COMMENT_COLOR}>
              <title>{barLabel(index, "comments")}</title>
            </rect>
          ) : null;
        })}
        <rect x={0} y={HALF} width={width} height={2} fill="#334155" />
      </svg>
      <div className="text-sm text-slate-700">{footer}</div>
    </figure>
  );
}
