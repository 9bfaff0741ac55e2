import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ReportDiscussedRow } from "@/lib/analytics/report-sql";
import { NumberCell, ReportTable } from "./report-table";

/** The updates with the most visible comments written in the period, most first. */
export async function MostDiscussedTable({ caption, rows }: { caption: string; rows: ReportDiscussedRow[] }) {
  const [t, format] = await Promise.all([getTranslations("report.discussed"), getFormatter()]);
  if (rows.length === 0) return <p>{t("empty")}</p>;
  return (
    <ReportTable
      caption={caption}
      columns={[
        { label: t("rank"), numeric: true },
        { label: t("update") },
        { label: t("municipality") },
        { label: t("published") },
        { label: t("comments"), numeric: true },
      ]}
    >
      {rows.map((row, index) => (
        <tr key={row.id} className="border-b border-slate-200">
          <td className="p-2 text-right tabular-nums">{index + 1}</td>
          <th scope="row" className="min-w-48 p-2 font-semibold">
            <Link href={`/updates/${row.id}`} className="break-words">
              {row.title}
            </Link>
            <span className="block text-sm font-normal text-slate-700">{row.experimentTitle}</span>
          </th>
          <td className="p-2">
            <Link href={`/gemeenten/${row.municipalitySlug}`}>{row.municipalityName}</Link>
          </td>
          <td className="whitespace-nowrap p-2">
            <time dateTime={row.publishedAt}>{format.dateTime(new Date(row.publishedAt), { dateStyle: "medium" })}</time>
          </td>
          <NumberCell value={row.comments} />
        </tr>
      ))}
    </ReportTable>
  );
}
