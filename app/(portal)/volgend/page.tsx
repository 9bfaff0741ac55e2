import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { unfollowAction } from "@/lib/follows/actions";
import { listFollows } from "@/lib/follows/queries";
import { followTargets } from "@/lib/follows/schema";
import { requirePermission } from "@/lib/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("follows"))("title") };
}

export default async function FollowingPage() {
  const user = await requirePermission("portal:read", "/volgend");
  const [t, format, follows] = await Promise.all([
    getTranslations("follows"),
    getFormatter(),
    getLocale().then((locale) => listFollows(user, locale)),
  ]);
  const groups = followTargets.map((type) => ({ type, items: follows[type] })).filter((group) => group.items.length > 0);

  return (
    <div className="max-w-4xl space-y-8">
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <p>
        <Link href="/instellingen/e-mail">{t("settingsLink")}</Link>
      </p>
      {groups.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        groups.map((group) => (
          <section key={group.type} aria-labelledby={`volgend-${group.type}`} className="space-y-3">
            <h2 id={`volgend-${group.type}`}>{t(`groups.${group.type}`)}</h2>
            <ul className="divide-y divide-slate-200 rounded border border-slate-300 bg-white">
              {group.items.map((item) => (
                <li key={item.targetId} className="flex flex-wrap items-center justify-between gap-3 p-3">
                  <div>
                    <Link href={item.href} className="font-semibold">
                      {item.name}
                    </Link>
                    <p className="text-sm text-slate-700">
                      {t("since", { date: format.dateTime(item.followedAt, { dateStyle: "long" }) })}
                    </p>
                  </div>
                  <form action={unfollowAction}>
                    <input type="hidden" name="targetType" value={item.targetType} />
                    <input type="hidden" name="targetId" value={item.targetId} />
                    <button
                      type="submit"
                      className="rounded border border-red-800 bg-white px-3 py-1 text-sm font-semibold text-red-800 hover:bg-red-50"
                    >
                      {t("unfollow")}
                      <span className="sr-only">: {item.name}</span>
                    </button>
                  </form>
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </div>
  );
}
