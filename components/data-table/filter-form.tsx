import Link from "next/link";
import type { ReactNode } from "react";
import { DataTableHiddenState } from "./data-table-hidden-state";
import type { DataTableState } from "./url-state";

/** The look of a filter's own input or select. */
export const filterInputClass = "rounded border border-slate-500 bg-white px-3 py-2";

/**
 * A server-side table's filters: a plain GET form (so the URL holds them and
 * it works without JavaScript) that keeps the chosen sort and page size, with
 * "apply" and, once something is filtered, a link that clears it.
 */
export function FilterForm({
  action,
  label,
  state,
  defaults,
  submit,
  clear,
  className = "space-y-4 rounded border border-slate-300 bg-white p-4",
  children,
}: {
  action: string;
  label: string;
  state: DataTableState;
  defaults: Pick<DataTableState, "sort" | "dir" | "perPage">;
  submit: string;
  /** The link back to the unfiltered table; null while nothing is filtered. */
  clear: string | null;
  className?: string;
  children: ReactNode;
}) {
  return (
    <form method="get" action={action} role="search" aria-label={label} className={className}>
      {children}
      <DataTableHiddenState state={state} defaults={defaults} />
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" className="rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark">
          {submit}
        </button>
        {clear ? <Link href={action}>{clear}</Link> : null}
      </div>
    </form>
  );
}

/** A labelled select of a filter form, with an "all" choice first when given. */
export function FilterSelect({
  name,
  label,
  value,
  all,
  options,
  className = filterInputClass,
}: {
  name: string;
  label: string;
  value: string | null | undefined;
  all?: string;
  options: readonly { value: string; label: string }[];
  className?: string;
}) {
  const id = `filter-${name}`;
  return (
    // max-w-full: a long option must not widen the form past a phone's screen.
    <div className="max-w-full min-w-0 space-y-1">
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value ?? ""} className={className}>
        {all !== undefined ? <option value="">{all}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A period filter: two date inputs named `from` and `to` under one legend. */
export function PeriodFilter({
  legend,
  fromLabel,
  toLabel,
  from,
  to,
  inputClassName = filterInputClass,
  className = "space-y-1",
}: {
  legend: string;
  fromLabel: string;
  toLabel: string;
  from: string | null | undefined;
  to: string | null | undefined;
  inputClassName?: string;
  className?: string;
}) {
  return (
    <fieldset className={className}>
      <legend className="font-semibold">{legend}</legend>
      <div className="flex flex-wrap gap-3">
        <label className="space-y-1 text-sm">
          <span className="block">{fromLabel}</span>
          <input type="date" name="from" defaultValue={from ?? ""} className={inputClassName} />
        </label>
        <label className="space-y-1 text-sm">
          <span className="block">{toLabel}</span>
          <input type="date" name="to" defaultValue={to ?? ""} className={inputClassName} />
        </label>
      </div>
    </fieldset>
  );
}
