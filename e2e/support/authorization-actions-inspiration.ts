import { stateForm } from "./authorization-client";
import { action, error, rolesWith, type ActionEntry } from "./authorization-expect";

/** Server actions of the inspiration book: staff curate on the update page and /beheer/inspiratie; only an update's author consents. */

const curators = rolesWith("inspiration:curate");
const authors = rolesWith("inspiration:consent");
const onUpdatePage = ({ world }: { world: { update: string } }) => `/updates/${world.update}`;
const onCurationPage = () => "/beheer/inspiratie";

export const inspirationActions: ActionEntry[] = [
  action("lib/inspiration/actions.ts", "proposeInspirationAction", {
    page: onUpdatePage,
    allowed: curators,
    call: ({ world, caller }) =>
      stateForm({ updateId: world.inspiration[caller].propose, themeId: world.theme.id, introduction: `Voorgesteld door ${caller}.` }),
  }),
  action("lib/inspiration/actions.ts", "editInspirationAction", {
    page: onCurationPage,
    allowed: curators,
    call: ({ world, caller }) =>
      stateForm({
        entryId: world.inspiration[caller].edit,
        themeId: world.theme.id,
        introduction: `Bewerkt door ${caller}.`,
        sortOrder: "3",
      }),
  }),
  action(
    "lib/inspiration/actions.ts",
    "setInspirationPublicationAction",
    {
      label: "publish an accepted entry",
      page: onCurationPage,
      allowed: curators,
      call: ({ world, caller }) => stateForm({ entryId: world.inspiration[caller].publish, step: "publish" }),
    },
    {
      label: "take a published entry out",
      page: onCurationPage,
      allowed: curators,
      call: ({ world, caller }) => stateForm({ entryId: world.inspiration[caller].unpublish, step: "unpublish" }),
    },
  ),
  action("lib/inspiration/actions.ts", "removeInspirationAction", {
    page: onCurationPage,
    allowed: curators,
    call: ({ world, caller }) => stateForm({ entryId: world.inspiration[caller].remove }),
  }),
  action(
    "lib/inspiration/actions.ts",
    "answerInspirationAction",
    {
      label: "accept a request on one's own update",
      page: onUpdatePage,
      allowed: authors,
      call: ({ world, caller }) => stateForm({ entryId: world.inspiration[caller].accept, step: "accept" }),
    },
    {
      label: "decline a request on one's own update",
      page: onUpdatePage,
      allowed: authors,
      call: ({ world, caller }) => stateForm({ entryId: world.inspiration[caller].decline, step: "decline" }),
    },
    {
      label: "withdraw consent on one's own update",
      page: onUpdatePage,
      allowed: authors,
      call: ({ world, caller }) => stateForm({ entryId: world.inspiration[caller].withdraw, step: "withdraw" }),
    },
    {
      // Nobody answers for someone else, also not staff.
      label: "accept a request on someone else's update",
      page: onUpdatePage,
      allowed: authors,
      call: ({ world, caller }) => stateForm({ entryId: world.inspiration[caller].others, step: "accept" }),
      granted: error("inspiration.notFound"),
    },
  ),
];
