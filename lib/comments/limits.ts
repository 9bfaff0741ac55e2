/**
 * The comment limits, without zod: the comment form (a client component)
 * needs them, and zod in the browser probes `new Function`, which the CSP
 * refuses. schema.ts re-exports them for the server.
 */

/** Longest comment, in characters (line breaks count as one). */
export const COMMENT_BODY_MAX = 10_000;
/**
 * Comments per page of the comment list, replies included: a page holds whole
 * threads up to this many (a first thread bigger than that is shown whole).
 */
export const COMMENTS_PER_PAGE = 50;
