import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { isModerationEvent } from "@/lib/moderation/events";
import { markAllNotificationsReadAction, markNotificationReadAction, openNotificationAction } from "@/lib/notifications/actions";
import { listNotifications } from "@/lib/notifications/queries";
import { requirePermission } from "@/lib/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifications"))("title") };
}

const smallButton =
  "rounded border border-brand bg-white px-3 py-1 text-sm font-semibold text-brand hover:bg-brand-light disabled:opacity-70";

/** The notification's sentence: a button that looks like the portal's links. */
const openButton = "cursor-pointer text-left text-brand underline underline-offset-2 hover:text-brand-dark";

export default async function NotificationsPage({ searchParams }: PageProps<"/meldingen">) {
  const user = await requirePermission("portal:read", "/meldingen");
  const pageParam = (await searchParams).pagina;
  const requested = Number.parseInt(Array.isArray(pageParam) ? (pageParam[0] ?? "1") : (pageParam ?? "1"), 10);
  const [t, format, list] = await Promise.all([
    getTranslations("notifications"),
    getFormatter(),
    listNotifications(user.id, { page: Number.isFinite(requested) ? requested : 1 }),
  ]);

  return (
    <div className="max-w-4xl space-y-6">
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <ul className="flex flex-wrap gap-x-6 gap-y-1">
        <li>
          <Link href="/volgend">{t("links.follows")}</Link>
        </li>
        <li>
          <Link href="/instellingen/e-mail">{t("links.settings")}</Link>
        </li>
      </ul>

      <div className="flex flex-wrap items-center gap-4">
        <p className="font-semibold" data-testid="unread-summary">
          {t("unreadSummary", { count: list.unread })}
        </p>
        {list.unread > 0 ? (
          <form action={markAllNotificationsReadAction}>
            <button type="submit" className={smallButton}>
              {t("markAllRead")}
            </button>
          </form>
        ) : null}
      </div>

      {list.items.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <ol aria-label={t("listLabel")} className="space-y-3">
          {list.items.map((item) => {
            const sentence =
              item.kind === "MODERATION"
                ? t(`moderation.${isModerationEvent(item.event) ? item.event : "other"}`, { title: item.updateTitle })
                : item.kind === "APPRECIATION"
                  ? t("appreciated", { count: item.appreciationCount, actor: item.actorName ?? t("someone"), title: item.updateTitle })
                  : t(`sentence.${item.kind === "COMMENT_ON_UPDATE" && item.ownUpdate ? "COMMENT_ON_UPDATE_OWN" : item.kind}`, {
                      actor: item.actorName ?? t("someone"),
                      title: item.updateTitle,
                    });
            return (
              <li
                key={item.id}
                data-read={item.read ? "true" : "false"}
                className={
                  item.read
                    ? "flex flex-wrap items-start justify-between gap-3 rounded border border-slate-300 bg-slate-50 p-4"
                    : "flex flex-wrap items-start justify-between gap-3 rounded border border-slate-300 border-l-4 border-l-brand bg-white p-4"
                }
              >
                <div className="space-y-1">
                  {item.read ? null : (
                    <p>
                      <span className="inline-block rounded bg-brand px-2 py-0.5 text-xs font-bold uppercase tracking-wide text-white">
                        {t("unread")}
                      </span>
                    </p>
                  )}
                  {/* A POST (marks it read, then goes to the comment), looking like a link: a GET must change nothing. */}
                  <form action={openNotificationAction}>
                    <input type="hidden" name="notificationId" value={item.id} />
                    <button type="submit" className={`${openButton} ${item.read ? "" : "font-semibold"}`}>
                      {sentence}
                    </button>
                  </form>
                  {item.commentExcerpt ? (
                    <p className="text-sm text-slate-800">
                      <q>{item.commentExcerpt}</q>
                    </p>
                  ) : null}
                  {item.kind === "MODERATION" && item.reason ? (
                    <p className="text-sm">
                      {t("moderationReason")} <q>{item.reason}</q>
                    </p>
                  ) : null}
                  <p className="text-sm text-slate-700">
                    <time dateTime={item.createdAt.toISOString()}>
                      {format.dateTime(item.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                    </time>
                  </p>
                </div>
                {item.read ? null : (
                  <form action={markNotificationReadAction}>
                    <input type="hidden" name="notificationId" value={item.id} />
                    <button type="submit" className={smallButton}>
                      {t("markRead")}
                      <span className="sr-only">: {sentence}</span>
                    </button>
                  </form>
                )}
              </li>
            );
          })}
        </ol>
      )}

      {list.pages > 1 ? (
        <nav aria-label={t("pagination.label")} className="flex flex-wrap items-center gap-4">
          {list.page > 1 ? <Link href={`/meldingen?pagina=${list.page - 1}`}>{t("pagination.previous")}</Link> : null}
          <p>{t("pagination.status", { page: list.page, pages: list.pages })}</p>
          {list.page < list.pages ? <Link href={`/meldingen?pagina=${list.page + 1}`}>{t("pagination.next")}</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
