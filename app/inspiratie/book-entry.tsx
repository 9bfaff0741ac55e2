import { getFormatter, getTranslations } from "next-intl/server";
import { Markdown, type MarkdownLabels } from "@/components/markdown/markdown";
import type { BookEntry as Entry } from "@/lib/inspiration/queries";

/** One praktijkvoorbeeld in the public book: the coordinator's introduction, then the update as its author wrote it. */
export async function BookEntry({ entry, labels }: { entry: Entry; labels: MarkdownLabels }) {
  const [t, format] = await Promise.all([getTranslations("inspiration.book"), getFormatter()]);
  const heading = `voorbeeld-${entry.id}-titel`;
  return (
    <article id={`voorbeeld-${entry.id}`} aria-labelledby={heading} className="scroll-mt-6 space-y-4 border-t border-slate-300 pt-6">
      <h3 id={heading} className="text-2xl font-semibold">
        {entry.title}
      </h3>
      {entry.introduction ? <p className="text-lg font-semibold whitespace-pre-line text-slate-800">{entry.introduction}</p> : null}
      <dl className="grid gap-x-6 gap-y-1 rounded border border-slate-300 bg-white p-4 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">{t("municipality")}</dt>
        <dd>{entry.municipalityName}</dd>
        <dt className="font-semibold">{t("experiment")}</dt>
        <dd>{entry.experimentTitle}</dd>
        <dt className="font-semibold">{t("author")}</dt>
        <dd>{entry.authorName}</dd>
        {entry.publishedAt ? (
          <>
            <dt className="font-semibold">{t("date")}</dt>
            <dd>
              <time dateTime={entry.publishedAt.toISOString()}>{format.dateTime(entry.publishedAt, { dateStyle: "long" })}</time>
            </dd>
          </>
        ) : null}
        {entry.opgaven.length ? (
          <>
            <dt className="font-semibold">{t("opgaven")}</dt>
            <dd>{entry.opgaven.join(", ")}</dd>
          </>
        ) : null}
      </dl>
      {entry.body.trim() ? (
        <Markdown labels={labels} idPrefix={`voorbeeld-${entry.id}-`} topHeadingLevel={4} publicView className="max-w-3xl">
          {entry.body}
        </Markdown>
      ) : null}
    </article>
  );
}
