"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useFieldErrors } from "@/components/form/action-form";
import { FieldErrors } from "@/components/form/fields";
import { FEEDBACK_PEERS_MAX } from "@/lib/feedback/limits";
import type { FeedbackSuggestionRow } from "@/lib/feedback/suggestions-sql";
import { MemberSearch, type Member } from "./member-search";

const boxClass = "mt-1 h-5 w-5 shrink-0 accent-brand";

/**
 * "Aan wie vraag je het?": the suggested peers as checkboxes (each with why:
 * "werkt ook aan: armoede, aardgasvrij"), a search for anyone else, and the
 * people found that way as checked boxes under "Ook gekozen". Every checked
 * box sends `peerIds`; past FEEDBACK_PEERS_MAX the unchecked ones are off.
 */
export function PeerPicker({ suggestions }: { suggestions: FeedbackSuggestionRow[] }) {
  const t = useTranslations("feedback.ask");
  const id = useId();
  const errors = useFieldErrors("peerIds");
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set());
  const [found, setFound] = useState<Member[]>([]);
  const full = chosen.size >= FEEDBACK_PEERS_MAX;
  const suggested = new Set(suggestions.map((suggestion) => suggestion.id));

  function toggle(userId: string, on: boolean) {
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(userId);
      else next.delete(userId);
      return next;
    });
    if (!on) setFound((current) => current.filter((member) => member.id !== userId));
  }

  function pick(member: Member) {
    if (!suggested.has(member.id)) setFound((current) => (current.some((m) => m.id === member.id) ? current : [...current, member]));
    toggle(member.id, true);
  }

  const describedBy = [`${id}-hint`, errors.length ? `${id}-error` : null, `${id}-count`].filter(Boolean).join(" ");

  return (
    <fieldset aria-describedby={describedBy} className="space-y-4 rounded border border-slate-300 bg-white p-4">
      <legend className="px-1 text-lg font-semibold">{t("peersLegend")}</legend>
      <p id={`${id}-hint`} className="text-sm text-slate-700">
        {t("peersHint")}
      </p>
      <FieldErrors id={id} errors={errors} />

      <div className="space-y-2">
        <p id={`${id}-suggested`} className="font-semibold">
          {t("suggestionsHeading")}
        </p>
        {suggestions.length ? (
          <ul aria-labelledby={`${id}-suggested`} className="space-y-3">
            {suggestions.map((suggestion) => (
              <li key={suggestion.id}>
                <label className="flex items-start gap-3">
                  <input
                    type="checkbox"
                    name="peerIds"
                    value={suggestion.id}
                    checked={chosen.has(suggestion.id)}
                    disabled={full && !chosen.has(suggestion.id)}
                    onChange={(event) => toggle(suggestion.id, event.target.checked)}
                    className={boxClass}
                  />
                  <span>
                    <span className="font-semibold">{suggestion.name}</span>
                    {suggestion.municipality ? <span className="text-slate-700"> ({suggestion.municipality})</span> : null}
                    <span className="block text-sm text-slate-700">{t("worksOn", { opgaven: suggestion.opgaven.join(", ") })}</span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-700">{t("noSuggestions")}</p>
        )}
      </div>

      <MemberSearch exclude={new Set([...chosen, ...suggested])} full={full} onPick={pick} />

      {found.length ? (
        <div className="space-y-2">
          <p id={`${id}-found`} className="font-semibold">
            {t("chosenHeading")}
          </p>
          <ul aria-labelledby={`${id}-found`} className="space-y-2">
            {found.map((member) => (
              <li key={member.id}>
                <label className="flex items-start gap-3">
                  <input
                    type="checkbox"
                    name="peerIds"
                    value={member.id}
                    checked={chosen.has(member.id)}
                    onChange={(event) => toggle(member.id, event.target.checked)}
                    className={boxClass}
                  />
                  <span>
                    <span className="font-semibold">{member.name}</span>
                    {member.municipality ? <span className="text-slate-700"> ({member.municipality})</span> : null}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <p id={`${id}-count`} aria-live="polite" className="text-sm font-semibold">
        {t("chosenCount", { count: chosen.size })}
      </p>
    </fieldset>
  );
}
