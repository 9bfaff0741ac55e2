"use client";

import { useTranslations } from "next-intl";
import { useOptimistic, useState, useTransition } from "react";
import { toggleAppreciationAction } from "@/lib/appreciation/actions";

export type Appreciator = { id: string; name: string; municipality: string | null };

export type AppreciationButtonProps = {
  target: { updateId: string } | { commentId: string };
  count: number;
  appreciated: boolean;
  /** False on one's own update or comment: then only the count shows. */
  canToggle: boolean;
  /** Only for the update's author: who marked it. */
  appreciators?: Appreciator[] | null;
  /** Extra context for screen readers, e.g. "Vond je deze update nuttig?". */
  describedBy?: string;
  /** Leave out "nobody found this useful yet" (for comments, where it would repeat under every one). */
  compact?: boolean;
};

/**
 * "Nuttig": a toggle button (aria-pressed) with the count beside it. The
 * button shows the new state at once and sends the wanted state (not
 * "toggle"), so a double click cannot flip it twice on the server. For the
 * update's author a disclosure lists who found it useful.
 */
export function AppreciationButton({
  target,
  count,
  appreciated,
  canToggle,
  appreciators,
  describedBy,
  compact = false,
}: AppreciationButtonProps) {
  const t = useTranslations("appreciation");
  const errorsT = useTranslations("errors");
  const [optimistic, setOptimistic] = useOptimistic({ count, appreciated });
  const [error, setError] = useState<string | null>(null);
  const [, startTransition] = useTransition();

  function toggle() {
    const next = !optimistic.appreciated;
    setError(null);
    startTransition(async () => {
      setOptimistic({ appreciated: next, count: Math.max(0, optimistic.count + (next ? 1 : -1)) });
      const formData = new FormData();
      if ("updateId" in target) formData.set("updateId", target.updateId);
      else formData.set("commentId", target.commentId);
      formData.set("appreciated", String(next));
      try {
        const result = await toggleAppreciationAction(null, formData);
        if (!result.ok) setError(errorsT.has(result.error) ? errorsT(result.error) : t("failed"));
      } catch {
        setError(t("failed"));
      }
    });
  }

  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-2 text-sm">
      {canToggle ? (
        <button
          type="button"
          aria-pressed={optimistic.appreciated}
          aria-describedby={describedBy}
          onClick={toggle}
          className="inline-flex items-center gap-1.5 rounded border-2 border-brand bg-white px-3 py-1 font-semibold text-brand hover:bg-brand-light aria-pressed:bg-brand aria-pressed:text-white"
        >
          <span aria-hidden="true">{optimistic.appreciated ? "✓" : "+"}</span>
          {t("button")}
        </button>
      ) : null}
      {optimistic.count > 0 || !compact ? <span className="text-slate-700">{t("count", { count: optimistic.count })}</span> : null}
      {appreciators ? (
        <details className="basis-full">
          <summary className="cursor-pointer font-semibold text-brand underline underline-offset-2">{t("who")}</summary>
          {appreciators.length ? (
            <ul className="mt-2 list-disc space-y-1 pl-6">
              {appreciators.map((person) => (
                <li key={person.id}>
                  {person.name}
                  {person.municipality ? <span className="text-slate-700"> ({person.municipality})</span> : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-2 text-slate-700">{t("nobody")}</p>
          )}
        </details>
      ) : null}
      {error ? (
        <p role="alert" className="basis-full font-semibold text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
