"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { ActionForm } from "@/components/form/action-form";
import { SelectField, SubmitButton, TextAreaField, TextField } from "@/components/form/fields";
import { createLessonAction, updateLessonAction } from "@/lib/lessons/actions";
import { lessonStatuses } from "@/lib/lessons/limits";

export type EditorLesson = { id: string; title: string; body: string };

/**
 * Writes a new lesson or edits one. ActionForm keeps what was typed when the
 * save is refused; on success the server action goes to the lesson's page.
 * A new lesson also gets its first status; later changes go through the
 * status form on the lesson's page, so each is logged with its reason.
 */
export function LessonEditor({ lesson, labelledBy, cancelHref }: { lesson?: EditorLesson; labelledBy: string; cancelHref: string }) {
  const t = useTranslations("lessons");
  return (
    <ActionForm action={lesson ? updateLessonAction : createLessonAction} aria-labelledby={labelledBy}>
      {lesson ? <input type="hidden" name="lessonId" value={lesson.id} /> : null}
      <TextField
        name="title"
        label={t("editor.titleField")}
        hint={t("editor.titleHint")}
        defaultValue={lesson?.title ?? ""}
        autoComplete="off"
      />
      <TextAreaField name="body" label={t("editor.body")} hint={t("editor.bodyHint")} defaultValue={lesson?.body ?? ""} rows={12} />
      {lesson ? null : (
        <SelectField
          name="status"
          label={t("editor.statusField")}
          hint={t("editor.statusHint")}
          options={lessonStatuses.map((status) => ({ value: status, label: t(`status.${status}`) }))}
          defaultValue="HYPOTHESE"
        />
      )}
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton>{lesson ? t("editor.save") : t("editor.create")}</SubmitButton>
        <Link href={cancelHref}>{t("editor.cancel")}</Link>
      </div>
    </ActionForm>
  );
}
