"use client";

import { useTranslations } from "next-intl";
import { usePathname, useRouter } from "next/navigation";
import { useEffect } from "react";
import { locateCommentAction } from "@/lib/comments/actions";
import { announce } from "./announcer";

const HASH = /^#reactie-([A-Za-z0-9_-]{1,100})$/;

/**
 * Links to a comment (/updates/<id>#reactie-<commentId>, e.g. from the
 * notifications page) land on it: it is scrolled into view, focused and
 * highlighted. CSS :target does that on a full page load; after a client-side
 * navigation (history.pushState does not update :target) the data-highlight
 * attribute does. A comment beyond the threads shown is looked up, and the
 * page reloads in place with enough comments (whole pages) to include it.
 */
export function CommentAnchor({ updateId, commentsShown }: { updateId: string; commentsShown: number }) {
  const t = useTranslations("comments");
  const router = useRouter();
  const pathname = usePathname();

  useEffect(() => {
    let cancelled = false;
    async function land() {
      const match = HASH.exec(window.location.hash);
      const commentId = match?.[1];
      if (!commentId) return;
      const element = document.getElementById(`reactie-${commentId}`);
      if (element) {
        document.querySelectorAll("[data-highlight]").forEach((other) => other.removeAttribute("data-highlight"));
        element.setAttribute("data-highlight", "true");
        element.scrollIntoView({ block: "start" });
        element.focus({ preventScroll: true });
        return;
      }
      const result = await locateCommentAction(updateId, commentId);
      if (cancelled) return;
      if (result.ok && result.data.comments > commentsShown) {
        router.replace(`${pathname}?reacties=${result.data.comments}#reactie-${commentId}`, { scroll: false });
      } else {
        announce(t("notOnPage"));
      }
    }
    void land();
    const onHashChange = () => void land();
    window.addEventListener("hashchange", onHashChange);
    return () => {
      cancelled = true;
      window.removeEventListener("hashchange", onHashChange);
    };
  }, [updateId, commentsShown, pathname, router, t]);

  return null;
}
