import { PHASE_ORDER, timeAxis, timelineRow, type TimelineRow } from "@/lib/analytics/timeline";
import { currentDay } from "@/lib/analytics/timeline-queries";
import type { ExperimentPhase } from "@/lib/generated/prisma/enums";
import { TimelineAxis } from "./timeline-axis";
import { TimelineLegend } from "./timeline-legend";
import { TimelineTrack } from "./timeline-track";
import { getTimelineWords } from "./timeline-words";

type ChartUpdate = { id: string; title: string; phase: ExperimentPhase; milestone: string | null; publishedAt: Date | null };

/**
 * An experiment's listed updates on a time axis: its phases as bands and its
 * milestones as diamonds, from its start date to today (or its last update
 * once afgerond). The caption says the same in words; the list of updates
 * below it is the full text alternative.
 */
export async function ExperimentTimelineChart({
  experiment,
  updates,
}: {
  experiment: { startDate: Date; phase: ExperimentPhase };
  updates: ChartUpdate[];
}) {
  const words = await getTimelineWords();
  const row: TimelineRow = timelineRow({ startDate: experiment.startDate, phase: experiment.phase, updates, today: currentDay() });
  const axis = timeAxis([row]);
  if (!axis) return null;
  const phases = PHASE_ORDER.filter((phase) => row.bands.some((band) => band.phase === phase));
  return (
    <figure className="space-y-3 rounded border border-slate-300 bg-white p-4 break-inside-avoid">
      <TimelineLegend phases={phases} />
      <div>
        <TimelineAxis axis={axis} quarterLabel={words.quarter} />
        <TimelineTrack axis={axis} row={row} height={40} describe={words} />
      </div>
      <figcaption className="space-y-1 text-sm text-slate-800">
        <p>
          <span className="font-semibold">{words.t("phasesLabel")}:</span>{" "}
          {row.bands.length ? row.bands.map(words.band).join(" · ") : words.t("noPhases")}
        </p>
        {row.milestones.length ? (
          <p>
            <span className="font-semibold">{words.t("milestonesLabel")}:</span> {row.milestones.map(words.milestone).join(" · ")}
          </p>
        ) : null}
      </figcaption>
    </figure>
  );
}
