import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { filterInputClass } from "@/components/data-table/filter-form";
import { periodPresets, periodQuery } from "@/lib/analytics/report-period";

const ERROR_ID = "report-period-error";

/**
 * The report's period: a plain GET form (the address holds the period, so a
 * report can be bookmarked and shared with colleagues), with quick choices.
 * Not printed.
 */
export async function PeriodForm({ from, to, error, now }: { from: string; to: string; error: string | null; now: Date }) {
  const t = await getTranslations();
  const invalid = error ? { "aria-invalid": true, "aria-describedby": ERROR_ID } : {};
  return (
    <form
      method="get"
      action="/beheer/rapportage"
      aria-label={t("report.form.label")}
      className="space-y-4 rounded border border-slate-300 bg-white p-4 print:hidden"
    >
      <fieldset className="space-y-2">
        <legend className="font-semibold">{t("report.form.period")}</legend>
        <p className="text-sm text-slate-700">{t("report.form.hint")}</p>
        {error ? (
          <p id={ERROR_ID} role="alert" className="rounded border-l-4 border-red-700 bg-red-50 px-4 py-3 font-semibold text-red-800">
            {t(`errors.${error}`)}
          </p>
        ) : null}
        <div className="flex flex-wrap gap-4">
          <label className="space-y-1">
            <span className="block">{t("report.form.from")}</span>
            <input type="date" name="from" defaultValue={from} required className={filterInputClass} {...invalid} />
          </label>
          <label className="space-y-1">
            <span className="block">{t("report.form.to")}</span>
            <input type="date" name="to" defaultValue={to} required className={filterInputClass} {...invalid} />
          </label>
        </div>
      </fieldset>
      <button type="submit" className="rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark">
        {t("report.form.submit")}
      </button>
      <nav aria-label={t("report.form.presets")}>
        <p className="text-sm font-semibold">{t("report.form.presets")}</p>
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {periodPresets(now).map((preset) => (
            <li key={preset.key}>
              <Link href={`/beheer/rapportage?${periodQuery(preset.period)}`}>{t(`report.form.${preset.key}`)}</Link>
            </li>
          ))}
        </ul>
      </nav>
    </form>
  );
}
