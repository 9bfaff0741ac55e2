"use client";

import { useSyncExternalStore } from "react";

// One polite status line for the comment section. Components that may be gone
// by the time their work is done (a deleted comment's buttons) announce here.
let message = "";
const listeners = new Set<() => void>();

export function announce(text: string) {
  // Clear first, so the same words twice are read twice.
  message = "";
  listeners.forEach((listener) => listener());
  setTimeout(() => {
    message = text;
    listeners.forEach((listener) => listener());
  }, 50);
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function Announcer() {
  const text = useSyncExternalStore(
    subscribe,
    () => message,
    () => "",
  );
  return (
    <p role="status" className="sr-only">
      {text}
    </p>
  );
}

/** Moves focus to an element by id once it is in the page (after a refresh of the server-rendered part), within a second. */
export function focusWhenPresent(id: string, fallbackId?: string) {
  const started = Date.now();
  function attempt() {
    const element = document.getElementById(id);
    if (element) {
      element.focus({ preventScroll: true });
      element.scrollIntoView({ block: "nearest" });
      return;
    }
    if (Date.now() - started < 1000) {
      requestAnimationFrame(attempt);
      return;
    }
    if (fallbackId) document.getElementById(fallbackId)?.focus();
  }
  requestAnimationFrame(attempt);
}
