import { getTranslations } from "next-intl/server";
import type { ProgrammeReport } from "@/lib/analytics/report-queries";

/** The period in four numbers, and how they are counted. */
export async function ReportSummary({ report }: { report: ProgrammeReport }) {
  const t = await getTranslations("report.summary");
  const activeMunicipalities = report.municipalities.filter((row) => row.updates > 0 || row.comments > 0).length;
  const figures = [
    { key: "updates", value: report.totals.updates },
    { key: "comments", value: report.totals.comments },
    { key: "people", value: report.totals.people },
    { key: "municipalities", value: activeMunicipalities },
  ] as const;
  return (
    <div className="space-y-3">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {figures.map((figure) => (
          <div key={figure.key} className="rounded border border-slate-300 bg-white p-3 break-inside-avoid">
            <dt className="text-sm text-slate-700">{t(figure.key)}</dt>
            <dd className="text-2xl font-bold tabular-nums">{figure.value}</dd>
          </div>
        ))}
      </dl>
      {report.totals.updates === 0 && report.totals.comments === 0 ? <p className="font-semibold">{t("empty")}</p> : null}
      <p className="text-sm text-slate-700">{t("rules")}</p>
    </div>
  );
}
