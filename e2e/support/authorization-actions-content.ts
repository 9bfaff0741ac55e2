import { args, form, stateForm } from "./authorization-client";
import { action, error, redirectsTo, refusedPast, rolesWith, type ActionCase, type ActionEntry } from "./authorization-expect";

/** Server actions about content: updates, comments, "nuttig" marks and moderation. */

const REASON = "Voor de autorisatietest";
const onUpdatePage = ({ world }: { world: { update: string } }) => `/updates/${world.update}`;

export const updateActions: ActionEntry[] = [
  action(
    "lib/updates/actions.ts",
    "saveUpdateAction",
    {
      label: "a new draft",
      page: () => "/updates/nieuw",
      allowed: rolesWith("update:publish"),
      call: ({ world, caller }) =>
        stateForm({
          updateId: "",
          experimentId: world.experiment.id,
          title: `Concept van ${caller} ${world.tag}`,
          body: "",
          phase: "UITVOERING",
          milestone: "",
          intent: "save",
        }),
      granted: redirectsTo("/updates/"),
    },
    {
      label: "an edit (project leaders their own, staff any published one)",
      page: ({ rows }) => `/updates/${rows.editUpdate}/bewerken`,
      allowed: rolesWith("update:publish", "update:edit-any"),
      call: ({ world, rows, caller }) =>
        stateForm({
          updateId: rows.editUpdate,
          experimentId: world.experiment.id,
          title: `Bewerkt door ${caller} ${world.tag}`,
          body: "Bewerkte tekst.",
          phase: "UITVOERING",
          milestone: "",
          intent: "save",
        }),
      granted: redirectsTo(({ rows }) => `/updates/${rows.editUpdate}`),
    },
    {
      label: "a new draft for another municipality's experiment",
      page: () => "/updates/nieuw",
      allowed: rolesWith("update:publish"),
      call: ({ world, caller }) =>
        stateForm({
          updateId: "",
          experimentId: world.programme.experimentId,
          title: `Elders ${caller}`,
          body: "",
          phase: "UITVOERING",
          milestone: "",
          intent: "save",
        }),
      granted: error("update.experimentNotAllowed"),
    },
    {
      // A project leader edits only their own updates.
      label: "an edit of another project leader's update",
      page: ({ world }) => `/updates/${world.update}/bewerken`,
      allowed: rolesWith("update:edit-any"),
      call: ({ world, caller }) =>
        stateForm({
          updateId: world.update,
          experimentId: world.experiment.id,
          title: `Overgenomen door ${caller}`,
          body: "Tekst.",
          phase: "UITVOERING",
          milestone: "",
          intent: "save",
        }),
      granted: redirectsTo(({ world }) => `/updates/${world.update}`),
      refused: refusedPast("update:publish", error("update.notFound")),
    },
  ),
  action(
    "lib/updates/actions.ts",
    "autosaveUpdateAction",
    {
      label: "a new draft while typing",
      page: () => "/updates/nieuw",
      allowed: rolesWith("update:publish"),
      call: ({ world, caller }) =>
        form({
          updateId: "",
          experimentId: world.experiment.id,
          title: `Automatisch van ${caller} ${world.tag}`,
          body: "",
          phase: "UITVOERING",
          milestone: "",
        }),
    },
    {
      // Autosave writes only one's own drafts: never someone else's update, nor a published one.
      label: "someone else's update",
      page: ({ world }) => `/updates/${world.update}/bewerken`,
      allowed: [],
      call: ({ world, caller }) =>
        form({
          updateId: world.update,
          experimentId: world.experiment.id,
          title: `Overgenomen door ${caller}`,
          body: "",
          phase: "UITVOERING",
          milestone: "",
        }),
      refused: refusedPast("update:publish", error("update.notFound")),
    },
  ),
  action(
    "lib/updates/actions.ts",
    "withdrawUpdateAction",
    {
      label: "one's own update",
      page: ({ rows }) => `/updates/${rows.ownUpdate}`,
      allowed: rolesWith("update:withdraw-own"),
      call: ({ rows }) => stateForm({ updateId: rows.ownUpdate }),
      granted: redirectsTo(({ rows }) => `/updates/${rows.ownUpdate}`),
    },
    {
      // Staff withdraw someone else's update through moderation only, with a reason.
      label: "someone else's update",
      page: onUpdatePage,
      allowed: rolesWith("update:withdraw-own"),
      call: ({ world }) => stateForm({ updateId: world.update }),
      granted: error("update.notFound"),
    },
  ),
  action("lib/updates/actions.ts", "previewMarkdownAction", {
    page: () => "/updates/nieuw",
    allowed: rolesWith("markdown:preview"),
    call: () => args("$Een kop met **vet**"),
  }),
];

export const commentActions: ActionEntry[] = [
  action(
    "lib/comments/actions.ts",
    "postCommentAction",
    {
      page: onUpdatePage,
      allowed: rolesWith("comment:create"),
      call: ({ world, caller }) =>
        stateForm({ updateId: world.update, body: `Een reactie van ${caller}.`, parentId: "", clientKey: `authz-${world.tag}-${caller}` }),
    },
    {
      // Only a peer the request asked may mark a comment as its answer.
      label: "an answer to a feedback request that did not ask the caller",
      page: onUpdatePage,
      allowed: [],
      call: ({ world, caller }) =>
        stateForm({
          updateId: world.update,
          body: `Geen antwoord van ${caller}.`,
          parentId: "",
          feedbackRequestId: `authz-no-request-${world.tag}`,
          clientKey: `authz-feedback-${world.tag}-${caller}`,
        }),
      refused: refusedPast("comment:create", error("feedback.notAsked")),
    },
  ),
  action(
    "lib/comments/actions.ts",
    "editCommentAction",
    {
      label: "one's own comment",
      page: onUpdatePage,
      allowed: rolesWith("comment:edit-own"),
      call: ({ rows }) => stateForm({ commentId: rows.ownComments.edit, body: "Bewerkte reactie." }),
    },
    {
      // Nobody edits another's words, also not staff: moderation hides instead.
      label: "someone else's comment",
      page: onUpdatePage,
      allowed: rolesWith("comment:edit-own"),
      call: ({ world }) => stateForm({ commentId: world.comment, body: "Overgeschreven." }),
      granted: error("comment.notFound"),
    },
  ),
  action(
    "lib/comments/actions.ts",
    "deleteCommentAction",
    {
      label: "one's own comment",
      page: onUpdatePage,
      allowed: rolesWith("comment:delete-own"),
      call: ({ rows }) => stateForm({ commentId: rows.ownComments.remove }),
    },
    {
      label: "someone else's comment",
      page: onUpdatePage,
      allowed: rolesWith("comment:delete-own"),
      call: ({ world }) => stateForm({ commentId: world.comment }),
      granted: error("comment.notFound"),
    },
  ),
  action("lib/comments/actions.ts", "locateCommentAction", {
    page: onUpdatePage,
    allowed: rolesWith("portal:read"),
    call: ({ world }) => args(world.update, world.comment),
  }),
  action("lib/comments/actions.ts", "previewCommentAction", {
    page: onUpdatePage,
    allowed: rolesWith("comment:create"),
    call: () => args("Een reactie met **vet**"),
  }),
  action("lib/appreciation/actions.ts", "toggleAppreciationAction", {
    page: onUpdatePage,
    allowed: rolesWith("appreciation:create"),
    call: ({ world }) => stateForm({ updateId: world.update, commentId: "", appreciated: "true" }),
  }),
];

/** A staff step on the update page: every caller acts on its own row, so that each one's call meets it untouched. */
function staffStep(allowed: ActionCase["allowed"], call: ActionCase["call"], label?: string): ActionCase {
  return { label, page: onUpdatePage, allowed, call };
}

export const moderationActions: ActionEntry[] = [
  action("lib/moderation/actions.ts", "reportAction", {
    page: onUpdatePage,
    allowed: rolesWith("report:create"),
    call: ({ rows }) => stateForm({ targetType: "COMMENT", targetId: rows.reportComment, reason: "SPAM", text: "" }),
  }),
  action(
    "lib/moderation/actions.ts",
    "hideAction",
    staffStep(
      rolesWith("comment:hide"),
      ({ rows }) => stateForm({ targetType: "COMMENT", targetId: rows.hideComment, reason: REASON }),
      "a comment",
    ),
    staffStep(
      rolesWith("update:hide"),
      ({ rows }) => stateForm({ targetType: "UPDATE", targetId: rows.hideUpdate, reason: REASON }),
      "an update",
    ),
  ),
  action(
    "lib/moderation/actions.ts",
    "unhideAction",
    staffStep(rolesWith("comment:hide"), ({ rows }) => stateForm({ targetType: "COMMENT", targetId: rows.unhideComment, reason: REASON })),
  ),
  action(
    "lib/moderation/actions.ts",
    "deleteCommentAsModeratorAction",
    staffStep(rolesWith("comment:delete-any"), ({ rows }) => stateForm({ commentId: rows.removeComment, reason: REASON })),
  ),
  action(
    "lib/moderation/actions.ts",
    "lockThreadAction",
    staffStep(rolesWith("thread:lock"), ({ rows }) => stateForm({ updateId: rows.lockUpdate, reason: REASON })),
  ),
  action(
    "lib/moderation/actions.ts",
    "unlockThreadAction",
    staffStep(rolesWith("thread:lock"), ({ rows }) => stateForm({ updateId: rows.unlockUpdate, reason: REASON })),
  ),
  action(
    "lib/moderation/actions.ts",
    "withdrawUpdateAsModeratorAction",
    staffStep(rolesWith("update:withdraw-any"), ({ rows }) => stateForm({ updateId: rows.withdrawUpdate, reason: REASON })),
  ),
  action(
    "lib/moderation/actions.ts",
    "restoreUpdateAsModeratorAction",
    staffStep(rolesWith("update:withdraw-any"), ({ rows }) => stateForm({ updateId: rows.restoreUpdate, reason: REASON })),
  ),
  action("lib/moderation/actions.ts", "dismissReportsAction", {
    page: () => "/beheer/moderatie",
    allowed: rolesWith("report:review"),
    call: ({ rows }) => stateForm({ itemId: rows.items.dismiss, reason: REASON }),
  }),
  action("lib/moderation/actions.ts", "claimItemAction", {
    page: () => "/beheer/moderatie",
    allowed: rolesWith("report:review"),
    call: ({ rows }) => stateForm({ itemId: rows.items.claim }),
  }),
  action("lib/moderation/actions.ts", "releaseItemAction", {
    page: () => "/beheer/moderatie",
    allowed: rolesWith("report:review"),
    call: ({ rows }) => stateForm({ itemId: rows.items.release }),
  }),
  action("lib/moderation/actions.ts", "setAutoHideThresholdAction", {
    page: () => "/beheer/moderatie",
    allowed: rolesWith("settings:manage"),
    // The default (3): other specs count on it.
    call: () => stateForm({ threshold: "3" }),
  }),
];
