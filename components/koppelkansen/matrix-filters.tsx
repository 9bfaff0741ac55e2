import { useTranslations } from "next-intl";
import Link from "next/link";
import { filterInputClass, FilterSelect, PeriodFilter } from "@/components/data-table/filter-form";
import { matrixPageHref } from "@/lib/analytics/matrix-links";
import { MATRIX_MEASURES, type MatrixParams } from "@/lib/analytics/matrix-sql";

type ThemeOption = { slug: string; name: string; archived: boolean };

/**
 * The matrix's filters: a plain GET form (the URL holds the view, so it works
 * without JavaScript) with what to count, a theme and a period.
 */
export function MatrixFilters({ params, themes }: { params: MatrixParams; themes: ThemeOption[] }) {
  const t = useTranslations("koppelkansen.filters");
  const filtered = params.measure !== "updates" || params.theme || params.from || params.to;
  return (
    <form
      method="get"
      action="/koppelkansen"
      role="search"
      aria-label={t("label")}
      className="space-y-4 rounded border border-slate-300 bg-white p-4"
    >
      {params.view !== "opgaven" ? <input type="hidden" name="view" value={params.view} /> : null}
      <div className="flex flex-wrap items-end gap-6">
        <fieldset className="space-y-1">
          <legend className="font-semibold">{t("measure")}</legend>
          <div className="flex flex-wrap gap-4">
            {MATRIX_MEASURES.map((measure) => (
              <label key={measure} className="inline-flex items-center gap-2">
                <input type="radio" name="measure" value={measure} defaultChecked={params.measure === measure} />
                {t(`measures.${measure}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <FilterSelect
          name="theme"
          label={t("theme")}
          value={params.theme}
          all={t("allThemes")}
          options={themes.map((theme) => ({
            value: theme.slug,
            label: theme.archived ? t("archived", { name: theme.name }) : theme.name,
          }))}
          className={`${filterInputClass} max-w-full`}
        />
        <PeriodFilter legend={t("period")} fromLabel={t("from")} toLabel={t("to")} from={params.from} to={params.to} />
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" className="rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark">
          {t("apply")}
        </button>
        {filtered ? (
          <Link href={matrixPageHref({ view: params.view, measure: "updates", theme: null, from: null, to: null })}>{t("clear")}</Link>
        ) : null}
      </div>
    </form>
  );
}
