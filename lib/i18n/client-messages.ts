import type { AbstractIntlMessages } from "next-intl";

/**
 * The message namespaces client components use: app/layout.tsx sends only
 * these to the browser instead of the whole catalog. A namespace covers its
 * whole sub-tree; name the deepest one a component asks for. Components that
 * build keys at runtime (`t(\`roles.${role}\`)`, error keys) need their whole
 * namespace. tests/client-messages.test.ts fails, naming the file, when a
 * client component asks for a namespace that is not here.
 */
export const CLIENT_NAMESPACES = [
  "appreciation",
  "autosave",
  "comments",
  "common",
  "dataTable",
  "editor",
  "emailPreferences",
  "error",
  "errors",
  "feedback.ask",
  "feedback.forYou",
  "forgotPassword",
  "inspiration.propose",
  "invitation",
  "lessons",
  "markdown",
  "moderation",
  "notifications",
  "passwordRules",
  "people.languages",
  "people.settings",
  "phases",
  "privacy.delete",
  "profile.feed",
  "resetPassword",
  "signIn",
  "update.editor",
  "update.page",
  "updatesTable",
] as const;

/**
 * What only the admin pages' client components use (files under app/(beheer)/):
 * app/(beheer)/layout.tsx adds these, so no portal page carries them.
 */
export const ADMIN_CLIENT_NAMESPACES = [
  "admin.invitations",
  "admin.programme",
  "admin.taxonomy",
  "admin.users",
  "audit",
  "inspiration.curation",
  "moderationQueue",
  "privacy.admin",
  "roles",
] as const;

/** The parts of `messages` at the dotted `paths`, nested as in the catalog (never a copy of more, never a write into it). */
export function pickMessages(messages: AbstractIntlMessages, paths: readonly string[]): AbstractIntlMessages {
  const picked: AbstractIntlMessages = {};
  const covered = (path: string) => paths.some((other) => path.startsWith(`${other}.`));
  for (const path of paths) {
    // A path inside another picked one is already there; descending into it would write into the catalog.
    if (covered(path)) continue;
    const keys = path.split(".");
    const value = keys.reduce<unknown>(
      (node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined),
      messages,
    );
    if (value === undefined) continue;
    let target = picked;
    for (const key of keys.slice(0, -1)) target = (target[key] ??= {}) as AbstractIntlMessages;
    target[keys[keys.length - 1]!] = value as AbstractIntlMessages[string];
  }
  return picked;
}

const pickedByCatalog = new WeakMap<AbstractIntlMessages, AbstractIntlMessages>();

const adminPickedByCatalog = new WeakMap<AbstractIntlMessages, AbstractIntlMessages>();

function pickedOnce(cache: WeakMap<AbstractIntlMessages, AbstractIntlMessages>, messages: AbstractIntlMessages, paths: readonly string[]) {
  let picked = cache.get(messages);
  if (!picked) {
    picked = pickMessages(messages, paths);
    cache.set(messages, picked);
  }
  return picked;
}

/** What client components get of the locale's catalog; picked once per catalog (the catalog module is loaded once). */
export function clientMessages(messages: AbstractIntlMessages): AbstractIntlMessages {
  return pickedOnce(pickedByCatalog, messages, CLIENT_NAMESPACES);
}

/** The same plus the admin pages' namespaces, for the provider of app/(beheer)/layout.tsx. */
export function adminClientMessages(messages: AbstractIntlMessages): AbstractIntlMessages {
  return pickedOnce(adminPickedByCatalog, messages, [...CLIENT_NAMESPACES, ...ADMIN_CLIENT_NAMESPACES]);
}
