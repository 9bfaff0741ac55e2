"use client";

import { useTranslations } from "next-intl";
import { useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { Markdown } from "@/components/markdown/markdown";
import type { ActionResult } from "@/lib/action-result";

type Tab = "write" | "preview";
type Preview = { status: "idle" } | { status: "loading" } | { status: "ready"; markdown: string } | { status: "error"; error: string };

export type WritePreviewTabsProps = {
  /** Id base for the tabs and panels. */
  id: string;
  labels: { tabs: string; write: string; preview: string; loading: string; empty: string };
  /** The text to preview, read when the preview tab opens. */
  readText: () => string;
  /** Checks the text on the server as saving would, and hands back what to render. */
  loadPreview: (text: string) => Promise<ActionResult<{ markdown: string }>>;
  /** Turns the checked text into what the page would render (comments: mentions). */
  toDisplay?: (markdown: string) => string;
  idPrefix: string;
  topHeadingLevel?: 2 | 3 | 4 | 5;
  /** When this changes to a truthy value, the writing tab opens again (a refused save with a problem in the text). */
  showWriteOn?: unknown;
  /** The writing panel: toolbar and textarea. */
  children: ReactNode;
};

/**
 * A Schrijven/Voorbeeld tab pair (WAI-ARIA tabs, arrow keys between them)
 * around a Markdown field; the preview uses the same sanitizing Markdown
 * component as the page the text will appear on.
 */
export function WritePreviewTabs({
  id,
  labels,
  readText,
  loadPreview,
  toDisplay = (markdown) => markdown,
  idPrefix,
  topHeadingLevel,
  showWriteOn,
  children,
}: WritePreviewTabsProps) {
  const errorsT = useTranslations("errors");
  const markdownT = useTranslations("markdown");
  const [tab, setTab] = useState<Tab>("write");
  const [preview, setPreview] = useState<Preview>({ status: "idle" });
  const tabRefs = { write: useRef<HTMLButtonElement>(null), preview: useRef<HTMLButtonElement>(null) };
  const previewRequest = useRef(0);

  // Decided while rendering the new value, as React recommends for state that follows a prop.
  const [seenShowWrite, setSeenShowWrite] = useState(showWriteOn);
  if (showWriteOn !== seenShowWrite) {
    setSeenShowWrite(showWriteOn);
    if (showWriteOn) setTab("write");
  }

  async function load() {
    const text = readText();
    const request = ++previewRequest.current;
    if (!text.trim()) {
      setPreview({ status: "ready", markdown: "" });
      return;
    }
    setPreview({ status: "loading" });
    try {
      const result = await loadPreview(text);
      if (request !== previewRequest.current) return;
      setPreview(result.ok ? { status: "ready", markdown: result.data.markdown } : { status: "error", error: result.error });
    } catch {
      if (request === previewRequest.current) setPreview({ status: "error", error: "unexpected" });
    }
  }

  function select(next: Tab, focus = false) {
    setTab(next);
    if (focus) tabRefs[next].current?.focus();
    if (next === "preview") void load();
  }

  function onTabKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    let next: Tab | undefined;
    if (event.key === "ArrowRight" || event.key === "ArrowLeft") next = tab === "write" ? "preview" : "write";
    else if (event.key === "Home") next = "write";
    else if (event.key === "End") next = "preview";
    if (!next) return;
    event.preventDefault();
    select(next, true);
  }

  const tabId = (name: Tab) => `${id}-tab-${name}`;
  const panelId = (name: Tab) => `${id}-panel-${name}`;

  return (
    <>
      <div role="tablist" aria-label={labels.tabs} className="flex gap-1 border-b border-slate-400">
        {(["write", "preview"] as const).map((name) => (
          <button
            key={name}
            ref={tabRefs[name]}
            type="button"
            role="tab"
            id={tabId(name)}
            aria-selected={tab === name}
            aria-controls={panelId(name)}
            tabIndex={tab === name ? 0 : -1}
            onClick={() => select(name)}
            onKeyDown={onTabKeyDown}
            className="-mb-px rounded-t border border-transparent px-4 py-2 font-semibold text-slate-700 hover:text-slate-900 aria-selected:border-slate-400 aria-selected:border-b-white aria-selected:bg-white aria-selected:text-slate-900"
          >
            {name === "write" ? labels.write : labels.preview}
          </button>
        ))}
      </div>

      <div role="tabpanel" id={panelId("write")} aria-labelledby={tabId("write")} hidden={tab !== "write"} className="space-y-2">
        {children}
      </div>

      <div
        role="tabpanel"
        id={panelId("preview")}
        aria-labelledby={tabId("preview")}
        hidden={tab !== "preview"}
        tabIndex={0}
        aria-busy={preview.status === "loading"}
        className="min-h-24 rounded border border-slate-300 bg-white p-4"
      >
        {preview.status === "loading" ? <p className="text-slate-700">{labels.loading}</p> : null}
        {preview.status === "error" ? (
          <p className="font-semibold text-red-800">{errorsT.has(preview.error) ? errorsT(preview.error) : errorsT("unexpected")}</p>
        ) : null}
        {preview.status === "ready" ? (
          preview.markdown.trim() ? (
            <Markdown
              idPrefix={idPrefix}
              topHeadingLevel={topHeadingLevel}
              labels={{
                externalLink: markdownT("externalLink"),
                table: markdownT("table"),
                footnotes: markdownT("footnotes"),
                footnoteBack: markdownT("footnoteBack"),
              }}
            >
              {toDisplay(preview.markdown)}
            </Markdown>
          ) : (
            <p className="text-slate-700">{labels.empty}</p>
          )
        ) : null}
      </div>
    </>
  );
}
