/**
 * The feedback request limits, without zod: the request form (a client
 * component) needs them too. schema.ts re-exports them for the server.
 */

/** Longest question, in characters (line breaks count as one). */
export const FEEDBACK_QUESTION_MAX = 2_000;
/** Most peers one request may ask: each one gets a notification, so a request stays a personal question. */
export const FEEDBACK_PEERS_MAX = 5;
/** Most suggested peers the form shows. */
export const FEEDBACK_SUGGESTIONS_MAX = 8;
