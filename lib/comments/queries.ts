import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { mayReadComment, readableCommentWhere, shownCommentWhere } from "@/lib/policy/comments";
import { can, type Actor } from "@/lib/policy/permissions";
import { isListedUpdate, visibleUpdatesWhere } from "@/lib/policy/updates";
import { COMMENT_THREADS_PER_PAGE } from "./schema";

/** Most threads one page of the update may show (the "load more" link asks for more in steps). */
export const COMMENT_THREADS_MAX = 1_000;

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
  author: { select: { name: true, municipality: { select: { name: true } } } },
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
  author: { id: string; name: string; municipality: string | null } | null;
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
  /** Pass as `threadsAfter` for the next page; null on the last page. */
  nextCursor: string | null;
};

function stateOf(row: { deletedAt: Date | null; hiddenAt: Date | null }): CommentState {
  if (row.hiddenAt) return "hidden";
  if (row.deletedAt) return "deleted";
  return "visible";
}

/**
 * One page of an update's comments, as its page shows them: threads oldest
 * first (after the cursor, at most `limit`), each with all its replies oldest
 * first, with names, edit/delete state, appreciation counts and what the
 * actor may do. Null if the actor may not read the update.
 *
 * The number of SQL queries is fixed, however many comments there are: the
 * update, the page's threads, the appreciation counts and the actor's own
 * appreciations in parallel, then the replies of those threads. (Each
 * findMany's relations cost Prisma one batched query per relation, also
 * independent of the number of rows.) tests/comments-query-count.test.ts holds this.
 */
export async function getCommentsForUpdate(
  actor: Actor,
  updateId: string,
  { threadsAfter, limit = COMMENT_THREADS_PER_PAGE }: { threadsAfter?: string | null; limit?: number } = {},
): Promise<CommentsPage | null> {
  const take = Math.min(Math.max(1, Math.floor(limit) || COMMENT_THREADS_PER_PAGE), COMMENT_THREADS_MAX);
  const readable = readableCommentWhere(actor);
  const [update, threadRows, counts, mine, myReports] = await Promise.all([
    db.update.findFirst({
      where: { AND: [{ id: updateId }, visibleUpdatesWhere(actor)] },
      select: { id: true, status: true, hiddenAt: true, authorId: true, commentCount: true, commentsLockedAt: true },
    }),
    db.comment.findMany({
      // Thrown away below when the actor may not read the update.
      where: threadsWhere(updateId, readable),
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      ...(threadsAfter ? { cursor: { id: threadsAfter }, skip: 1 } : {}),
      take: take + 1,
      select: commentSelect,
    }),
    db.appreciation.groupBy({ by: ["commentId"], where: { comment: { updateId, ...shownCommentWhere } }, _count: { _all: true } }),
    db.appreciation.findMany({ where: { userId: actor.id, comment: { updateId } }, select: { commentId: true } }),
    db.report.findMany({
      where: { reporterId: actor.id, status: "OPEN", item: { contextUpdateId: updateId, commentId: { not: null } } },
      select: { item: { select: { commentId: true } } },
    }),
  ]);
  if (!update) return null;

  const pageRows = threadRows.slice(0, take);
  const nextCursor = threadRows.length > take ? (pageRows.at(-1)?.id ?? null) : null;
  const replyRows = pageRows.length
    ? await db.comment.findMany({
        // Gone replies only where a visible reply answers them ("verwijderd" keeps the quote meaningful).
        where: { parentId: { in: pageRows.map((row) => row.id) }, OR: [readable, { answeredBy: { some: readable } }] },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: commentSelect,
      })
    : [];

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
      author: textShown ? { id: row.authorId, name: row.author.name, municipality: row.author.municipality?.name ?? null } : null,
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
    nextCursor,
  };
}

/**
 * Where a comment stands: the 1-based position of its thread among the
 * update's shown threads, so a link to a comment beyond the first page can
 * load enough threads. Null if the comment is not shown (or not readable).
 */
export async function locateComment(
  actor: Actor,
  updateId: string,
  commentId: string,
): Promise<{ threadId: string; position: number } | null> {
  const comment = await db.comment.findFirst({
    where: { id: commentId, updateId, update: visibleUpdatesWhere(actor) },
    select: { id: true, parentId: true, createdAt: true, parent: { select: { id: true, createdAt: true } } },
  });
  if (!comment) return null;
  const root = comment.parent ?? comment;
  const position = await db.comment.count({
    where: {
      AND: [
        threadsWhere(updateId, readableCommentWhere(actor)),
        { OR: [{ createdAt: { lt: root.createdAt } }, { createdAt: root.createdAt, id: { lte: root.id } }] },
      ],
    },
  });
  return position > 0 ? { threadId: root.id, position } : null;
}
