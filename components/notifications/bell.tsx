import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { unreadNotificationCount } from "@/lib/notifications/queries";

/**
 * The header link to /meldingen with the unread count. Visible: "Meldingen"
 * and a badge; the accessible name is the visible text with a hidden comma and
 * word around the count ("Meldingen, 3 ongelezen"), so what speech users see
 * and say is part of the name (WCAG 2.5.3).
 */
export async function NotificationBell({ userId }: { userId: string }) {
  const [count, t] = await Promise.all([unreadNotificationCount(userId), getTranslations("notifications.bell")]);
  return (
    <Link
      href="/meldingen"
      className="inline-flex items-center gap-2 rounded px-2 py-1 text-sm font-semibold text-white hover:bg-brand-dark hover:text-white"
      data-testid="notification-bell"
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
        strokeLinejoin="round"
      >
        <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {/* On a phone the header has room for the bell and its count only; the word stays in the name. */}
      <span className="max-md:sr-only">{t("label")}</span>
      {count > 0 ? (
        <>
          <span className="sr-only">, </span>
          <span className="rounded-full bg-white px-2 text-xs font-bold leading-5 text-brand-dark">{count > 99 ? "99+" : count}</span>
          <span className="sr-only"> {t("unread")}</span>
        </>
      ) : null}
    </Link>
  );
}
