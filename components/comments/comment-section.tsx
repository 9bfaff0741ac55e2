import { getFormatter, getTranslations } from "next-intl/server";
import { AppreciationButton } from "@/components/appreciation/appreciation-button";
import { getMarkdownLabels } from "@/components/markdown/labels";
import { Markdown, type MarkdownLabels } from "@/components/markdown/markdown";
import { CommentModeration } from "@/components/moderation/comment-moderation";
import { Avatar } from "@/components/people/avatar";
import { profilePath, renderMentions } from "@/lib/comments/mentions";
import { COMMENTS_MAX, getCommentsForUpdate, wholePages, type CommentView, type ThreadView } from "@/lib/comments/queries";
import { COMMENTS_PER_PAGE } from "@/lib/comments/schema";
import { isNewComment } from "@/lib/notifications/new-since";
import type { Actor } from "@/lib/policy/permissions";
import { Announcer } from "./announcer";
import { CommentActions } from "./comment-actions";
import { CommentAnchor } from "./comment-anchor";
import { CommentForm } from "./comment-form";
import { LoadMore } from "./load-more";

/**
 * How many comments the page shows (whole threads, replies included), from
 * its `?reacties=` parameter: whole pages of COMMENTS_PER_PAGE, at least one,
 * at most COMMENTS_MAX. Older links counted threads there; they still open,
 * and a linked comment beyond the page is found by CommentAnchor.
 */
export function commentsToShow(parameter: string | string[] | undefined): number {
  const value = Number(Array.isArray(parameter) ? parameter[0] : parameter);
  if (!Number.isFinite(value) || value <= COMMENTS_PER_PAGE) return COMMENTS_PER_PAGE;
  return Math.min(COMMENTS_MAX, wholePages(value));
}

type Words = {
  /** The reader and their previous visit, for the "nieuw" marker. */
  reader: { userId: string; lastVisitedAt: Date | null; newLabel: string };
  t: Awaited<ReturnType<typeof getTranslations<"comments">>>;
  format: Awaited<ReturnType<typeof getFormatter>>;
  markdownLabels: MarkdownLabels;
};

export type CommentSectionProps = {
  updateId: string;
  actor: Actor;
  /** The update's author (their comments get a marker). */
  updateAuthorId: string;
  /** The page's `?reacties=` search parameter: how many comments to show. */
  shownComments?: string | string[];
  /** The reader's previous visit to this update (comments after it are marked "nieuw"). */
  lastVisitedAt?: Date | null;
};

/**
 * The comments under an update: a heading with the count, the threads oldest
 * first as an ordered list of articles, each with its replies in a nested,
 * labelled list; "Meer reacties laden" past the first page (COMMENTS_PER_PAGE comments, whole threads); the form
 * to write a new comment at the end. Server-rendered; the buttons and forms
 * are small client islands.
 */
export async function CommentSection({ updateId, actor, updateAuthorId, shownComments, lastVisitedAt = null }: CommentSectionProps) {
  const limit = commentsToShow(shownComments);
  const [page, t, tNotifications, tModeration, format, markdownLabels] = await Promise.all([
    getCommentsForUpdate(actor, updateId, { comments: limit }),
    getTranslations("comments"),
    getTranslations("notifications"),
    getTranslations("moderation"),
    getFormatter(),
    getMarkdownLabels(),
  ]);
  if (!page) return null;
  const words: Words = { t, format, markdownLabels, reader: { userId: actor.id, lastVisitedAt, newLabel: tNotifications("newComment") } };
  const lastThread = page.threads.at(-1);

  return (
    <div className="space-y-6">
      <Announcer />
      <CommentAnchor updateId={updateId} commentsShown={limit} />
      <h2 id="reacties-titel" tabIndex={-1} className="outline-none">
        {t("heading", { count: page.total })}
      </h2>
      {page.canComment && page.threads.length > 2 ? (
        <p>
          <a href="#reactie-schrijven">{t("jumpToForm")}</a>
        </p>
      ) : null}

      {page.threads.length ? (
        <ol aria-labelledby="reacties-titel" className="space-y-6">
          {page.threads.map((thread) => (
            <li key={thread.id} data-thread="">
              <Thread thread={thread} updateId={updateId} updateAuthorId={updateAuthorId} words={words} />
            </li>
          ))}
        </ol>
      ) : (
        <p className="text-slate-700">{t("empty")}</p>
      )}

      <LoadMore nextCount={page.nextComments} lastThreadId={page.nextComments ? (lastThread?.id ?? null) : null} />

      {page.locked ? (
        <p role="note" className="rounded border-l-4 border-slate-700 bg-slate-100 px-4 py-3 font-semibold">
          {tModeration("lockedNotice")}
        </p>
      ) : null}
      {page.canComment ? (
        <div className="space-y-3 rounded border border-slate-300 bg-white p-4">
          <h3 id="reactie-schrijven" tabIndex={-1} className="scroll-mt-6 text-lg font-semibold outline-none">
            {t("newHeading")}
          </h3>
          <CommentForm updateId={updateId} label={t("newLabel")} formLabel={t("newHeading")} successMessage={t("posted")} rows={5} />
        </div>
      ) : null}
    </div>
  );
}

function Thread({
  thread,
  updateId,
  updateAuthorId,
  words,
}: {
  thread: ThreadView;
  updateId: string;
  updateAuthorId: string;
  words: Words;
}) {
  const { t } = words;
  return (
    <article aria-labelledby={`reactie-${thread.id}-kop`} className="space-y-3">
      <Comment comment={thread} level={3} updateId={updateId} updateAuthorId={updateAuthorId} words={words} />
      {thread.replies.length ? (
        <ol
          aria-label={thread.author ? t("repliesLabel", { name: thread.author.name }) : t("repliesLabelGone")}
          className="ml-3 space-y-3 border-l-4 border-slate-200 pl-3 sm:ml-8 sm:pl-5"
        >
          {thread.replies.map((reply) => (
            <li key={reply.id}>
              <article aria-labelledby={`reactie-${reply.id}-kop`}>
                <Comment comment={reply} level={4} updateId={updateId} updateAuthorId={updateAuthorId} words={words} />
              </article>
            </li>
          ))}
        </ol>
      ) : null}
    </article>
  );
}

function Comment({
  comment,
  level,
  updateId,
  updateAuthorId,
  words: { t, format, markdownLabels, reader },
}: {
  comment: CommentView;
  level: 3 | 4;
  updateId: string;
  updateAuthorId: string;
  words: Words;
}) {
  const Heading = level === 3 ? "h3" : "h4";
  const headingId = `reactie-${comment.id}-kop`;
  const when = (date: Date) => format.dateTime(date, { dateStyle: "long", timeStyle: "short" });

  // A gone comment holds its thread together; a hidden one shows only to its author and staff (author set, with a banner).
  if (!comment.author) {
    return (
      <div id={`reactie-${comment.id}`} data-comment="" tabIndex={-1} className="comment-card comment-card-gone">
        <Heading id={headingId} className="text-base font-semibold text-slate-700">
          {comment.state === "hidden" ? t("hiddenHeading") : t("deletedHeading")}
        </Heading>
        <p className="italic text-slate-700">{comment.state === "hidden" ? t("hidden") : t("deleted")}</p>
      </div>
    );
  }

  const author = comment.author;
  return (
    <div id={`reactie-${comment.id}`} data-comment="" tabIndex={-1} className="comment-card">
      <header className="space-y-1">
        <Heading id={headingId} className="text-base font-semibold">
          <Avatar name={author.name} avatarId={author.avatarId} className="mr-2" />
          <a href={profilePath(author.id)}>{author.name}</a>
          {isNewComment({ authorId: author.id, createdAt: comment.createdAt }, reader) ? (
            <>
              <span className="sr-only">, </span>
              <span className="comment-badge bg-amber-100 text-amber-900">{reader.newLabel}</span>
            </>
          ) : null}
          {author.id === updateAuthorId ? (
            <>
              <span className="sr-only">, </span>
              <span className="comment-badge bg-brand-light text-brand-dark">{t("authorBadge")}</span>
            </>
          ) : null}
        </Heading>
        {comment.feedbackRequestId ? (
          <p className="text-sm">
            <a
              href={`#feedbackverzoek-${comment.feedbackRequestId}`}
              data-feedback-answer=""
              className="inline-block rounded border border-green-800 bg-green-50 px-2 py-0.5 text-xs font-semibold text-green-900 no-underline hover:underline"
            >
              {t("feedbackAnswer")}
            </a>
          </p>
        ) : null}
        <p className="text-sm text-slate-700">
          {author.municipality ? <span>{author.municipality} · </span> : null}
          <a href={`#reactie-${comment.id}`}>
            <time dateTime={comment.createdAt.toISOString()}>{when(comment.createdAt)}</time>
          </a>
          {comment.editedAt ? (
            <>
              {" · "}
              <span className="italic">
                {t.rich("edited", {
                  when: when(comment.editedAt),
                  time: (chunks) => <time dateTime={comment.editedAt?.toISOString()}>{chunks}</time>,
                })}
              </span>
            </>
          ) : null}
        </p>
        {comment.replyTo ? (
          <p className="text-sm text-slate-700">
            {comment.replyTo.authorName ? (
              <>
                {t("answerTo")} <a href={`#reactie-${comment.replyTo.id}`}>{comment.replyTo.authorName}</a>
              </>
            ) : (
              <a href={`#reactie-${comment.replyTo.id}`}>{t("answerToGone")}</a>
            )}
          </p>
        ) : null}
      </header>
      <Markdown
        labels={markdownLabels}
        idPrefix={`reactietekst-${comment.id}-`}
        topHeadingLevel={level === 3 ? 4 : 5}
        className="text-base"
      >
        {renderMentions(comment.body, comment.mentions)}
      </Markdown>
      {/* Compact, it renders nothing without a button or a count: no client island then. */}
      {comment.canAppreciate || comment.appreciationCount > 0 ? (
        <AppreciationButton
          target={{ commentId: comment.id }}
          count={comment.appreciationCount}
          appreciated={comment.appreciatedByMe}
          canToggle={comment.canAppreciate}
          compact
        />
      ) : null}
      <CommentActions
        updateId={updateId}
        commentId={comment.id}
        authorName={author.name}
        body={comment.canEdit ? comment.body : ""}
        canReply={comment.canReply}
        canEdit={comment.canEdit}
        canDelete={comment.canDelete}
      />
      <CommentModeration comment={comment} updateId={updateId} authorName={author.name} />
    </div>
  );
}
