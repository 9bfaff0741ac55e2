"use client";

import { useEffect } from "react";
import { recordVisitAction } from "@/lib/notifications/actions";

/**
 * Records "I opened this update" once the page is on screen in a browser, so
 * link prefetches and crawlers do not count as visits. Renders nothing.
 */
export function VisitRecorder({ updateId }: { updateId: string }) {
  useEffect(() => {
    void recordVisitAction(updateId).catch(() => {});
  }, [updateId]);
  return null;
}
