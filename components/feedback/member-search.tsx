"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { NO_MEMBERS, searchMembers, type Member } from "@/components/comments/members-api";

export type { Member };

const pickClass =
  "inline-flex items-center rounded border border-brand bg-white px-3 py-1 text-sm font-semibold text-brand hover:bg-brand-light disabled:opacity-60";

/**
 * Finds anyone else by name through the member search of the mentions
 * (/api/members: active members, never the asker). The field has no name, so
 * it is not sent with the form; a found person becomes a choice through
 * `onPick`.
 */
export function MemberSearch({
  exclude,
  full,
  onPick,
}: {
  /** Ids already chosen (or suggested): not listed again. */
  exclude: ReadonlySet<string>;
  /** The request has as many people as it may: the buttons are off. */
  full: boolean;
  onPick: (member: Member) => void;
}) {
  const t = useTranslations("feedback.ask");
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState("");
  const [found, setFound] = useState<Member[]>(NO_MEMBERS);
  const [status, setStatus] = useState("");
  const query = text.trim().slice(0, 50);

  useEffect(() => {
    if (!query) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const { ok, members } = await searchMembers(query, controller.signal);
        if (controller.signal.aborted) return;
        setFound(members);
        setStatus(ok ? t("searchResults", { count: members.length }) : t("searchFailed"));
      } catch (error) {
        if ((error as { name?: string }).name !== "AbortError") setStatus(t("searchFailed"));
      }
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, t]);

  // Enter in the search field would send the request form: the search runs as one types anyway.
  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "Enter") event.preventDefault();
  }

  function pick(member: Member) {
    onPick(member);
    setStatus(t("picked", { name: member.name }));
    inputRef.current?.focus();
  }

  const shown = query ? found.filter((member) => !exclude.has(member.id)) : NO_MEMBERS;

  return (
    <div className="space-y-2">
      <label htmlFor={`${id}-q`} className="block font-semibold text-slate-900">
        {t("searchLabel")}
      </label>
      <p id={`${id}-hint`} className="text-sm text-slate-700">
        {t("searchHint")}
      </p>
      <input
        ref={inputRef}
        id={`${id}-q`}
        type="search"
        autoComplete="off"
        maxLength={50}
        value={text}
        aria-describedby={`${id}-hint`}
        onChange={(event) => {
          setText(event.target.value);
          if (!event.target.value.trim()) {
            setFound(NO_MEMBERS);
            setStatus("");
          }
        }}
        onKeyDown={onKeyDown}
        className="block w-full max-w-md rounded border border-slate-500 bg-white px-3 py-2 text-base text-slate-900"
      />
      <p role="status" className="text-sm text-slate-700">
        {status}
      </p>
      {shown.length ? (
        <ul aria-label={t("resultsLabel")} className="space-y-2">
          {shown.map((member) => (
            <li key={member.id} className="flex flex-wrap items-center gap-3">
              <span>
                <span className="font-semibold">{member.name}</span>
                {member.municipality ? <span className="text-sm text-slate-700"> ({member.municipality})</span> : null}
              </span>
              <button type="button" disabled={full} onClick={() => pick(member)} className={pickClass}>
                {t("pick")}
                <span className="sr-only"> {member.name}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
