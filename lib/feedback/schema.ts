import { z } from "zod";
import { FEEDBACK_PEERS_MAX, FEEDBACK_QUESTION_MAX } from "./limits";

export { FEEDBACK_PEERS_MAX, FEEDBACK_QUESTION_MAX, FEEDBACK_SUGGESTIONS_MAX } from "./limits";

const id = z.string().trim().min(1).max(100);

/** Line breaks as the browser sends them (CRLF) count as one character, like in the text field. */
const question = z
  .string({ error: "feedback.questionRequired" })
  .transform((text) => text.replace(/\r\n?/g, "\n").trim())
  .pipe(z.string().min(1, { error: "feedback.questionRequired" }).max(FEEDBACK_QUESTION_MAX, { error: "feedback.questionTooLong" }));

/** The chosen people: a suggestion ticked twice, or also found by the search, counts once. */
const peerIds = z
  .array(z.string().trim().max(100, { error: "feedback.peerUnknown" }), { error: "feedback.peersRequired" })
  .transform((ids) => [...new Set(ids.filter(Boolean))])
  .pipe(z.array(z.string()).min(1, { error: "feedback.peersRequired" }).max(FEEDBACK_PEERS_MAX, { error: "feedback.tooManyPeers" }));

export const requestFeedbackSchema = z.object({ updateId: id, question, peerIds });
export type RequestFeedbackInput = z.infer<typeof requestFeedbackSchema>;
