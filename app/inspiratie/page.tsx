import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { getMarkdownLabels } from "@/components/markdown/labels";
import { Markdown } from "@/components/markdown/markdown";
import { getInspirationBook } from "@/lib/inspiration/queries";
import { can } from "@/lib/policy/permissions";
import { getCurrentUser } from "@/lib/session";
import { BookEntry } from "./book-entry";
import "./print.css";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("inspiration.book"))("title") };
}

/**
 * The public inspiration book (proxy.ts PUBLIC_PATHS): the programme's themes
 * as chapters with the praktijkvoorbeelden whose authors consented, then the
 * confirmed lessons. The only part of the portal a visitor reads, so it links
 * nowhere else: no updates, experiments, people or comments.
 */
export default async function InspirationBookPage() {
  const [t, user, book, labels] = await Promise.all([
    getTranslations("inspiration.book"),
    getCurrentUser(),
    getLocale().then((locale) => getInspirationBook(locale)),
    getMarkdownLabels(),
  ]);
  const chapters = [
    ...book.chapters.map((chapter) => ({
      key: chapter.id,
      name: chapter.name,
      description: chapter.description,
      entries: chapter.entries,
    })),
    ...(book.unsorted.length ? [{ key: "overig", name: t("unsorted"), description: "", entries: book.unsorted }] : []),
  ];
  const empty = chapters.length === 0 && book.lessons.length === 0;
  return (
    <div data-print-book className="mx-auto max-w-4xl space-y-12">
      <header className="space-y-4">
        <h1>{t("title")}</h1>
        <p className="text-lg">{t("intro")}</p>
        <p>{t("consentNote")}</p>
        {user ? null : (
          <p className="print:hidden">
            {t("membersPrefix")} <Link href="/inloggen">{t("signIn")}</Link>
          </p>
        )}
        {can(user, "inspiration:curate") ? (
          <p className="print:hidden">
            <Link href="/beheer/inspiratie">{t("manage")}</Link>
          </p>
        ) : null}
      </header>

      {empty ? <p>{t("empty")}</p> : null}

      {empty ? null : (
        <nav aria-labelledby="inhoudsopgave" className="space-y-2 rounded border border-slate-300 bg-white p-4">
          <h2 id="inhoudsopgave">{t("contents")}</h2>
          <ol className="list-decimal space-y-1 pl-6">
            {chapters.map((chapter) => (
              <li key={chapter.key}>
                <a href={`#hoofdstuk-${chapter.key}`}>{chapter.name}</a> ({t("exampleCount", { count: chapter.entries.length })})
              </li>
            ))}
            {book.lessons.length ? (
              <li>
                <a href="#lessen">{t("lessons")}</a> ({t("lessonCount", { count: book.lessons.length })})
              </li>
            ) : null}
          </ol>
        </nav>
      )}

      {chapters.map((chapter) => (
        <section
          key={chapter.key}
          id={`hoofdstuk-${chapter.key}`}
          aria-labelledby={`hoofdstuk-${chapter.key}-titel`}
          className="scroll-mt-6 space-y-6 print:break-before-page"
        >
          <div className="space-y-2">
            <h2 id={`hoofdstuk-${chapter.key}-titel`} className="text-2xl">
              {chapter.name}
            </h2>
            {chapter.description ? <p className="text-slate-800">{chapter.description}</p> : null}
          </div>
          {chapter.entries.map((entry) => (
            <BookEntry key={entry.id} entry={entry} labels={labels} />
          ))}
        </section>
      ))}

      {book.lessons.length ? (
        <section id="lessen" aria-labelledby="lessen-titel" className="scroll-mt-6 space-y-6 print:break-before-page">
          <div className="space-y-2">
            <h2 id="lessen-titel" className="text-2xl">
              {t("lessons")}
            </h2>
            <p>{t("lessonsIntro")}</p>
          </div>
          <ol className="space-y-8">
            {book.lessons.map((lesson, index) => (
              <li key={lesson.id} id={`les-${lesson.id}`} className="space-y-3 border-t border-slate-300 pt-6">
                <h3 className="text-xl font-semibold">{t("lessonTitle", { number: index + 1, title: lesson.title })}</h3>
                <Markdown labels={labels} idPrefix={`les-${lesson.id}-`} topHeadingLevel={4} publicView className="max-w-3xl">
                  {lesson.body}
                </Markdown>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}
