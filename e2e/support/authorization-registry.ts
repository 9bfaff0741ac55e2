import { programmeActions, taxonomyActions } from "./authorization-actions-admin";
import { commentActions, moderationActions, updateActions } from "./authorization-actions-content";
import { feedbackActions } from "./authorization-actions-feedback";
import { inspirationActions } from "./authorization-actions-inspiration";
import { lessonActions } from "./authorization-actions-lessons";
import {
  accountActions,
  feedActions,
  followActions,
  localeActions,
  notificationActions,
  privacyActions,
  profileActions,
} from "./authorization-actions-people";
import type { ActionEntry } from "./authorization-expect";

export { routeRegistry } from "./authorization-routes";
export { dynamicPaths } from "./authorization-dynamic";

/**
 * Every server action of the app, by feature, in the order the spec calls
 * them. An action the build has and this list lacks (or the reverse) fails
 * e2e/authorization.spec.ts; so does a route handler missing from routeRegistry.
 */
export const actionRegistry: ActionEntry[] = [
  ...accountActions,
  ...privacyActions,
  ...feedActions,
  ...notificationActions,
  ...followActions,
  ...localeActions,
  ...profileActions,
  ...updateActions,
  ...commentActions,
  ...feedbackActions,
  ...moderationActions,
  ...programmeActions,
  ...taxonomyActions,
  ...lessonActions,
  ...inspirationActions,
];

/** The manifest's name of an action: its module and exported name. */
export const actionKey = (entry: Pick<ActionEntry, "module" | "name">) => `${entry.module}#${entry.name}`;
