import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { LessonEditor } from "@/components/lessons/lesson-editor";
import { requirePermission } from "@/lib/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("lessons.editor"))("newTitle") };
}

export default async function NewLessonPage() {
  await requirePermission("lesson:curate", "/lessen/nieuw");
  const t = await getTranslations("lessons");
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <p className="text-sm">
        <Link href="/lessen">{t("page.back")}</Link>
      </p>
      <h1 id="lesson-editor-heading">{t("editor.newTitle")}</h1>
      <LessonEditor labelledBy="lesson-editor-heading" cancelHref="/lessen" />
    </div>
  );
}
