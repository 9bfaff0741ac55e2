import { stateForm } from "./authorization-client";
import { action, redirectsTo, rolesWith, type ActionEntry } from "./authorization-expect";

/** Server actions of the lessons pages (staff curate; everyone reads). */

const curators = rolesWith("lesson:curate");

export const lessonActions: ActionEntry[] = [
  action("lib/lessons/actions.ts", "createLessonAction", {
    page: () => "/lessen/nieuw",
    allowed: curators,
    call: ({ world, caller }) =>
      stateForm({ title: `Nieuwe les van ${caller} ${world.tag}`, body: "Wat de autorisatietest leerde.", status: "HYPOTHESE" }),
    granted: redirectsTo("/lessen/"),
  }),
  action("lib/lessons/actions.ts", "updateLessonAction", {
    page: ({ world, caller }) => `/lessen/${world.lessons[caller].lesson}/bewerken`,
    allowed: curators,
    call: ({ world, caller }) =>
      stateForm({ lessonId: world.lessons[caller].lesson, title: `Bewerkte les ${caller} ${world.tag}`, body: "Bewerkt." }),
    granted: redirectsTo(({ world, caller }) => `/lessen/${world.lessons[caller].lesson}`),
  }),
  action("lib/lessons/actions.ts", "changeLessonStatusAction", {
    page: ({ world, caller }) => `/lessen/${world.lessons[caller].lesson}`,
    allowed: curators,
    call: ({ world, caller }) =>
      stateForm({ lessonId: world.lessons[caller].lesson, status: "ONDERBOUWD", reason: "Voor de autorisatietest" }),
  }),
  action("lib/lessons/actions.ts", "citeInLessonAction", {
    page: ({ world, caller }) => `/lessen/${world.lessons[caller].lesson}`,
    allowed: curators,
    call: ({ world, caller }) => stateForm({ lessonId: world.lessons[caller].lesson, link: `/updates/${world.update}`, note: "Bewijs." }),
  }),
  action("lib/lessons/actions.ts", "removeEvidenceAction", {
    page: ({ world, caller }) => `/lessen/${world.lessons[caller].lesson}`,
    allowed: curators,
    call: ({ world, caller }) => stateForm({ evidenceId: world.lessons[caller].evidence }),
  }),
  action("lib/lessons/actions.ts", "deleteLessonAction", {
    page: ({ world, caller }) => `/lessen/${world.lessons[caller].remove}/bewerken`,
    allowed: curators,
    call: ({ world, caller }) => stateForm({ lessonId: world.lessons[caller].remove, confirm: "on" }),
    granted: redirectsTo("/lessen?deleted=1"),
  }),
];
