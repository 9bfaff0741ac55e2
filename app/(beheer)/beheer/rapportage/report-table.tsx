import { useId, type ReactNode } from "react";

export type ReportColumn = { label: ReactNode; numeric?: boolean };

/**
 * One of the report's tables: a real table with a visible caption and column
 * headers, scrolling sideways in its own focusable region on a phone and
 * printed whole (rows are never cut in two, headers repeat on each page).
 */
export function ReportTable({ caption, columns, children }: { caption: string; columns: ReportColumn[]; children: ReactNode }) {
  const captionId = useId();
  return (
    <div
      role="region"
      aria-labelledby={captionId}
      tabIndex={0}
      className="overflow-x-auto rounded border border-slate-300 bg-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand print:overflow-visible print:border-0"
    >
      <table className="w-full border-collapse text-left">
        <caption id={captionId} className="px-2 py-2 text-left text-sm text-slate-700">
          {caption}
        </caption>
        <thead>
          <tr className="border-b-2 border-slate-400">
            {columns.map((column, index) => (
              <th key={index} scope="col" className={`p-2 align-bottom ${column.numeric ? "text-right" : ""}`}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** A number cell: right-aligned, digits of equal width. */
export function NumberCell({ value }: { value: number }) {
  return <td className="p-2 text-right tabular-nums">{value}</td>;
}
