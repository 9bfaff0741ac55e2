"use client";

import { usePathname } from "next/navigation";
import { useRef, useState, type KeyboardEvent, type ReactNode } from "react";

/**
 * The phone's collapsed main menu: a disclosure button (below md) that shows
 * or hides the panel; from md up the panel always shows and the button is
 * hidden. Not a modal: focus is never trapped; Escape closes it and puts focus
 * back on the button. The menu closes when the page changes.
 */
export function MenuDisclosure({ label, panelId, children }: { label: string; panelId: string; children: ReactNode }) {
  const pathname = usePathname();
  const button = useRef<HTMLButtonElement>(null);
  // Remembering where it was opened closes it on navigation without an effect.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;

  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== "Escape" || !open) return;
    event.preventDefault();
    setOpenOn(null);
    button.current?.focus();
  };

  return (
    <>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpenOn(open ? null : pathname)}
        onKeyDown={closeOnEscape}
        className="inline-flex items-center gap-2 rounded border border-white/70 px-3 py-1 text-sm font-semibold text-white hover:bg-white/10 md:hidden"
      >
        <svg
          aria-hidden="true"
          viewBox="0 0 24 24"
          width="18"
          height="18"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
        >
          {open ? <path d="M6 6l12 12M18 6L6 18" /> : <path d="M4 7h16M4 12h16M4 17h16" />}
        </svg>
        {label}
      </button>
      <div
        id={panelId}
        onKeyDown={closeOnEscape}
        className={`${open ? "flex" : "hidden"} col-span-full w-full flex-col gap-4 border-t border-white/30 pt-3 pb-1 md:flex md:w-auto md:flex-1 md:flex-row md:flex-wrap md:items-center md:justify-between md:border-0 md:p-0`}
      >
        {children}
      </div>
    </>
  );
}
