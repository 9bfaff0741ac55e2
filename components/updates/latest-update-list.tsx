import { useTranslations } from "next-intl";
import Link from "next/link";
import { RelativeTime } from "@/components/ui/relative-time";
import type { listLatestUpdates } from "@/lib/taxonomy/queries";

type LatestUpdate = Awaited<ReturnType<typeof listLatestUpdates>>[number];

/** The home page's latest updates: title, excerpt, author, where, how long ago and how many comments. */
export function LatestUpdateList({ updates, now }: { updates: LatestUpdate[]; now: Date }) {
  const t = useTranslations("homeLatest");
  return (
    <ul className="divide-y divide-slate-200 rounded border border-slate-300 bg-white">
      {updates.map((update) => (
        <li key={update.id} className="space-y-1 p-4" data-testid="latest-update">
          <p className="font-semibold">
            <Link href={`/updates/${update.id}`}>{update.title}</Link>
          </p>
          {update.excerpt ? <p className="break-words text-slate-800">{update.excerpt}</p> : null}
          <p className="text-sm text-slate-700">
            {t("by", { name: update.author.name })}
            {update.publishedAt ? (
              <>
                {" · "}
                <RelativeTime date={update.publishedAt} now={now} />
              </>
            ) : null}
            {" · "}
            {t("comments", { count: update.commentCount })}
          </p>
          <p className="text-sm text-slate-700">
            <Link href={`/experimenten/${update.experiment.slug}`}>{update.experiment.title}</Link>
            {" · "}
            <Link href={`/gemeenten/${update.experiment.municipality.slug}`}>{update.experiment.municipality.name}</Link>
          </p>
        </li>
      ))}
    </ul>
  );
}
