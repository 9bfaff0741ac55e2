import type { ExperimentPhase } from "@/lib/generated/prisma/enums";

/**
 * One colour per phase, each at least 4.5:1 against white (a graphic needs
 * 3:1), with hues far apart; the legend and the text alternative name them,
 * so colour is never the only cue.
 */
export const PHASE_COLORS: Record<ExperimentPhase, string> = {
  VERKENNING: "#2563eb",
  PLANVORMING: "#7c3aed",
  UITVOERING: "#15803d",
  EVALUATIE: "#c2410c",
  AFGEROND: "#475569",
};

/** The line of an experiment's span, the milestone outline and the "today" marker. */
export const TRACK_COLOR = "#64748b";
export const MILESTONE_COLOR = "#0f172a";
export const TODAY_COLOR = "#b45309";
