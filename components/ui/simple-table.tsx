import type { ReactNode } from "react";

export type SimpleTableHeader = {
  label: ReactNode;
  /** Extra classes, e.g. "text-right" for numbers. */
  className?: string;
  /** Read by screen readers only (an actions column). */
  visuallyHidden?: boolean;
};

/**
 * The portal's plain data table: scrolls sideways on small screens inside
 * its own region (focusable, so a keyboard can scroll it), has a caption for
 * screen readers and column headers with scope. Rows are the caller's <tr>
 * elements (use <th scope="row"> for each row's name).
 */
export function SimpleTable({ caption, headers, children }: { caption: string; headers: SimpleTableHeader[]; children: ReactNode }) {
  return (
    <div
      role="region"
      aria-label={caption}
      tabIndex={0}
      // Relative, so visually hidden cell texts (absolutely placed) stay inside the scroll region instead of widening the page.
      className="relative overflow-x-auto focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand"
    >
      <table className="w-full border-collapse bg-white text-left">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-slate-400">
            {headers.map((header, index) => (
              <th key={index} scope="col" className={header.className ? `p-2 ${header.className}` : "p-2"}>
                {header.visuallyHidden ? <span className="sr-only">{header.label}</span> : header.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
