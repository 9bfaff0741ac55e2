import Link from "next/link";
import { SimpleTable } from "@/components/ui/simple-table";
import type { ProgrammeTimeline } from "@/lib/analytics/timeline-queries";
import { getTimelineWords } from "./timeline-words";

/** The programme timeline as text: per experiment its span, a table of its phases with dates, and its milestones. */
export async function ProgrammeTimelineText({ timeline }: { timeline: ProgrammeTimeline }) {
  const words = await getTimelineWords();
  const { t, day } = words;
  return (
    <div className="space-y-8">
      {timeline.rows.map((row) => {
        const headingId = `tijdlijn-${row.experiment.id}`;
        const running = row.experiment.phase !== "AFGEROND";
        return (
          <div key={row.experiment.id} role="group" aria-labelledby={headingId} className="space-y-2 break-inside-avoid">
            <h3 id={headingId} className="text-lg font-semibold">
              <Link href={`/experimenten/${row.experiment.slug}`}>{row.experiment.title}</Link>
              <span className="font-normal text-slate-700"> — {row.experiment.municipality.name}</span>
            </h3>
            <p className="text-sm">
              {running ? t("spanRunning", { from: day(row.from) }) : t("spanDone", { from: day(row.from), to: day(row.to) })}
            </p>
            {row.bands.length ? (
              <SimpleTable
                caption={t("phaseCaption", { title: row.experiment.title })}
                headers={[
                  { label: t("phaseColumn") },
                  { label: t("fromColumn") },
                  { label: t("toColumn") },
                  { label: t("updatesColumn"), className: "text-right" },
                ]}
              >
                {row.bands.map((band, index) => (
                  <tr key={`${band.phase}-${index}`} className="border-b border-slate-200">
                    <th scope="row" className="p-2 font-semibold">
                      {words.tPhase(band.phase)}
                    </th>
                    <td className="p-2">
                      <time dateTime={band.from.toISOString()}>{day(band.from)}</time>
                    </td>
                    <td className="p-2">
                      <time dateTime={band.to.toISOString()}>{day(band.to)}</time>
                    </td>
                    <td className="p-2 text-right tabular-nums">{band.updates}</td>
                  </tr>
                ))}
              </SimpleTable>
            ) : (
              <p className="text-sm text-slate-700">{t("noPhases")}</p>
            )}
            {row.milestones.length ? (
              <div className="text-sm">
                <p className="font-semibold">{t("milestonesLabel")}:</p>
                <ul className="list-disc space-y-1 pl-6">
                  {row.milestones.map((milestone) => (
                    <li key={milestone.id}>
                      <time dateTime={milestone.date.toISOString()}>{day(milestone.date)}</time>: {milestone.label} (
                      <Link href={`/updates/${milestone.id}`}>{milestone.title}</Link>)
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}
