import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/layout/breadcrumbs";
import { LessonEditor } from "@/components/lessons/lesson-editor";
import { DeleteLessonForm } from "@/components/lessons/lesson-forms";
import { getLessonForEdit } from "@/lib/lessons/queries";
import { idParam } from "@/lib/route-params";
import { requirePermission } from "@/lib/session";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("lessons.editor"))("editTitle") };
}

export default async function EditLessonPage({ params }: Props) {
  const id = idParam((await params).id);
  await requirePermission("lesson:curate", `/lessen/${id}/bewerken`);
  const lesson = await getLessonForEdit(id);
  if (!lesson) notFound();
  const t = await getTranslations("lessons");
  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <Breadcrumbs
        items={[{ nav: "lessons", href: "/lessen" }, { label: lesson.title, href: `/lessen/${lesson.id}` }, { nav: "crumbEdit" }]}
      />
      <div className="space-y-6">
        <h1 id="lesson-editor-heading">{t("editor.editTitle")}</h1>
        <LessonEditor lesson={lesson} labelledBy="lesson-editor-heading" cancelHref={`/lessen/${lesson.id}`} />
      </div>
      <DeleteLessonForm lessonId={lesson.id} />
    </div>
  );
}
