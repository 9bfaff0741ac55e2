import { getTranslations } from "next-intl/server";
import { FilterForm, filterInputClass, FilterSelect, PeriodFilter } from "@/components/data-table/filter-form";
import { AUDIT_TABLE_DEFAULTS, type AuditTableParams } from "@/lib/audit/table-params";

type Option = { value: string; label: string };

const input = filterInputClass;

/** The audit log's filters: a plain GET form, so the URL holds them and it works without JavaScript. */
export async function AuditFilters({ params, types, targetTypes }: { params: AuditTableParams; types: Option[]; targetTypes: Option[] }) {
  const t = await getTranslations("audit");
  const filtered = Boolean(params.actor || params.type || params.targetType || params.targetId || params.from || params.to);
  return (
    <FilterForm
      action="/beheer/audit"
      label={t("filtersLabel")}
      state={params}
      defaults={AUDIT_TABLE_DEFAULTS}
      submit={t("apply")}
      clear={filtered ? t("clear") : null}
    >
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <div className="space-y-1">
          <label htmlFor="audit-actor" className="block font-semibold">
            {t("actor")}
          </label>
          <p id="audit-actor-hint" className="text-sm text-slate-700">
            {t("actorHint")}
          </p>
          <input
            id="audit-actor"
            name="actor"
            type="search"
            defaultValue={params.actor}
            aria-describedby="audit-actor-hint"
            className={`${input} w-full`}
          />
        </div>
        <FilterSelect name="type" label={t("type")} value={params.type} all={t("allTypes")} options={types} className={`${input} w-full`} />
        <fieldset className="space-y-1">
          <legend className="font-semibold">{t("target")}</legend>
          <div className="flex flex-wrap gap-3">
            <label className="space-y-1 text-sm">
              <span className="block">{t("targetType")}</span>
              <select name="targetType" defaultValue={params.targetType ?? ""} className={input}>
                <option value="">{t("allTargetTypes")}</option>
                {targetTypes.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            </label>
            <label className="space-y-1 text-sm">
              <span className="block">{t("targetId")}</span>
              <input name="targetId" type="text" defaultValue={params.targetId} className={`${input} w-full max-w-56`} />
            </label>
          </div>
        </fieldset>
        <PeriodFilter
          legend={t("period")}
          fromLabel={t("from")}
          toLabel={t("to")}
          from={params.from}
          to={params.to}
          inputClassName={input}
        />
      </div>
    </FilterForm>
  );
}
