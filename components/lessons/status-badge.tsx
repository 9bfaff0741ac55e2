import type { LessonStatus } from "@/lib/generated/prisma/enums";

// Dark text on a light tint with a border: the word carries the meaning, the colour is a second cue.
const STYLE: Record<LessonStatus, string> = {
  HYPOTHESE: "border-amber-800 bg-amber-50 text-amber-900",
  ONDERBOUWD: "border-sky-800 bg-sky-50 text-sky-900",
  BEVESTIGD: "border-green-800 bg-green-50 text-green-900",
};

/** A lesson's status as a badge; `prefix` ("Status:") is read by screen readers only. */
export function LessonStatusBadge({ status, label, prefix }: { status: LessonStatus; label: string; prefix: string }) {
  return (
    <span className={`inline-block rounded border px-2 py-0.5 text-sm font-semibold ${STYLE[status]}`}>
      <span className="sr-only">{prefix} </span>
      {label}
    </span>
  );
}
