import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { PeriodFilter } from "@/components/data-table/filter-form";
import { ExperimentPhase } from "@/lib/generated/prisma/enums";
import { newCommentCounts } from "@/lib/notifications/visits";
import { requireUser } from "@/lib/session";
import { getTableFilterOptions, searchUpdates } from "@/lib/updates/queries";
import { parseUpdatesTableParams, updatesTableQuery, type UpdatesTableParams } from "@/lib/updates/table-params";
import { UpdatesTable } from "./updates-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("updatesTable"))("title") };
}

function Checkboxes({
  name,
  legend,
  options,
  selected,
}: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  selected: string[];
}) {
  return (
    <fieldset className="space-y-1">
      <legend className="font-semibold">{legend}</legend>
      <div className="max-h-48 space-y-1 overflow-y-auto pr-2">
        {options.map((option) => (
          <label key={option.value} className="flex items-start gap-2">
            <input type="checkbox" name={name} value={option.value} defaultChecked={selected.includes(option.value)} className="mt-1" />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export default async function UpdatesPage({ searchParams }: PageProps<"/updates">) {
  const params: UpdatesTableParams = parseUpdatesTableParams(await searchParams);
  const user = await requireUser(`/updates${updatesTableQuery(params)}`);
  const [t, tPhases, result, options] = await Promise.all([
    getTranslations("updatesTable"),
    getTranslations("phases"),
    searchUpdates(params),
    getTableFilterOptions(params, await getLocale()),
  ]);
  const newComments = await newCommentCounts(
    user.id,
    result.rows.map((row) => row.id),
  );
  const activeFilters =
    params.opgave.length +
    params.theme.length +
    params.municipality.length +
    params.experiment.length +
    params.phase.length +
    (params.from ? 1 : 0) +
    (params.to ? 1 : 0);
  const input = "rounded border border-slate-500 bg-white px-3 py-2";

  return (
    <div className="space-y-6">
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>

      <form
        method="get"
        action="/updates"
        role="search"
        aria-label={t("searchLabel")}
        className="space-y-4 rounded border border-slate-300 bg-white p-4"
      >
        <div className="flex flex-wrap items-end gap-3">
          <div className="min-w-64 flex-1 space-y-1">
            <label htmlFor="q" className="block font-semibold">
              {t("search")}
            </label>
            <input
              id="q"
              name="q"
              type="search"
              defaultValue={params.q}
              placeholder={t("searchPlaceholder")}
              className={`${input} w-full`}
            />
          </div>
          <button type="submit" className="rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark">
            {t("apply")}
          </button>
          {params.q || activeFilters ? <Link href="/updates">{t("clear")}</Link> : null}
        </div>
        <details open={activeFilters > 0} className="group">
          <summary className="cursor-pointer font-semibold text-brand">
            {t("filters")}
            {activeFilters ? ` (${t("activeFilters", { count: activeFilters })})` : ""}
          </summary>
          <div className="mt-4 grid gap-6 md:grid-cols-2 lg:grid-cols-3">
            <div className="space-y-2">
              <Checkboxes
                name="opgave"
                legend={t("opgaven")}
                options={options.opgaven.map((o) => ({ value: o.slug, label: o.name }))}
                selected={params.opgave}
              />
              <fieldset className="space-y-1">
                <legend className="text-sm font-semibold">{t("opgaveMode")}</legend>
                <label className="mr-4 inline-flex items-center gap-2 text-sm">
                  <input type="radio" name="opgaveMode" value="any" defaultChecked={params.opgaveMode === "any"} />
                  {t("opgaveModeAny")}
                </label>
                <label className="inline-flex items-center gap-2 text-sm">
                  <input type="radio" name="opgaveMode" value="all" defaultChecked={params.opgaveMode === "all"} />
                  {t("opgaveModeAll")}
                </label>
              </fieldset>
            </div>
            <Checkboxes
              name="theme"
              legend={t("themes")}
              options={options.themes.map((o) => ({ value: o.slug, label: o.name }))}
              selected={params.theme}
            />
            <Checkboxes
              name="phase"
              legend={t("phase")}
              options={Object.values(ExperimentPhase).map((phase) => ({ value: phase, label: tPhases(phase) }))}
              selected={params.phase}
            />
            <Checkboxes
              name="municipality"
              legend={t("municipality")}
              options={options.municipalities.map((o) => ({ value: o.slug, label: o.name }))}
              selected={params.municipality}
            />
            <div className="space-y-1">
              <label htmlFor="experiment" className="block font-semibold">
                {t("experiment")}
              </label>
              {options.experimentsLimited ? (
                <p id="experiment-hint" className="text-sm text-slate-700">
                  {t("experimentChooseMunicipality")}
                </p>
              ) : null}
              <select
                id="experiment"
                name="experiment"
                defaultValue={params.experiment[0] ?? ""}
                aria-describedby={options.experimentsLimited ? "experiment-hint" : undefined}
                className={`${input} w-full`}
              >
                <option value="">{t("allExperiments")}</option>
                {options.experiments.map((experiment) => (
                  <option key={experiment.slug} value={experiment.slug}>
                    {experiment.municipality.name} — {experiment.title}
                  </option>
                ))}
              </select>
            </div>
            <PeriodFilter
              legend={t("published")}
              fromLabel={t("from")}
              toLabel={t("to")}
              from={params.from}
              to={params.to}
              inputClassName={input}
              className="space-y-2"
            />
          </div>
          {params.sort !== "date" || params.dir !== "desc" ? (
            <>
              <input type="hidden" name="sort" value={params.sort} />
              <input type="hidden" name="dir" value={params.dir} />
            </>
          ) : null}
          {params.perPage !== 25 ? <input type="hidden" name="perPage" value={params.perPage} /> : null}
        </details>
      </form>

      {result.onlyStopWords ? (
        <p role="status" className="rounded border-l-4 border-amber-600 bg-amber-50 px-4 py-3">
          {t("onlyStopWords")}
        </p>
      ) : null}

      <UpdatesTable
        rows={result.rows.map((row) => ({ ...row, publishedAt: row.publishedAt.toISOString(), newComments: newComments[row.id] ?? 0 }))}
        total={result.total}
        pageCount={result.pageCount}
        params={params}
      />

      <p className="text-sm">
        <a href={`/updates/export.csv${updatesTableQuery({ ...params, page: 1 })}`} download>
          {t("exportCsv")}
        </a>
      </p>
    </div>
  );
}
