"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useOptimistic, useTransition } from "react";
import type { SortDirection } from "./url-state";
import type { DataTableView } from "./use-data-table";

const DEFAULT = "";

/**
 * The cards' sort (a phone has no column headers to click): one select of
 * every sortable column in both directions, writing the same URL as the
 * headers. The choice shows at once while the new page loads.
 */
export function DataTableSortSelect<TData>({ view }: { view: DataTableView<TData> }) {
  const t = useTranslations("dataTable");
  const id = useId();
  const router = useRouter();
  const [, startTransition] = useTransition();
  const current = view.sorting[0] ? `${view.sorting[0].id}:${view.sorting[0].desc ? "desc" : "asc"}` : DEFAULT;
  const [shown, setShown] = useOptimistic(current);

  const headers = view.headerGroups.flatMap((group) => group.headers);
  const labelOf = (columnId: string): string => {
    const header = headers.find((item) => item.column.id === columnId);
    const definition = header?.column.columnDef.header;
    const label: unknown = typeof definition === "function" && header ? definition(header.getContext()) : definition;
    return typeof label === "string" ? label : columnId;
  };

  const choose = (value: string) => {
    const [columnId, dir] = value === DEFAULT ? [null, "desc"] : value.split(":");
    startTransition(() => {
      setShown(value);
      router.push(view.sortHref(columnId ?? null, dir as SortDirection));
    });
  };

  return (
    <p className="flex flex-wrap items-center gap-2 md:hidden">
      <label htmlFor={id} className="font-semibold">
        {t("sortLabel")}
      </label>
      <select
        id={id}
        value={shown}
        onChange={(event) => choose(event.target.value)}
        className="min-w-0 max-w-full rounded border border-slate-500 bg-white px-2 py-1"
      >
        <option value={DEFAULT}>{t("sortDefault")}</option>
        {view.sortableIds.flatMap((columnId) =>
          (["asc", "desc"] as const).map((dir) => (
            <option key={`${columnId}:${dir}`} value={`${columnId}:${dir}`}>
              {t(dir === "asc" ? "sortAscending" : "sortDescending", { column: labelOf(columnId) })}
            </option>
          )),
        )}
      </select>
    </p>
  );
}
