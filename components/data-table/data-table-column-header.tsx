"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { AriaSort } from "./use-data-table";

/**
 * A sortable column's header: a button (the <th> around it carries
 * aria-sort), with an arrow for sighted readers and "(sort)" for screen readers.
 */
export function DataTableSortButton({ label, sort, onSort }: { label: ReactNode; sort: AriaSort; onSort: () => void }) {
  const t = useTranslations("dataTable");
  return (
    <button type="button" onClick={onSort} className="inline-flex items-center gap-1 font-semibold underline-offset-2 hover:underline">
      {label}
      <span aria-hidden="true">{sort === "ascending" ? "▲" : sort === "descending" ? "▼" : "↕"}</span>
      <span className="sr-only">{t("sortBy")}</span>
    </button>
  );
}
