"use client";

import { useTranslations } from "next-intl";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef, useTransition } from "react";
import { announce } from "./announcer";

/**
 * "Meer reacties laden": a link to the same page showing the next page of
 * comments (?reacties=<count>#reactie-<last shown thread>), so it works without JavaScript
 * and after a reload. With JavaScript it swaps the page in place without
 * scrolling, then moves focus to the first newly shown thread: the reader
 * stays where they were. Stays mounted (rendering nothing) once everything is shown.
 */
export function LoadMore({ nextCount, lastThreadId }: { nextCount: number | null; lastThreadId: string | null }) {
  const t = useTranslations("comments");
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const waitingAfter = useRef<string | null>(null);

  useEffect(() => {
    if (pending || !waitingAfter.current) return;
    const last = document.getElementById(`reactie-${waitingAfter.current}`);
    waitingAfter.current = null;
    const next = last?.closest("li[data-thread]")?.nextElementSibling?.querySelector<HTMLElement>("[data-comment]");
    if (next) {
      next.focus({ preventScroll: true });
      next.scrollIntoView({ block: "nearest" });
    }
    announce(t("loadedMore"));
  }, [pending, t]);

  if (!nextCount || !lastThreadId) return null;
  const query = `?reacties=${nextCount}`;

  return (
    <p>
      <a
        href={`${query}#reactie-${lastThreadId}`}
        aria-disabled={pending || undefined}
        onClick={(event) => {
          if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
          event.preventDefault();
          if (pending) return;
          waitingAfter.current = lastThreadId;
          startTransition(() => router.replace(`${pathname}${query}`, { scroll: false }));
        }}
        className="inline-flex items-center rounded border-2 border-brand bg-white px-4 py-2 font-semibold text-brand no-underline hover:bg-brand-light hover:text-brand-dark"
      >
        {pending ? t("loadingMore") : t("loadMore")}
      </a>
    </p>
  );
}
