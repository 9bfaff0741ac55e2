import type { ActivityOpgave, ActivitySeries } from "@/lib/analytics/activity";

type Row = { id: string; name: string; values: number[] };

/**
 * The charts' numbers as a table (their accessible alternative): one row per
 * opgave, one column per month. Scrolls inside its own focusable region.
 */
export function ActivityTable({
  caption,
  regionLabel,
  firstColumn,
  months,
  rows,
}: {
  caption: string;
  regionLabel: string;
  firstColumn: string;
  months: string[];
  rows: Row[];
}) {
  const cell = "border border-slate-300 p-2";
  return (
    <div role="region" aria-label={regionLabel} tabIndex={0} className="overflow-x-auto rounded border border-slate-300 bg-white">
      <table className="border-collapse text-sm">
        <caption className="p-2 text-left font-semibold">{caption}</caption>
        <thead>
          <tr className="bg-slate-100">
            <th scope="col" className={`${cell} sticky left-0 bg-slate-100 text-left`}>
              {firstColumn}
            </th>
            {months.map((month) => (
              <th key={month} scope="col" className={`${cell} text-right whitespace-nowrap`}>
                {month}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row" className={`${cell} sticky left-0 min-w-40 bg-white text-left font-semibold`}>
                {row.name}
              </th>
              {row.values.map((value, index) => (
                <td key={months[index]} className={`${cell} text-right tabular-nums`}>
                  {value}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The table rows for one series: all opgaven together first, then each opgave. */
export function activityRows(
  all: ActivitySeries,
  opgaven: ActivityOpgave[],
  kind: keyof ActivitySeries,
  allName: string,
  name: (opgave: ActivityOpgave) => string,
): Row[] {
  return [
    { id: "all", name: allName, values: all[kind] },
    ...opgaven.map((opgave) => ({ id: opgave.id, name: name(opgave), values: opgave[kind] })),
  ];
}
