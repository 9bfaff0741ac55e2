import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { Breadcrumbs } from "@/components/layout/breadcrumbs";
import { EvidenceList } from "@/components/lessons/evidence-list";
import { CitationForm, LessonStatusForm } from "@/components/lessons/lesson-forms";
import { LessonStatusBadge } from "@/components/lessons/status-badge";
import { getMarkdownLabels } from "@/components/markdown/labels";
import { Markdown } from "@/components/markdown/markdown";
import { getLesson } from "@/lib/lessons/queries";
import { can } from "@/lib/policy/permissions";
import { idParam } from "@/lib/route-params";
import { getCurrentUser, requirePermission } from "@/lib/session";

type Props = { params: Promise<{ id: string }> };

// Metadata and page share one query per request.
const loadLesson = cache(getLesson);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = idParam((await params).id);
  if (!can(await getCurrentUser(), "portal:read")) return {};
  const lesson = await loadLesson(id);
  return { title: lesson?.title ?? (await getTranslations("notFound"))("title") };
}

const actionLinkClass =
  "inline-flex items-center rounded border-2 border-brand bg-white px-4 py-2 font-semibold text-brand no-underline hover:bg-brand-light hover:text-brand-dark";

export default async function LessonPage({ params }: Props) {
  const id = idParam((await params).id);
  const user = await requirePermission("portal:read", `/lessen/${id}`);
  const lesson = await loadLesson(id);
  if (!lesson) notFound();
  const [t, format, markdownLabels] = await Promise.all([getTranslations("lessons"), getFormatter(), getMarkdownLabels()]);
  const curator = can(user, "lesson:curate");
  const statusLabel = t(`status.${lesson.status}`);

  return (
    <article aria-labelledby="lesson-title" className="mx-auto max-w-4xl space-y-8">
      <header className="space-y-4">
        <Breadcrumbs items={[{ nav: "lessons", href: "/lessen" }, { label: lesson.title }]} />
        <h1 id="lesson-title">{lesson.title}</h1>
        <dl className="grid grid-cols-[max-content_1fr] items-center gap-x-6 gap-y-2 rounded border border-slate-300 bg-white p-4">
          <dt className="font-semibold">{t("page.status")}</dt>
          <dd>
            <LessonStatusBadge status={lesson.status} label={statusLabel} prefix={t("statusPrefix")} />
          </dd>
          <dt className="font-semibold">{t("page.author")}</dt>
          <dd>{lesson.author.name}</dd>
          <dt className="font-semibold">{t("page.updated")}</dt>
          <dd>
            <time dateTime={lesson.updatedAt.toISOString()}>{format.dateTime(lesson.updatedAt, { dateStyle: "long" })}</time>
          </dd>
        </dl>
        {curator ? (
          <p>
            <Link href={`/lessen/${lesson.id}/bewerken`} className={actionLinkClass}>
              {t("page.edit")}
            </Link>
          </p>
        ) : null}
      </header>

      <Markdown labels={markdownLabels} className="max-w-3xl text-lg">
        {lesson.body}
      </Markdown>

      {curator ? <LessonStatusForm lessonId={lesson.id} status={lesson.status} /> : null}

      <section aria-labelledby="bewijs-titel" className="space-y-4 border-t border-slate-300 pt-6">
        <h2 id="bewijs-titel">{t("page.evidenceHeading")}</h2>
        <p>
          {t("page.evidenceIntro")} <span className="font-semibold">{t("evidenceCount", { count: lesson.evidenceCount })}</span>
        </p>
        {lesson.evidence.length ? <EvidenceList evidence={lesson.evidence} curator={curator} /> : <p>{t("page.noEvidence")}</p>}
        {curator ? <CitationForm lessonId={lesson.id} /> : null}
      </section>
    </article>
  );
}
