import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { LessonStatusBadge } from "@/components/lessons/status-badge";
import { TagList } from "@/components/ui/tag-list";
import type { LessonStatus } from "@/lib/generated/prisma/enums";
import { lessonStatuses } from "@/lib/lessons/limits";
import { listLessons } from "@/lib/lessons/queries";
import { can } from "@/lib/policy/permissions";
import { requirePermission } from "@/lib/session";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("lessons"))("title") };
}

const linkButtonClass =
  "inline-flex items-center rounded bg-brand px-4 py-2 font-semibold text-white no-underline hover:bg-brand-dark hover:text-white";

/** ?status=ONDERBOUWD filters; anything else shows all lessons. */
function statusFilter(value: string | string[] | undefined): LessonStatus | undefined {
  return lessonStatuses.find((status) => status === value);
}

export default async function LessonsPage({ searchParams }: Props) {
  const user = await requirePermission("portal:read", "/lessen");
  const query = await searchParams;
  const status = statusFilter(query.status);
  const [t, format, lessons] = await Promise.all([getTranslations("lessons"), getFormatter(), listLessons({ status })]);
  const filters: { status?: LessonStatus; label: string }[] = [
    { label: t("filterAll") },
    ...lessonStatuses.map((value) => ({ status: value, label: t(`status.${value}`) })),
  ];

  return (
    <div className="space-y-6">
      <h1>{t("title")}</h1>
      <p className="max-w-3xl">{t("intro")}</p>
      {query.deleted === "1" ? (
        <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 px-4 py-3 text-green-900">
          {t("deleted")}
        </p>
      ) : null}
      {can(user, "lesson:curate") ? (
        <p>
          <Link href="/lessen/nieuw" className={linkButtonClass}>
            {t("newLesson")}
          </Link>
        </p>
      ) : null}

      <nav aria-label={t("filterLabel")}>
        <ul className="flex flex-wrap gap-2">
          {filters.map((filter) => {
            const current = filter.status === status;
            return (
              <li key={filter.status ?? "all"}>
                <Link
                  href={filter.status ? `/lessen?status=${filter.status}` : "/lessen"}
                  aria-current={current ? "page" : undefined}
                  className={`inline-block rounded-full border-2 px-4 py-1 font-semibold no-underline ${
                    current ? "border-brand bg-brand text-white hover:text-white" : "border-slate-400 bg-white hover:border-brand"
                  }`}
                >
                  {filter.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>

      <p>{t("results", { count: lessons.length })}</p>
      {lessons.length === 0 ? (
        <p>{status ? t("emptyFiltered") : t("empty")}</p>
      ) : (
        <ul className="space-y-4">
          {lessons.map((lesson) => (
            <li key={lesson.id}>
              <article aria-labelledby={`les-${lesson.id}`} className="space-y-3 rounded border border-slate-300 bg-white p-4">
                <header className="flex flex-wrap items-center gap-x-3 gap-y-2">
                  <h2 id={`les-${lesson.id}`} className="text-xl">
                    <Link href={`/lessen/${lesson.id}`}>{lesson.title}</Link>
                  </h2>
                  <LessonStatusBadge status={lesson.status} label={t(`status.${lesson.status}`)} prefix={t("statusPrefix")} />
                </header>
                <p className="text-sm text-slate-700">
                  <span className="font-semibold text-slate-900">{t("evidenceCount", { count: lesson.evidenceCount })}</span>
                  {" · "}
                  {t("updatedOn", { date: format.dateTime(lesson.updatedAt, { dateStyle: "long" }) })}
                </p>
                {lesson.opgaven.length ? (
                  <div className="space-y-1">
                    <p className="text-sm font-semibold text-slate-800">{t("opgaven")}</p>
                    <TagList items={lesson.opgaven} href={(opgave) => `/opgaven/${opgave.slug}`} />
                  </div>
                ) : null}
              </article>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
