import { stateForm } from "./authorization-client";
import { action, error, refusedPast, rolesWith, type ActionEntry } from "./authorization-expect";

/** Server actions about feedback requests (asking; answering goes through postCommentAction). */

export const feedbackActions: ActionEntry[] = [
  action(
    "lib/feedback/actions.ts",
    "requestFeedbackAction",
    {
      // Each project leader asks on their own listed update; the bystander is asked.
      label: "one's own listed update",
      page: ({ rows }) => `/updates/${rows.feedbackUpdate}`,
      allowed: rolesWith("feedback:request"),
      call: ({ world, rows, caller }) =>
        stateForm({ updateId: rows.feedbackUpdate, question: `Wat vind jij hiervan, ${caller}?`, peerIds: [world.bystander.id] }),
    },
    {
      label: "someone else's update",
      page: ({ world }) => `/updates/${world.update}`,
      allowed: [],
      call: ({ world }) =>
        stateForm({ updateId: world.update, question: "Een vraag over andermans update.", peerIds: [world.bystander.id] }),
      refused: refusedPast("feedback:request", error("feedback.notAuthor")),
    },
  ),
];
