import { getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ReportLesson } from "@/lib/analytics/report-queries";
import { NumberCell, ReportTable } from "./report-table";

/** The lessons (confirmed first) with the updates cited as their evidence in the period. */
export async function ReportLessons({ caption, lessons }: { caption: string; lessons: ReportLesson[] }) {
  const t = await getTranslations("report.lessons");
  if (lessons.length === 0) return <p>{t("empty")}</p>;
  return (
    <ReportTable
      caption={caption}
      columns={[{ label: t("lesson") }, { label: t("status") }, { label: t("evidence"), numeric: true }, { label: t("cited") }]}
    >
      {lessons.map((lesson) => (
        <tr key={lesson.id} className="border-b border-slate-200 align-top">
          <th scope="row" className="min-w-48 p-2 font-semibold">
            <Link href={`/lessen/${lesson.id}`} className="break-words">
              {lesson.title}
            </Link>
          </th>
          <td className="whitespace-nowrap p-2">{t(`statuses.${lesson.status}`)}</td>
          <NumberCell value={lesson.evidenceCount} />
          <td className="min-w-48 p-2">
            {lesson.citedUpdates.length === 0 ? (
              <span>{t("noneCited")}</span>
            ) : (
              <ul className="list-disc space-y-1 pl-5">
                {lesson.citedUpdates.map((update) => (
                  <li key={update.id}>
                    <Link href={`/updates/${update.id}`} className="break-words">
                      {update.title}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </td>
        </tr>
      ))}
    </ReportTable>
  );
}
