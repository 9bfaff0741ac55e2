"use client";

import { useTranslations } from "next-intl";
import { useRef, useState, type KeyboardEvent } from "react";
import type { MarkdownCommand } from "./markdown-commands";
import { ToolbarIcon } from "./toolbar-icons";

export type ToolbarItem = MarkdownCommand | "image";

/** The update editor's full set. */
export const FULL_TOOLBAR: readonly ToolbarItem[] = ["bold", "italic", "heading", "bulletList", "numberedList", "link", "quote", "image"];
/** The smaller set over a comment (comments take no uploads). */
export const COMMENT_TOOLBAR: readonly ToolbarItem[] = ["bold", "italic", "link", "bulletList", "quote"];

/** Shortcuts shown in the names, as aria-keyshortcuts spells them. */
const SHORTCUTS: Partial<Record<ToolbarItem, string>> = { bold: "B", italic: "I", link: "K" };

export type MarkdownToolbarProps = {
  items: readonly ToolbarItem[];
  /** Id of the textarea the buttons change. */
  controls: string;
  onCommand: (command: MarkdownCommand) => void;
  onImage?: () => void;
  imageBusy?: boolean;
  /** Extra description of the image button (the accepted files). */
  imageDescribedBy?: string;
};

/**
 * Formatting buttons over a Markdown textarea, as a WAI-ARIA toolbar: one
 * Tab stop, the arrow keys (and Home/End) move between the buttons. Each
 * button has a visible icon and a hidden name that includes its shortcut.
 */
export function MarkdownToolbar({ items, controls, onCommand, onImage, imageBusy, imageDescribedBy }: MarkdownToolbarProps) {
  const t = useTranslations("editor");
  const [active, setActive] = useState(0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const shown = items.filter((item) => item !== "image" || onImage);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const count = shown.length;
    let next: number | undefined;
    if (event.key === "ArrowRight") next = (active + 1) % count;
    else if (event.key === "ArrowLeft") next = (active + count - 1) % count;
    else if (event.key === "Home") next = 0;
    else if (event.key === "End") next = count - 1;
    if (next === undefined) return;
    event.preventDefault();
    setActive(next);
    buttons.current[next]?.focus();
  }

  return (
    <div
      role="toolbar"
      aria-label={t("toolbar")}
      aria-controls={controls}
      onKeyDown={onKeyDown}
      className="flex flex-wrap items-center gap-1 rounded-t border border-b-0 border-slate-500 bg-slate-50 p-1"
    >
      {shown.map((item, index) => {
        const shortcut = SHORTCUTS[item];
        const name = shortcut ? t("withShortcut", { name: t(`commands.${item}`), key: shortcut }) : t(`commands.${item}`);
        return (
          <button
            key={item}
            ref={(element) => {
              buttons.current[index] = element;
            }}
            type="button"
            tabIndex={index === active ? 0 : -1}
            title={name}
            aria-keyshortcuts={shortcut ? `Control+${shortcut} Meta+${shortcut}` : undefined}
            aria-describedby={item === "image" ? imageDescribedBy : undefined}
            aria-disabled={(item === "image" && imageBusy) || undefined}
            onFocus={() => setActive(index)}
            onClick={() => {
              // aria-disabled rather than disabled: a busy button keeps its place in the toolbar's one Tab stop.
              if (item !== "image") onCommand(item);
              else if (!imageBusy) onImage?.();
            }}
            className="inline-flex h-11 min-w-11 items-center justify-center rounded text-slate-900 hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-brand aria-disabled:opacity-60"
          >
            <ToolbarIcon item={item} />
            <span className="sr-only">{name}</span>
          </button>
        );
      })}
    </div>
  );
}
