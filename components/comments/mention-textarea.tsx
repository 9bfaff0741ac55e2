"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useImperativeHandle, useRef, useState, type KeyboardEvent, type Ref } from "react";
import { mentionToken } from "@/lib/comments/mentions";
import { NO_MEMBERS, searchMembers, type Member } from "./members-api";

type Query = { start: number; end: number; text: string };

/**
 * The `@name` being typed right before the caret: an @ at the start or after
 * a space or bracket, then up to 40 characters without line breaks (names
 * have spaces, so a few spaces are allowed).
 */
function queryAt(text: string, caret: number): Query | null {
  const before = text.slice(0, caret);
  const match = /(?:^|[\s(])@([^\s@[\]()][^@\n[\]()]{0,39})$/u.exec(before);
  const typed = match?.[1];
  if (!typed) return null;
  if ((typed.match(/ /g) ?? []).length > 3 || typed.endsWith("  ")) return null;
  return { start: caret - typed.length - 1, end: caret, text: typed };
}

export type MentionTextareaProps = {
  id: string;
  name: string;
  defaultValue?: string;
  rows?: number;
  describedBy?: string;
  invalid?: boolean;
  /** Receives the textarea element (React 19 passes `ref` as a prop). */
  ref?: Ref<HTMLTextAreaElement | null>;
  /** Ctrl/Cmd+Enter. */
  onSubmitShortcut?: () => void;
  onLengthChange?: (length: number) => void;
};

/**
 * A Markdown text field in which `@` and a few letters open a list of members
 * (from /api/members) to mention, as an ARIA 1.2 combobox: the textarea is
 * the combobox, the list a listbox; ArrowDown/ArrowUp move through it,
 * Enter or Tab picks, Escape closes. Picking inserts `@[Name](user:<id>)`.
 * Without a pick the text is left as typed.
 */
export function MentionTextarea({
  id,
  name,
  defaultValue = "",
  rows = 5,
  describedBy,
  invalid,
  ref,
  onSubmitShortcut,
  onLengthChange,
}: MentionTextareaProps) {
  const t = useTranslations("comments");
  const listboxId = useId();
  const statusId = useId();
  const ownRef = useRef<HTMLTextAreaElement | null>(null);
  const [value, setValue] = useState(defaultValue);
  const [query, setQuery] = useState<Query | null>(null);
  const [members, setMembers] = useState<Member[]>(NO_MEMBERS);
  const [active, setActive] = useState(0);
  const [status, setStatus] = useState("");
  // Escape closes the list for this @ until the writer types another one.
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const caretAfterPick = useRef<number | null>(null);
  // The component needs the textarea itself too, so the caller's ref gets the same element through a handle.
  useImperativeHandle<HTMLTextAreaElement | null, HTMLTextAreaElement | null>(ref, () => ownRef.current, []);

  const open = query !== null && members.length > 0;
  const searchText = query?.text ?? "";

  useEffect(() => {
    onLengthChange?.(value.length);
  }, [value, onLengthChange]);

  // Ask the server for members while an @name is being typed (a little after the last key).
  useEffect(() => {
    if (!searchText) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const { ok, members: found } = await searchMembers(searchText.slice(0, 50), controller.signal);
        // The writer has moved on (the search was cancelled while its answer was being read).
        if (controller.signal.aborted) return;
        setMembers(found);
        setActive(0);
        // Say how many were found; stay quiet while typing a word after a name that matches nobody.
        if (found.length > 0 || !searchText.includes(" ")) setStatus(t("mentionResults", { count: found.length }));
        if (!ok) setStatus(t("mentionFailed"));
      } catch (error) {
        if ((error as { name?: string }).name !== "AbortError") setStatus(t("mentionFailed"));
      }
    }, 150);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [searchText, t]);

  // Put the caret right after an inserted mention.
  useEffect(() => {
    const caret = caretAfterPick.current;
    if (caret === null || !ownRef.current) return;
    caretAfterPick.current = null;
    ownRef.current.setSelectionRange(caret, caret);
  }, [value]);

  function look(text: string, caret: number) {
    const found = queryAt(text, caret);
    if (!found || found.start === dismissedAt) {
      // No @name any more: the last search's members go with it.
      setQuery(null);
      setMembers(NO_MEMBERS);
      if (!found) setDismissedAt(null);
      return;
    }
    setQuery(found);
  }

  function close() {
    setQuery(null);
    setMembers(NO_MEMBERS);
    setStatus("");
  }

  function pick(member: Member) {
    if (!query) return;
    const insert = `${mentionToken(member)} `;
    const rest = value.slice(query.end).replace(/^ /, "");
    const next = value.slice(0, query.start) + insert + rest;
    caretAfterPick.current = query.start + insert.length;
    setValue(next);
    close();
    setStatus(t("mentionPicked", { name: member.name }));
    ownRef.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      close();
      onSubmitShortcut?.();
      return;
    }
    if (!open) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((current) => (current + step + members.length) % members.length);
    } else if ((event.key === "Enter" || event.key === "Tab") && !event.shiftKey) {
      const member = members[active];
      if (!member) return;
      event.preventDefault();
      pick(member);
    } else if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      setDismissedAt(query?.start ?? null);
      close();
    }
  }

  const activeId = open ? `${listboxId}-${active}` : undefined;

  return (
    <div className="relative">
      <textarea
        ref={ownRef}
        id={id}
        name={name}
        rows={rows}
        value={value}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listboxId}
        aria-activedescendant={activeId}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        spellCheck
        onChange={(event) => {
          setValue(event.target.value);
          look(event.target.value, event.target.selectionStart);
        }}
        onSelect={(event) => {
          const target = event.currentTarget;
          if (target.selectionStart === target.selectionEnd) look(target.value, target.selectionStart);
          else close();
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          // A click on an option keeps the focus (mousedown is prevented there), so this is a real leave.
          close();
        }}
        className="block w-full rounded border border-slate-500 bg-white px-3 py-2 text-base text-slate-900 aria-[invalid=true]:border-2 aria-[invalid=true]:border-red-700"
      />
      <ul
        id={listboxId}
        role="listbox"
        aria-label={t("mentionList")}
        hidden={!open}
        className="absolute left-0 right-0 top-full z-20 mt-1 max-h-72 overflow-y-auto rounded border border-slate-500 bg-white py-1 shadow-lg"
      >
        {open
          ? members.map((member, index) => (
              <li
                key={member.id}
                id={`${listboxId}-${index}`}
                role="option"
                aria-selected={index === active}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => pick(member)}
                onMouseMove={() => setActive(index)}
                className="cursor-pointer px-3 py-2 aria-selected:bg-brand aria-selected:text-white"
              >
                <span className="font-semibold">{member.name}</span>
                {member.municipality ? <span className="ml-2 text-sm">({member.municipality})</span> : null}
              </li>
            ))
          : null}
      </ul>
      <p id={statusId} role="status" className="sr-only">
        {status}
      </p>
    </div>
  );
}
