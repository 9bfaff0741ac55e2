import type { Role } from "../../lib/generated/prisma/enums";
import { assignableRoles, roles } from "../../lib/policy/permissions";
import { args, form, stateForm } from "./authorization-client";
import {
  action,
  allOf,
  ANYONE,
  error,
  redirectsExactlyTo,
  redirectsTo,
  refusedPast,
  returns,
  rolesWith,
  wrote,
  wroteNothing,
  type ActionEntry,
  type Context,
  type Expect,
} from "./authorization-expect";
import { sql } from "./authorization-world";

/** Server actions about people: accounts, privacy, feeds, notifications, follows and the language. */

/** The roles that may hand out `role` (in an invitation or a role change), as lib/policy/permissions.ts says. */
const assigning = (role: Role): Role[] => roles.filter((actor) => assignableRoles({ role: actor }).includes(role));

const NEW_PASSWORD = { password: "Nieuw-wachtwoord-2026", passwordConfirm: "Nieuw-wachtwoord-2026" };

const isRead = async (id: string) =>
  (await sql<{ read: boolean }>(`SELECT "readAt" IS NOT NULL AS read FROM "Notification" WHERE id = $1`, [id]))[0]?.read === true;

const setsLocaleCookie: Expect = (answer) => (answer.cookies.includes("NEXT_LOCALE=en") ? null : "a NEXT_LOCALE=en cookie");
const accountLocale = async ({ person }: Context) =>
  person && (await sql<{ locale: string }>(`SELECT locale FROM "User" WHERE id = $1`, [person.id]))[0]?.locale;

export const accountActions: ActionEntry[] = [
  action(
    "lib/accounts/actions.ts",
    "createInvitationAction",
    {
      label: "a member",
      page: () => "/beheer/uitnodigingen",
      allowed: rolesWith("invitation:create"),
      call: ({ world, caller }) =>
        stateForm({ email: `e2e-authz-invite-${world.tag}-${caller}@example.nl`.toLowerCase(), role: "MEMBER", municipalityId: "" }),
    },
    {
      label: "an admin",
      page: () => "/beheer/uitnodigingen",
      allowed: assigning("ADMIN"),
      call: ({ world, caller }) =>
        stateForm({ email: `e2e-authz-invite-admin-${world.tag}-${caller}@example.nl`.toLowerCase(), role: "ADMIN", municipalityId: "" }),
    },
  ),
  action("lib/accounts/actions.ts", "revokeInvitationAction", {
    page: () => "/beheer/uitnodigingen",
    allowed: rolesWith("invitation:create"),
    call: ({ rows }) => stateForm({ invitationId: rows.invitationId }),
  }),
  action("lib/accounts/actions.ts", "acceptInvitationAction", {
    page: ({ rows }) => `/uitnodiging/${rows.invitationToken}`,
    allowed: ANYONE,
    call: ({ rows }) => stateForm({ token: rows.invitationToken, name: "Nieuwe Deelnemer", ...NEW_PASSWORD }),
    granted: redirectsTo("/inloggen?status=accountCreated"),
  }),
  // Six requests, one per caller: within PASSWORD_RESET_LIMITS.perIp, which the other specs share (every call comes from loopback).
  action("lib/accounts/actions.ts", "requestPasswordResetAction", {
    page: () => "/wachtwoord-vergeten",
    allowed: ANYONE,
    call: ({ rows }) => stateForm({ email: rows.owner.email }),
  }),
  action("lib/accounts/actions.ts", "resetPasswordAction", {
    page: ({ rows }) => `/wachtwoord-herstellen/${rows.resetToken}`,
    allowed: ANYONE,
    call: ({ rows }) => stateForm({ token: rows.resetToken, ...NEW_PASSWORD }),
    granted: redirectsTo("/inloggen?status=passwordChanged"),
  }),
  action("lib/accounts/actions.ts", "signOutEverywhereAction", {
    page: () => "/profiel",
    allowed: rolesWith("portal:read"),
    call: () => form(),
    fresh: true,
    granted: allOf(
      redirectsExactlyTo("/inloggen?status=signedOutEverywhere"),
      wrote(
        "no session of the person lives",
        async ({ person }) =>
          Number((await sql<{ n: string }>(`SELECT count(*) AS n FROM "Session" WHERE "userId" = $1`, [person!.id]))[0]?.n) === 0,
      ),
    ),
    anonymous: redirectsExactlyTo("/inloggen"),
  }),
  action(
    "lib/accounts/actions.ts",
    "blockUserAction",
    {
      label: "a member",
      page: ({ world }) => `/beheer/gebruikers/${world.targets.block.id}`,
      allowed: rolesWith("user:block"),
      call: ({ world }) => stateForm({ userId: world.targets.block.id, reason: "Voor de autorisatietest", until: "" }),
      granted: redirectsTo(({ world }) => `/beheer/gebruikers/${world.targets.block.id}?status=blocked`),
    },
    {
      // Staff manage only people in a role they may hand out: to a coordinator an admin is not there.
      label: "an admin",
      page: ({ world }) => `/beheer/gebruikers/${world.targets.blockAdmin.id}`,
      allowed: rolesWith("user:block").filter((role) => assigning("ADMIN").includes(role)),
      call: ({ world }) => stateForm({ userId: world.targets.blockAdmin.id, reason: "Voor de autorisatietest", until: "" }),
      granted: redirectsTo(({ world }) => `/beheer/gebruikers/${world.targets.blockAdmin.id}?status=blocked`),
      refused: refusedPast("user:block", error("user.notFound")),
    },
  ),
  action("lib/accounts/actions.ts", "unblockUserAction", {
    page: ({ world }) => `/beheer/gebruikers/${world.targets.unblock.id}`,
    allowed: rolesWith("user:block"),
    call: ({ world }) => stateForm({ userId: world.targets.unblock.id, reason: "" }),
    granted: redirectsTo(({ world }) => `/beheer/gebruikers/${world.targets.unblock.id}?status=unblocked`),
  }),
  action("lib/accounts/actions.ts", "changeUserRoleAction", {
    page: ({ world }) => `/beheer/gebruikers/${world.targets.role.id}`,
    allowed: rolesWith("user:change-role"),
    call: ({ world }) => stateForm({ userId: world.targets.role.id, role: "PROJECT_LEADER", municipalityId: world.municipality.id }),
  }),
  action(
    "lib/accounts/actions.ts",
    "blockNoticeAction",
    {
      label: "the token a blocked sign-in handed out",
      page: () => "/inloggen",
      allowed: ANYONE,
      call: ({ world }) => args(world.late.blockNoticeToken),
      granted: returns(
        "the block's reason",
        (value) =>
          typeof value === "object" && value !== null && (value as { reason?: unknown }).reason === "Geblokkeerd voor de autorisatietest",
      ),
    },
    {
      label: "a forged token",
      page: () => "/inloggen",
      allowed: ANYONE,
      call: ({ world }) => args(`${world.late.blockNoticeToken.split(".")[0]}.vervalst`),
      granted: returns("null", (value) => value === null),
    },
  ),
];

export const privacyActions: ActionEntry[] = [
  action("lib/privacy/actions.ts", "deleteOwnAccountAction", {
    page: () => "/profiel/account-verwijderen",
    allowed: rolesWith("portal:read"),
    call: ({ world }) => stateForm({ password: world.password, removeComments: "" }),
    fresh: true,
    granted: redirectsTo("/privacy?status=accountDeleted"),
  }),
  action("lib/privacy/actions.ts", "anonymiseOnBehalfAction", {
    page: ({ rows }) => `/beheer/gebruikers/${rows.anonymise.id}/gegevens`,
    allowed: rolesWith("privacy:handle-requests"),
    call: ({ rows }) => stateForm({ userId: rows.anonymise.id, removeComments: "", confirm: "on" }),
  }),
];

export const feedActions: ActionEntry[] = [
  action("lib/feeds/actions.ts", "createFeedTokenAction", {
    page: () => "/profiel",
    allowed: rolesWith("portal:read"),
    call: () => stateForm({}),
  }),
  action("lib/feeds/actions.ts", "revokeFeedTokenAction", {
    page: () => "/profiel",
    allowed: rolesWith("portal:read"),
    call: () => stateForm({}),
  }),
];

// The mark-read actions answer nothing: what they wrote is the answer.
export const notificationActions: ActionEntry[] = [
  action("lib/notifications/actions.ts", "markNotificationReadAction", {
    page: () => "/meldingen",
    allowed: rolesWith("portal:read"),
    call: ({ rows }) => form({ notificationId: rows.notifications.read }),
    granted: wrote("the notification is read", ({ rows }) => isRead(rows.notifications.read)),
    refused: wroteNothing("the notification is read", ({ rows }) => isRead(rows.notifications.read)),
  }),
  action("lib/notifications/actions.ts", "openNotificationAction", {
    page: () => "/meldingen",
    allowed: rolesWith("portal:read"),
    call: ({ rows }) => form({ notificationId: rows.notifications.open }),
    granted: allOf(
      redirectsTo(({ world }) => `/updates/${world.update}`),
      wrote("the notification is read", ({ rows }) => isRead(rows.notifications.open)),
    ),
    refused: allOf(
      redirectsExactlyTo("/meldingen"),
      wroteNothing("the notification is read", ({ rows }) => isRead(rows.notifications.open)),
    ),
  }),
  action("lib/notifications/actions.ts", "markAllNotificationsReadAction", {
    page: () => "/meldingen",
    allowed: rolesWith("portal:read"),
    call: () => form(),
    granted: wrote("the notifications are read", ({ rows }) => isRead(rows.notifications.all)),
    refused: wroteNothing("the notifications are read", ({ rows }) => isRead(rows.notifications.all)),
  }),
  action("lib/notifications/actions.ts", "saveEmailPreferencesAction", {
    page: () => "/instellingen/e-mail",
    allowed: rolesWith("portal:read"),
    call: () =>
      stateForm({
        COMMENT_ON_UPDATE: "DAILY",
        REPLY: "DAILY",
        MENTION: "IMMEDIATE",
        FOLLOWED_UPDATE: "WEEKLY",
        FEEDBACK_REQUEST: "IMMEDIATE",
        APPRECIATION: "WEEKLY",
        MODERATION: "IMMEDIATE",
      }),
  }),
  action("lib/notifications/actions.ts", "recordVisitAction", {
    page: ({ world }) => `/updates/${world.update}`,
    allowed: rolesWith("portal:read"),
    call: ({ world }) => args(world.update),
    granted: wrote(
      "a visit is recorded",
      async ({ person, world }) =>
        (await sql(`SELECT 1 FROM "UpdateVisit" WHERE "userId" = $1 AND "updateId" = $2`, [person!.id, world.update])).length === 1,
    ),
    refused: wroteNothing(
      "a visit is recorded",
      async ({ person, world }) =>
        (await sql(`SELECT 1 FROM "UpdateVisit" WHERE "userId" = $1 AND "updateId" = $2`, [person?.id ?? "", world.update])).length > 0,
    ),
  }),
];

const followsUpdate = async ({ rows }: Context) =>
  (
    await sql(`SELECT 1 FROM "Follow" WHERE "userId" = $1 AND "targetType" = 'UPDATE' AND "targetId" = $2`, [
      rows.owner.id,
      rows.followedUpdate,
    ])
  ).length > 0;

export const followActions: ActionEntry[] = [
  action("lib/follows/actions.ts", "setFollowAction", {
    page: ({ world }) => `/experimenten/${world.experiment.slug}`,
    allowed: rolesWith("follow:manage"),
    call: ({ world }) =>
      stateForm({ targetType: "EXPERIMENT", targetId: world.experiment.id, intent: "follow" }, { following: false, error: null }),
    granted: returns(
      "{ following: true, error: null }",
      (value) => (value as { following?: unknown; error?: unknown })?.following === true && (value as { error?: unknown }).error === null,
    ),
  }),
  action("lib/follows/actions.ts", "unfollowAction", {
    page: () => "/volgend",
    allowed: rolesWith("follow:manage"),
    call: ({ rows }) => form({ targetType: "UPDATE", targetId: rows.followedUpdate }),
    granted: async (answer, context) => ((await followsUpdate(context)) ? "the write: the follow is gone" : null),
    refused: async (answer, context) => ((await followsUpdate(context)) ? null : "no write, but the follow is gone"),
  }),
];

// Everyone edits only their own profile: the form names whose it is, and another person's id is refused.
export const profileActions: ActionEntry[] = [
  action(
    "lib/profiles/actions.ts",
    "updateProfileAction",
    {
      label: "their own",
      page: () => "/profiel/gegevens",
      allowed: rolesWith("profile:edit-own"),
      call: ({ rows }) => stateForm({ userId: rows.owner.id, name: rows.owner.name, bio: "Voor de autorisatietest", locale: "nl" }),
    },
    {
      label: "someone else's",
      page: () => "/profiel/gegevens",
      allowed: [],
      call: ({ world }) => stateForm({ userId: world.bystander.id, name: "Overgenomen", bio: "", locale: "nl" }),
    },
  ),
  action(
    "lib/profiles/actions.ts",
    "removeAvatarAction",
    {
      // The world's people have no photo: past the gate they hear that there is nothing to remove.
      label: "their own",
      page: () => "/profiel/gegevens",
      allowed: rolesWith("profile:edit-own"),
      call: ({ rows }) => stateForm({ userId: rows.owner.id }),
      granted: error("profile.noPhoto"),
    },
    {
      label: "someone else's",
      page: () => "/profiel/gegevens",
      allowed: [],
      call: ({ world }) => stateForm({ userId: world.bystander.id }),
    },
  ),
];

export const localeActions: ActionEntry[] = [
  action("lib/i18n/actions.ts", "setLocaleAction", {
    page: () => "/privacy",
    allowed: ANYONE,
    call: () => form({ locale: "en" }),
    // Anyone may switch the language (a cookie); only a working session also stores it on the account.
    granted: allOf(setsLocaleCookie, async (answer, context) =>
      (await accountLocale(context)) === "en" ? null : "the account's language is en",
    ),
    anonymous: allOf(setsLocaleCookie, async (answer, context) =>
      (await accountLocale(context)) === "en" ? "the account's language unchanged" : null,
    ),
  }),
];
