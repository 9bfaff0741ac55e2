import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { requirePermission } from "@/lib/session";
import { listOwnUnpublished } from "@/lib/updates/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("update.drafts"))("title") };
}

export default async function DraftsPage() {
  const user = await requirePermission("update:publish", "/updates/concepten");
  const [t, format, updates] = await Promise.all([getTranslations(), getFormatter(), listOwnUnpublished(user)]);
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1>{t("update.drafts.title")}</h1>
        <Link
          href="/updates/nieuw"
          className="inline-flex items-center rounded bg-brand px-4 py-2 font-semibold text-white no-underline hover:bg-brand-dark hover:text-white"
        >
          {t("update.drafts.new")}
        </Link>
      </div>
      <p>{t("update.drafts.intro")}</p>
      {updates.length === 0 ? (
        <p>{t("update.drafts.none")}</p>
      ) : (
        <ul className="space-y-4">
          {updates.map((update) => (
            <li key={update.id}>
              <article
                aria-labelledby={`concept-${update.id}`}
                className="space-y-2 rounded border border-slate-300 bg-white p-4 shadow-sm"
              >
                <h2 id={`concept-${update.id}`} className="text-lg font-semibold">
                  <Link href={`/updates/${update.id}`}>{update.title}</Link>
                </h2>
                <p className="text-sm text-slate-700">
                  <span
                    className={
                      update.status === "WITHDRAWN"
                        ? "mr-2 inline-block rounded border border-red-800 bg-red-50 px-2 py-0.5 font-semibold text-red-900"
                        : "mr-2 inline-block rounded border border-amber-800 bg-amber-50 px-2 py-0.5 font-semibold text-amber-900"
                    }
                  >
                    {update.status === "WITHDRAWN" ? t("update.drafts.withdrawn") : t("update.drafts.draft")}
                  </span>
                  {update.experiment.title}
                  {" · "}
                  {t("update.drafts.changed")}{" "}
                  <time dateTime={update.updatedAt.toISOString()}>
                    {format.dateTime(update.updatedAt, { dateStyle: "long", timeStyle: "short" })}
                  </time>
                </p>
                <p>
                  <Link href={`/updates/${update.id}/bewerken`}>
                    {t("update.drafts.edit")}
                    <span className="sr-only">: {update.title}</span>
                  </Link>
                </p>
              </article>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
