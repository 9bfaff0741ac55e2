import Link from "next/link";
import type { TimeAxis } from "@/lib/analytics/timeline";
import type { ProgrammeTimeline } from "@/lib/analytics/timeline-queries";
import { TimelineAxis } from "./timeline-axis";
import { TimelineTrack } from "./timeline-track";
import { getTimelineWords } from "./timeline-words";

/** The label column and the axis: fixed on screen (the container scrolls), a share of the page when printed. */
const columns = "grid grid-cols-[13rem_1fr] gap-x-3 print:grid-cols-[30%_1fr]";

/**
 * All experiments side by side on one time axis, one row each. On a narrow
 * screen the chart scrolls inside its own focusable region; printed, it fits
 * the page width. The tables after it are its text alternative.
 */
export async function ProgrammeTimelineChart({ timeline, axis }: { timeline: ProgrammeTimeline; axis: TimeAxis }) {
  const words = await getTimelineWords();
  const { t } = words;
  return (
    <div
      role="region"
      aria-label={t("regionLabel")}
      tabIndex={0}
      className="overflow-x-auto rounded border border-slate-300 bg-white p-3 print:overflow-visible print:border-0 print:p-0"
    >
      <div className="min-w-[48rem] print:min-w-0">
        <div className={columns}>
          <span className="self-end pb-1 text-sm font-semibold">{t("experimentColumn")}</span>
          <TimelineAxis axis={axis} quarterLabel={words.quarter} />
        </div>
        <ul>
          {timeline.rows.map((row) => (
            <li key={row.experiment.id} className={`${columns} items-center border-t border-slate-100 py-1 break-inside-avoid`}>
              <div className="min-w-0 text-sm leading-snug">
                <Link href={`/experimenten/${row.experiment.slug}`} className="font-semibold">
                  {row.experiment.title}
                </Link>
                <span className="block text-slate-700">{row.experiment.municipality.name}</span>
              </div>
              <TimelineTrack axis={axis} row={row} today={timeline.today} describe={words} />
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
