/**
 * "New since your last visit", as a pure function: usable in server and
 * client components (the comment list). No database here; the data comes
 * from lib/notifications/visits.ts.
 */

/**
 * Whether a comment is new for the reader: written after their previous visit
 * to the update, by someone else. Never visited (`lastVisitedAt` null) means
 * nothing is marked: a first visit shows the thread as it is.
 */
export function isNewComment(
  comment: { authorId: string; createdAt: Date | string },
  reader: { userId: string; lastVisitedAt: Date | string | null },
): boolean {
  if (!reader.lastVisitedAt || comment.authorId === reader.userId) return false;
  return new Date(comment.createdAt).getTime() > new Date(reader.lastVisitedAt).getTime();
}
