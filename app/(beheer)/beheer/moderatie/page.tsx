import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { DataTableHiddenState } from "@/components/data-table/data-table-hidden-state";
import { db } from "@/lib/db";
import { listReviewQueue } from "@/lib/moderation/queue";
import { parseQueueParams, QUEUE_STATES } from "@/lib/moderation/queue-params";
import { autoHideThreshold } from "@/lib/moderation/settings";
import { can } from "@/lib/policy/permissions";
import { requirePermission } from "@/lib/session";
import { ReviewQueueTable } from "./review-queue-table";
import { ThresholdForm } from "./threshold-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("moderationQueue"))("title") };
}

/** The review queue: reported items grouped per item, the oldest worries first, with every step asking for a reason. */
export default async function ModerationQueuePage({ searchParams }: PageProps<"/beheer/moderatie">) {
  const actor = await requirePermission("report:review", "/beheer/moderatie");
  const params = parseQueueParams(await searchParams);
  const [t, queue, threshold] = await Promise.all([
    getTranslations("moderationQueue"),
    listReviewQueue(actor, params),
    autoHideThreshold(db),
  ]);
  const rows = queue.rows.map((row) => ({
    ...row,
    oldestReportAt: row.oldestReportAt?.toISOString() ?? null,
    reports: row.reports.map((report) => ({ ...report, at: report.at.toISOString() })),
    claimed: row.claimed ? { ...row.claimed, until: row.claimed.until.toISOString() } : null,
  }));
  return (
    <div className="space-y-6">
      <h1>{t("title")}</h1>
      <p className="max-w-3xl">{t("intro", { threshold })}</p>
      <form method="get" className="flex flex-wrap items-end gap-4" aria-label={t("filters")}>
        <DataTableHiddenState state={params} defaults={{ sort: "reports", dir: "desc", perPage: 25 }} />
        <label className="space-y-1">
          <span className="block font-semibold">{t("stateLabel")}</span>
          <select name="state" defaultValue={params.state} className="rounded border border-slate-500 px-2 py-1">
            {QUEUE_STATES.map((state) => (
              <option key={state} value={state}>
                {t(`states.${state}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="space-y-1">
          <span className="block font-semibold">{t("typeLabel")}</span>
          <select name="type" defaultValue={params.type} className="rounded border border-slate-500 px-2 py-1">
            {(["any", "UPDATE", "COMMENT"] as const).map((type) => (
              <option key={type} value={type}>
                {t(`types.${type}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded bg-brand px-4 py-2 font-semibold text-white">
          {t("apply")}
        </button>
        <Link href="/beheer/moderatie">{t("reset")}</Link>
      </form>
      <ReviewQueueTable rows={rows} total={queue.total} pageCount={queue.pageCount} params={params} />
      {can(actor, "settings:manage") ? <ThresholdForm threshold={threshold} /> : null}
    </div>
  );
}
