import { authorSelect, avatarIdOf } from "@/lib/people/author";
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { mayReadComment, readableCommentWhere, shownCommentWhere } from "@/lib/policy/comments";
import { can, type Actor } from "@/lib/policy/permissions";
import { isListedUpdate, visibleUpdatesWhere } from "@/lib/policy/updates";
import { COMMENTS_PER_PAGE } from "./schema";

/** Most comments one view of the update may show (the "load more" link asks for more in steps of a page). */
export const COMMENTS_MAX = 5_000;

/** A comment count rounded up to whole pages: what `?reacties=` holds. */
export function wholePages(comments: number): number {
  return Math.max(1, Math.ceil(comments / COMMENTS_PER_PAGE)) * COMMENTS_PER_PAGE;
}

/**
 * How many of the threads (sizes in comments, in order) a view of `budget`
 * comments shows: whole threads while they fit, always the first, so a page
 * never splits a thread and a thread bigger than a page is shown whole.
 */
export function threadsWithin(sizes: number[], budget: number): number {
  let used = 0;
  let count = 0;
  for (const size of sizes) {
    if (count > 0 && used + size > budget) break;
    used += size;
    count += 1;
  }
  return count;
}

/**
 * Threads worth showing: their first comment is readable, or it is gone but
 * still has readable replies (then "verwijderd" holds the thread together).
 */
function threadsWhere(updateId: string, readable: Prisma.CommentWhereInput): Prisma.CommentWhereInput {
  return { updateId, parentId: null, OR: [readable, { replies: { some: readable } }] };
}

const commentSelect = {
  id: true,
  body: true,
  createdAt: true,
  editedAt: true,
  deletedAt: true,
  hiddenAt: true,
  authorId: true,
  parentId: true,
  replyToId: true,
  feedbackRequestId: true,
  author: { select: authorSelect },
  mentions: { select: { user: { select: { id: true, name: true } } } },
} as const satisfies Prisma.CommentSelect;

type CommentRow = Prisma.CommentGetPayload<{ select: typeof commentSelect }>;

export type CommentState = "visible" | "deleted" | "hidden";

export type CommentView = {
  id: string;
  /** The thread's first comment. */
  threadId: string;
  state: CommentState;
  /** The Markdown source with mention tokens; empty unless visible. */
  body: string;
  /** Current names of the mentioned members, by id. */
  mentions: Record<string, string>;
  /** Null for a deleted or hidden comment. */
  author: { id: string; name: string; avatarId: string | null; municipality: string | null } | null;
  createdAt: Date;
  editedAt: Date | null;
  /** For a reply that answers another reply: that reply (its author's name, unless it is gone). */
  replyTo: { id: string; authorName: string | null } | null;
  /** The feedback request this comment answers (shown with a badge), when its text is shown. */
  feedbackRequestId: string | null;
  appreciationCount: number;
  appreciatedByMe: boolean;
  canEdit: boolean;
  canDelete: boolean;
  canReply: boolean;
  canAppreciate: boolean;
  /** Hidden by moderation, and the actor reads it anyway (its author, staff): show a banner. */
  hiddenByModeration: boolean;
  canReport: boolean;
  /** The actor's report on it is open (they see "gemeld"). */
  reportedByMe: boolean;
  /** Staff: hide or show it again, delete it for good. */
  canHide: boolean;
  canUnhide: boolean;
  canDeleteAsModerator: boolean;
};

export type ThreadView = CommentView & { replies: CommentView[] };

export type CommentsPage = {
  updateId: string;
  updateAuthorId: string;
  /** Visible comments on the update (Update.commentCount). */
  total: number;
  /** May the actor start a thread (signed in, listed update, discussion not locked)? */
  canComment: boolean;
  /** A coordinator closed the discussion: no new comments. */
  locked: boolean;
  threads: ThreadView[];
  /** The `comments` that shows at least one more thread (for "Meer reacties laden"); null when all are shown. */
  nextComments: number | null;
};

function stateOf(row: { deletedAt: Date | null; hiddenAt: Date | null }): CommentState {
  if (row.hiddenAt) return "hidden";
  if (row.deletedAt) return "deleted";
  return "visible";
}

/**
 * The shown threads' ids in order, each with its size for paging: its first
 * comment plus the replies the actor may read (a gone or hidden reply the
 * actor cannot read takes no place). Two queries, on the update's comments only.
 */
async function threadSizes(updateId: string, readable: Prisma.CommentWhereInput): Promise<{ id: string; size: number }[]> {
  const [roots, replyCounts] = await Promise.all([
    db.comment.findMany({
      where: threadsWhere(updateId, readable),
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: COMMENTS_MAX,
      select: { id: true },
    }),
    db.comment.groupBy({
      by: ["parentId"],
      where: { AND: [{ updateId, parentId: { not: null } }, readable] },
      _count: { _all: true },
    }),
  ]);
  const replies = new Map(replyCounts.map((row) => [row.parentId, row._count._all]));
  return roots.map((root) => ({ id: root.id, size: 1 + (replies.get(root.id) ?? 0) }));
}

/**
 * An update's comments as its page shows them: threads oldest first, whole,
 * as many as fit in `comments` (a multiple of COMMENTS_PER_PAGE: the first
 * page, or the first pages after "Meer reacties laden"), each with its
 * replies oldest first, with names, edit/delete state, appreciation counts
 * and what the actor may do. Null if the actor may not read the update.
 *
 * The number of SQL queries is fixed, however many comments there are: the
 * update, the threads' ids and sizes, the appreciation counts, the actor's own
 * appreciations and reports in parallel, then the shown threads with their
 * replies. (Each findMany's relations cost Prisma one batched query per
 * relation, also independent of the number of rows.)
 * tests/comments-query-count.test.ts holds this.
 */
export async function getCommentsForUpdate(
  actor: Actor,
  updateId: string,
  { comments = COMMENTS_PER_PAGE }: { comments?: number } = {},
): Promise<CommentsPage | null> {
  const budget = Math.min(wholePages(Math.floor(comments) || COMMENTS_PER_PAGE), COMMENTS_MAX);
  const readable = readableCommentWhere(actor);
  const [update, threads, counts, mine, myReports] = await Promise.all([
    db.update.findFirst({
      where: { AND: [{ id: updateId }, visibleUpdatesWhere(actor)] },
      select: { id: true, status: true, hiddenAt: true, authorId: true, commentCount: true, commentsLockedAt: true },
    }),
    // Thrown away below when the actor may not read the update.
    threadSizes(updateId, readable),
    db.appreciation.groupBy({ by: ["commentId"], where: { comment: { updateId, ...shownCommentWhere } }, _count: { _all: true } }),
    db.appreciation.findMany({ where: { userId: actor.id, comment: { updateId } }, select: { commentId: true } }),
    db.report.findMany({
      where: { reporterId: actor.id, status: "OPEN", item: { contextUpdateId: updateId, commentId: { not: null } } },
      select: { item: { select: { commentId: true } } },
    }),
  ]);
  if (!update) return null;

  const shownCount = threadsWithin(
    threads.map((thread) => thread.size),
    budget,
  );
  const shownIds = threads.slice(0, shownCount).map((thread) => thread.id);
  const used = threads.slice(0, shownCount).reduce((sum, thread) => sum + thread.size, 0);
  const next = threads[shownCount];
  const nextComments = next && wholePages(used + next.size) <= COMMENTS_MAX ? wholePages(used + next.size) : null;
  const rows = shownIds.length
    ? await db.comment.findMany({
        where: {
          updateId,
          OR: [
            { id: { in: shownIds } },
            // Gone replies only where a visible reply answers them ("verwijderd" keeps the quote meaningful).
            { parentId: { in: shownIds }, OR: [readable, { answeredBy: { some: readable } }] },
          ],
        },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: commentSelect,
      })
    : [];
  const pageRows = rows.filter((row) => row.parentId === null);
  const replyRows = rows.filter((row) => row.parentId !== null);

  const countById = new Map(counts.map((row) => [row.commentId, row._count._all]));
  const appreciated = new Set(mine.map((row) => row.commentId));
  const reported = new Set(myReports.map((report) => report.item.commentId));
  const open = isListedUpdate(update);
  const locked = update.commentsLockedAt !== null;
  const mayComment = open && !locked && can(actor, "comment:create");
  const byId = new Map<string, CommentRow>([...pageRows, ...replyRows].map((row) => [row.id, row]));

  function view(row: CommentRow): CommentView {
    const state = stateOf(row);
    const visible = state === "visible";
    const textShown = mayReadComment(actor, row);
    const own = row.authorId === actor.id;
    const answered = row.replyToId && row.replyToId !== row.parentId ? byId.get(row.replyToId) : undefined;
    return {
      id: row.id,
      threadId: row.parentId ?? row.id,
      state,
      body: textShown ? row.body : "",
      mentions: textShown ? Object.fromEntries(row.mentions.map((mention) => [mention.user.id, mention.user.name])) : {},
      author: textShown
        ? { id: row.authorId, name: row.author.name, avatarId: avatarIdOf(row.author), municipality: row.author.municipality?.name ?? null }
        : null,
      createdAt: row.createdAt,
      editedAt: textShown ? row.editedAt : null,
      replyTo: answered ? { id: answered.id, authorName: mayReadComment(actor, answered) ? answered.author.name : null } : null,
      feedbackRequestId: textShown ? row.feedbackRequestId : null,
      appreciationCount: visible ? (countById.get(row.id) ?? 0) : 0,
      appreciatedByMe: visible && appreciated.has(row.id),
      canEdit: visible && open && own && can(actor, "comment:edit-own"),
      canDelete: visible && own && can(actor, "comment:delete-own"),
      canReply: visible && mayComment,
      canAppreciate: visible && open && !own && can(actor, "appreciation:create"),
      hiddenByModeration: state === "hidden" && textShown,
      canReport: visible && open && !own && can(actor, "report:create"),
      reportedByMe: reported.has(row.id),
      canHide: visible && can(actor, "comment:hide"),
      canUnhide: state === "hidden" && row.deletedAt === null && can(actor, "comment:hide"),
      canDeleteAsModerator: row.deletedAt === null && can(actor, "comment:delete-any"),
    };
  }

  const repliesByThread = new Map<string, CommentView[]>();
  for (const row of replyRows) {
    if (!row.parentId) continue;
    const list = repliesByThread.get(row.parentId) ?? [];
    list.push(view(row));
    repliesByThread.set(row.parentId, list);
  }

  return {
    updateId: update.id,
    updateAuthorId: update.authorId,
    total: update.commentCount,
    canComment: mayComment,
    locked,
    threads: pageRows.map((row) => ({ ...view(row), replies: repliesByThread.get(row.id) ?? [] })),
    nextComments,
  };
}

/**
 * Where a comment stands: its thread, and the `comments` (whole pages) a view
 * needs to show that thread, with the same sizes the page uses, so a link to
 * a comment beyond the first page can load enough. Null if its thread is not
 * shown to the actor (or the update is not readable).
 */
export async function locateComment(
  actor: Actor,
  updateId: string,
  commentId: string,
): Promise<{ threadId: string; comments: number } | null> {
  const [comment, threads] = await Promise.all([
    db.comment.findFirst({
      where: { id: commentId, updateId, update: visibleUpdatesWhere(actor) },
      select: { id: true, parentId: true },
    }),
    threadSizes(updateId, readableCommentWhere(actor)),
  ]);
  if (!comment) return null;
  const threadId = comment.parentId ?? comment.id;
  const index = threads.findIndex((thread) => thread.id === threadId);
  if (index < 0) return null;
  const through = threads.slice(0, index + 1).reduce((sum, thread) => sum + thread.size, 0);
  const comments = index === 0 ? COMMENTS_PER_PAGE : wholePages(through);
  return comments <= COMMENTS_MAX ? { threadId, comments } : null;
}
