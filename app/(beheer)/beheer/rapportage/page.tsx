import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { parseReportPeriod, periodQuery } from "@/lib/analytics/report-period";
import { getProgrammeReport } from "@/lib/analytics/report-queries";
import { requirePermission } from "@/lib/session";
import { ActivityTable } from "./activity-table";
import { MostDiscussedTable } from "./most-discussed-table";
import { PeriodForm } from "./period-form";
import { ReportLessons } from "./report-lessons";
import { ReportMatrix } from "./report-matrix";
import { ReportSummary } from "./report-summary";
import "./report-print.css";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const [t, requested] = await Promise.all([getTranslations("report"), searchParams.then((query) => parseReportPeriod(query))]);
  // The title is the name print-to-PDF suggests for the file.
  return { title: requested.ok ? t("documentTitle", requested.period) : t("title") };
}

function Section({ id, title, intro, children }: { id: string; title: string; intro?: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="report-section space-y-3">
      <h2 id={id}>{title}</h2>
      {intro ? <p className="text-slate-700">{intro}</p> : null}
      {children}
    </section>
  );
}

/** The programme report for coordinators: a period, then its figures, matrix and lessons, printable as one document. */
export default async function ProgrammeReportPage({ searchParams }: Props) {
  const now = new Date();
  const requested = parseReportPeriod(await searchParams, now);
  const callback = requested.ok && requested.chosen ? `/beheer/rapportage?${periodQuery(requested.period)}` : "/beheer/rapportage";
  await requirePermission("programme-report:read", callback);
  const [t, format, locale] = await Promise.all([getTranslations("report"), getFormatter(), getLocale()]);

  if (!requested.ok) {
    return (
      <div className="space-y-6">
        <h1 className="text-2xl break-words sm:text-3xl">{t("title")}</h1>
        <p>{t("intro")}</p>
        <PeriodForm from={requested.from} to={requested.to} error={requested.error} now={now} />
      </div>
    );
  }

  const report = await getProgrammeReport(requested.period, now, locale);
  const day = (value: string) => format.dateTime(new Date(`${value}T12:00:00Z`), { dateStyle: "long", timeZone: "UTC" });
  const period = t("periodText", { from: day(report.period.from), to: day(report.period.to) });
  const empty = report.totals.updates === 0 && report.totals.comments === 0;
  const download = `/beheer/rapportage/download?${periodQuery(report.period)}`;

  return (
    <article className="report-document space-y-8">
      <header className="space-y-1">
        {/* One long Dutch word: smaller on a phone, so it fits 375 px. */}
        <h1 className="text-2xl break-words sm:text-3xl">{t("title")}</h1>
        <p className="text-lg font-semibold">{t("periodLine", { period })}</p>
        <p className="text-sm text-slate-700">
          {t("generatedLine", { date: format.dateTime(report.generatedAt, { dateStyle: "long", timeStyle: "short" }) })}
        </p>
      </header>
      <div className="space-y-4 print:hidden">
        <p>{t("intro")}</p>
        <PeriodForm from={report.period.from} to={report.period.to} error={null} now={now} />
        <div className="space-y-1">
          <p>
            <a href={download} className="font-semibold">
              {t("download")}
            </a>
          </p>
          <p className="text-sm text-slate-700">{t("downloadHint")}</p>
          <p className="text-sm text-slate-700">{t("printHint")}</p>
        </div>
      </div>
      <Section id="report-summary" title={t("summary.title")}>
        <ReportSummary report={report} />
      </Section>
      <Section id="report-municipalities" title={t("municipalities.title")} intro={t("municipalities.intro")}>
        {empty ? (
          <p>{t("nothing")}</p>
        ) : (
          <ActivityTable
            caption={t("municipalities.caption", { period })}
            nameLabel={t("municipalities.name")}
            extraLabel={t("municipalities.cbsCode")}
            totals={report.totals}
            rows={report.municipalities.map((row) => ({ ...row, href: `/gemeenten/${row.slug}`, extra: row.cbsCode }))}
          />
        )}
      </Section>
      <Section id="report-opgaven" title={t("opgaven.title")} intro={t("opgaven.intro")}>
        {empty ? (
          <p>{t("nothing")}</p>
        ) : (
          <ActivityTable
            caption={t("opgaven.caption", { period })}
            nameLabel={t("opgaven.name")}
            totals={report.totals}
            rows={report.opgaven.map((row) => ({
              ...row,
              href: `/opgaven/${row.slug}`,
              note: row.archived ? t("opgaven.archived") : undefined,
            }))}
          />
        )}
      </Section>
      <Section id="report-discussed" title={t("discussed.title")} intro={t("discussed.intro")}>
        <MostDiscussedTable caption={t("discussed.caption", { period })} rows={report.mostDiscussed} />
      </Section>
      <Section id="report-matrix" title={t("matrix.title")} intro={t("matrix.intro")}>
        <ReportMatrix matrix={report.matrix} />
      </Section>
      <Section id="report-lessons" title={t("lessons.title")} intro={t("lessons.intro")}>
        <ReportLessons caption={t("lessons.caption", { period })} lessons={report.lessons} />
      </Section>
    </article>
  );
}
