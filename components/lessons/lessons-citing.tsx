import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { listLessonChoices, listLessonsCiting } from "@/lib/lessons/queries";
import { can, type Actor } from "@/lib/policy/permissions";
import { AddToLessonForm } from "./lesson-forms";
import { LessonStatusBadge } from "./status-badge";

/**
 * On a listed update's page: the lessons that cite this update or one of its
 * shown comments. Nothing for readers when none do; staff get a hint and a
 * form to add the update to a lesson.
 */
export async function LessonsCiting({ updateId, actor }: { updateId: string; actor: Actor }) {
  const curator = can(actor, "lesson:curate");
  const [lessons, choices] = await Promise.all([listLessonsCiting(updateId), curator ? listLessonChoices() : Promise.resolve([])]);
  if (!lessons.length && !curator) return null;
  const t = await getTranslations("lessons");
  const cited = new Set(lessons.map((lesson) => lesson.id));
  const addable = choices.filter((choice) => !cited.has(choice.id));

  return (
    <section aria-labelledby="lessen-titel" className="space-y-3 border-t border-slate-300 pt-6">
      <h2 id="lessen-titel" className="text-xl">
        {t("citing.heading")}
      </h2>
      {lessons.length ? (
        <ul className="space-y-2">
          {lessons.map((lesson) => (
            <li key={lesson.id} className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <Link href={`/lessen/${lesson.id}`} className="font-semibold">
                {lesson.title}
              </Link>
              <LessonStatusBadge status={lesson.status} label={t(`status.${lesson.status}`)} prefix={t("statusPrefix")} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-slate-700">{t("citing.hint")}</p>
      )}
      {curator && addable.length ? <AddToLessonForm updateId={updateId} lessons={addable} /> : null}
      {curator && !choices.length ? (
        <p>
          <Link href="/lessen/nieuw">{t("citing.noLessonsYet")}</Link>
        </p>
      ) : null}
    </section>
  );
}
