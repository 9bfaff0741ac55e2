import { getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ReportCounts } from "@/lib/analytics/report-sql";
import { NumberCell, ReportTable } from "./report-table";

export type ActivityRow = ReportCounts & { id: string; name: string; href: string; note?: string; extra?: string };

/** Per municipality or per opgave: updates, comments and active people, with a total line where it is a sum. */
export async function ActivityTable({
  caption,
  nameLabel,
  extraLabel,
  rows,
  totals,
}: {
  caption: string;
  nameLabel: string;
  /** A second text column (the CBS code), when given. */
  extraLabel?: string;
  rows: ActivityRow[];
  /** The programme's totals; people are counted once however many rows they appear in. */
  totals: ReportCounts;
}) {
  const t = await getTranslations("report.columns");
  return (
    <ReportTable
      caption={caption}
      columns={[
        { label: nameLabel },
        ...(extraLabel ? [{ label: extraLabel }] : []),
        { label: t("updates"), numeric: true },
        { label: t("comments"), numeric: true },
        { label: t("people"), numeric: true },
      ]}
    >
      {rows.map((row) => (
        <tr key={row.id} className="border-b border-slate-200">
          <th scope="row" className="p-2 font-semibold">
            <Link href={row.href}>{row.name}</Link>
            {row.note ? <span className="font-normal text-slate-700"> ({row.note})</span> : null}
          </th>
          {extraLabel ? <td className="p-2">{row.extra}</td> : null}
          <NumberCell value={row.updates} />
          <NumberCell value={row.comments} />
          <NumberCell value={row.people} />
        </tr>
      ))}
      <tr className="border-t-2 border-slate-400 font-semibold">
        <th scope="row" className="p-2" colSpan={extraLabel ? 2 : 1}>
          {t("programme")}
        </th>
        <NumberCell value={totals.updates} />
        <NumberCell value={totals.comments} />
        <NumberCell value={totals.people} />
      </tr>
    </ReportTable>
  );
}
