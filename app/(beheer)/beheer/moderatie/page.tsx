import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { FilterForm, FilterSelect } from "@/components/data-table/filter-form";
import { db } from "@/lib/db";
import { listReviewQueue } from "@/lib/moderation/queue";
import { parseQueueParams, QUEUE_STATES, QUEUE_TABLE_DEFAULTS, QUEUE_TYPES } from "@/lib/moderation/queue-params";
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
      <FilterForm
        action="/beheer/moderatie"
        label={t("filters")}
        state={params}
        defaults={QUEUE_TABLE_DEFAULTS}
        submit={t("apply")}
        clear={params.state !== "open" || params.type !== "any" ? t("reset") : null}
        className="flex flex-wrap items-end gap-4"
      >
        <FilterSelect
          name="state"
          label={t("stateLabel")}
          value={params.state}
          options={QUEUE_STATES.map((state) => ({ value: state, label: t(`states.${state}`) }))}
        />
        <FilterSelect
          name="type"
          label={t("typeLabel")}
          value={params.type}
          options={QUEUE_TYPES.map((type) => ({ value: type, label: t(`types.${type}`) }))}
        />
      </FilterForm>
      <ReviewQueueTable rows={rows} total={queue.total} pageCount={queue.pageCount} params={params} />
      {can(actor, "settings:manage") ? <ThresholdForm threshold={threshold} /> : null}
    </div>
  );
}
