import { getFormatter, getTranslations } from "next-intl/server";
import type { Milestone, PhaseBand } from "@/lib/analytics/timeline";

/** The words every timeline uses: its translations, a day, and a phase band or milestone in one line. */
export async function getTimelineWords() {
  const [t, tPhase, format] = await Promise.all([getTranslations("timeline"), getTranslations("phases"), getFormatter()]);
  const day = (date: Date) => format.dateTime(date, { dateStyle: "medium" });
  return {
    t,
    tPhase,
    day,
    /** "Uitvoering: 3 mrt 2024 – 1 mei 2025 (4 updates)". */
    band: (band: PhaseBand) => t("bandSummary", { phase: tPhase(band.phase), from: day(band.from), to: day(band.to), count: band.updates }),
    /** "Eerste bewonersavond (3 mrt 2024)". */
    milestone: (milestone: Milestone) => t("milestoneSummary", { label: milestone.label, date: day(milestone.date) }),
    quarter: (quarter: number) => t("quarter", { quarter }),
  };
}
