import { getTranslations } from "next-intl/server";
import type { ExperimentPhase } from "@/lib/generated/prisma/enums";
import { MILESTONE_COLOR, PHASE_COLORS, TODAY_COLOR } from "./phase-colors";

const swatch = "inline-block h-4 w-6 shrink-0";

/** What the colours and marks of a timeline mean: the given phases, a milestone and (optionally) today. */
export async function TimelineLegend({ phases, today = false }: { phases: readonly ExperimentPhase[]; today?: boolean }) {
  const t = await getTranslations();
  return (
    <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
      <span className="font-semibold">{t("timeline.legend")}:</span>
      <ul className="flex flex-wrap items-center gap-x-4 gap-y-1">
        {phases.map((phase) => (
          <li key={phase} className="flex items-center gap-1.5">
            <svg className={swatch} viewBox="0 0 24 16" aria-hidden="true" focusable="false">
              <rect x={0} y={2} width={24} height={12} rx={2} fill={PHASE_COLORS[phase]} />
            </svg>
            {t(`phases.${phase}`)}
          </li>
        ))}
        <li className="flex items-center gap-1.5">
          <svg className={swatch} viewBox="0 0 24 16" aria-hidden="true" focusable="false">
            <path d="M12 2 L18 8 L12 14 L6 8 Z" fill="#ffffff" stroke={MILESTONE_COLOR} strokeWidth={2} />
          </svg>
          {t("timeline.milestone")}
        </li>
        {today ? (
          <li className="flex items-center gap-1.5">
            <svg className={swatch} viewBox="0 0 24 16" aria-hidden="true" focusable="false">
              <line x1={12} x2={12} y1={0} y2={16} stroke={TODAY_COLOR} strokeWidth={2} strokeDasharray="4 3" />
            </svg>
            {t("timeline.today")}
          </li>
        ) : null}
      </ul>
    </div>
  );
}
