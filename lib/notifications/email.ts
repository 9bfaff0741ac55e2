/**
 * The texts of notification emails: one notification at once ("Direct"), or
 * a digest (daily or weekly) grouped by update. Emails go out in the
 * recipient's chosen language (User.locale). Every one carries the one-click
 * unsubscribe link in its text; lib/email/queue.ts turns that link into the
 * List-Unsubscribe headers when it delivers.
 *
 * No `server-only` import: `npm run digest` builds these outside Next.js.
 */
import { appUrl } from "@/lib/app-url";
import type { Locale, NotificationKind } from "@/lib/generated/prisma/enums";
import { createUnsubscribeToken, unsubscribeUrl, type UnsubscribeScope } from "./unsubscribe";

export type Recipient = { id: string; email: string; name: string; locale: Locale };

export type DigestFrequency = "DAILY" | "WEEKLY";

/**
 * Digest subjects start with one of these, in either language: the digest
 * finds someone's last digest of a kind by them (EmailMessage has no other
 * field to tell). Change them only together with lib/notifications/digest.ts.
 */
export const DIGEST_SUBJECT_PREFIXES: Record<DigestFrequency, readonly string[]> = {
  DAILY: ["Dagoverzicht Koppelkans", "Koppelkans daily digest"],
  WEEKLY: ["Weekoverzicht Koppelkans", "Koppelkans weekly digest"],
};

/** The order of the counts in a digest heading: the most personal first. */
const KIND_ORDER: readonly NotificationKind[] = [
  "MODERATION",
  "FEEDBACK_REQUEST",
  "MENTION",
  "REPLY",
  "COMMENT_ON_UPDATE",
  "FOLLOWED_UPDATE",
  "APPRECIATION",
];

/** Lines shown per update in a digest; the rest is counted ("en nog 2 meer"). */
export const DIGEST_LINES_PER_UPDATE = 3;

/** Where a notification leads: the exact comment, the feedback request, or the update itself. */
export function notificationPath(notification: { updateId: string; commentId: string | null; feedbackRequestId?: string | null }): string {
  if (notification.commentId) return `/updates/${notification.updateId}#reactie-${notification.commentId}`;
  if (notification.feedbackRequestId) return `/updates/${notification.updateId}#feedbackverzoek-${notification.feedbackRequestId}`;
  return `/updates/${notification.updateId}`;
}

/** Mention tokens become "@Name"; whitespace collapses; long text is cut with an ellipsis. */
export function excerpt(body: string | null | undefined, max = 140): string | null {
  if (!body) return null;
  const plain = body
    .replace(/@\[([^\[\]\n]{1,100})\]\(user:[A-Za-z0-9_-]{1,64}\)/g, "@$1")
    .replace(/\s+/g, " ")
    .trim();
  if (!plain) return null;
  return plain.length > max ? `${plain.slice(0, max - 1).trimEnd()}…` : plain;
}

function quoteTitle(title: string): string {
  const short = title.length > 90 ? `${title.slice(0, 89).trimEnd()}…` : title;
  return `‘${short}’`;
}

type Texts = {
  someone: string;
  sentence: (kind: NotificationKind, actor: string, title: string, ownUpdate: boolean) => string;
  line: (kind: NotificationKind, actor: string) => string;
  count: (kind: NotificationKind, n: number) => string;
  groupSingle: (kind: NotificationKind, n: number, title: string) => string;
  groupMixed: (n: number, title: string, parts: string) => string;
  /** APPRECIATION, grouped: "3 mensen vonden je update … nuttig" or one name. */
  appreciated: (n: number, actor: string, title: string) => string;
  appreciatedLine: (n: number, actor: string) => string;
  more: (n: number) => string;
  hello: (name: string) => string;
  immediateSubject: (sentence: string) => string;
  read: string;
  digestSubject: (frequency: DigestFrequency, n: number) => string;
  digestIntro: (frequency: DigestFrequency, n: number, updates: number) => string;
  allNotifications: string;
  whyImmediate: string;
  whyDigest: (frequency: DigestFrequency) => string;
  settings: string;
  unsubscribeOne: (kind: NotificationKind) => string;
  unsubscribeAll: string;
  /** A moderation step, by its event (see lib/moderation/notify.ts). */
  moderation: (event: string, title: string) => string;
  reason: string;
  /** Before a feedback request's question. */
  question: string;
};

const nl: Texts = {
  someone: "Iemand",
  sentence: (kind, actor, title, ownUpdate) =>
    ({
      COMMENT_ON_UPDATE: ownUpdate ? `${actor} reageerde op je update ${title}` : `${actor} reageerde op ${title}, een update die je volgt`,
      REPLY: `${actor} antwoordde op je reactie bij ${title}`,
      MENTION: `${actor} noemde je in een reactie bij ${title}`,
      FOLLOWED_UPDATE: `${actor} plaatste een nieuwe update: ${title}`,
      MODERATION: `Bericht van de moderatie over ${title}`,
      FEEDBACK_REQUEST: `${actor} vraagt je om feedback op ${title}`,
      APPRECIATION: `${actor} vond je update ${title} nuttig`,
    })[kind],
  line: (kind, actor) =>
    ({
      COMMENT_ON_UPDATE: `${actor} reageerde`,
      REPLY: `${actor} antwoordde op je reactie`,
      MENTION: `${actor} noemde je`,
      FOLLOWED_UPDATE: `${actor} plaatste deze update`,
      MODERATION: "Bericht van de moderatie",
      FEEDBACK_REQUEST: `${actor} vraagt je om feedback`,
      APPRECIATION: `${actor} vond je update nuttig`,
    })[kind],
  count: (kind, n) =>
    ({
      COMMENT_ON_UPDATE: n === 1 ? "1 nieuwe reactie" : `${n} nieuwe reacties`,
      REPLY: n === 1 ? "1 antwoord op je reactie" : `${n} antwoorden op je reacties`,
      MENTION: n === 1 ? "1 keer genoemd" : `${n} keer genoemd`,
      FOLLOWED_UPDATE: "nieuwe update",
      MODERATION: n === 1 ? "1 bericht van de moderatie" : `${n} berichten van de moderatie`,
      FEEDBACK_REQUEST: n === 1 ? "1 feedbackverzoek" : `${n} feedbackverzoeken`,
      APPRECIATION: "nuttig gevonden",
    })[kind],
  groupSingle: (kind, n, title) =>
    ({
      COMMENT_ON_UPDATE: n === 1 ? `1 nieuwe reactie op ${title}` : `${n} nieuwe reacties op ${title}`,
      REPLY: n === 1 ? `1 antwoord op je reactie bij ${title}` : `${n} antwoorden op je reacties bij ${title}`,
      MENTION: n === 1 ? `Je bent genoemd bij ${title}` : `Je bent ${n} keer genoemd bij ${title}`,
      FOLLOWED_UPDATE: `Nieuwe update: ${title}`,
      MODERATION: n === 1 ? `Bericht van de moderatie over ${title}` : `${n} berichten van de moderatie over ${title}`,
      FEEDBACK_REQUEST: n === 1 ? `Feedbackverzoek bij ${title}` : `${n} feedbackverzoeken bij ${title}`,
      APPRECIATION: `Je update ${title} is nuttig gevonden`,
    })[kind],
  groupMixed: (n, title, parts) => `${n} meldingen bij ${title}: ${parts}`,
  appreciated: (n, actor, title) => (n > 1 ? `${n} mensen vonden je update ${title} nuttig` : `${actor} vond je update ${title} nuttig`),
  appreciatedLine: (n, actor) => (n > 1 ? `${n} mensen vonden je update nuttig` : `${actor} vond je update nuttig`),
  more: (n) => `en nog ${n} meer`,
  hello: (name) => `Hallo ${name},`,
  immediateSubject: (sentence) => `Koppelkans: ${sentence}`,
  read: "Lees het hier:",
  digestSubject: (frequency, n) =>
    `${frequency === "DAILY" ? "Dagoverzicht" : "Weekoverzicht"} Koppelkans: ${n === 1 ? "1 melding" : `${n} meldingen`}`,
  digestIntro: (frequency, n, updates) =>
    `Dit is je ${frequency === "DAILY" ? "dagelijkse" : "wekelijkse"} overzicht van Koppelkans: ${n === 1 ? "1 melding" : `${n} meldingen`} bij ${updates === 1 ? "1 update" : `${updates} updates`}.`,
  allNotifications: "Al je meldingen:",
  whyImmediate: "Je krijgt deze e-mail omdat je voor dit soort meldingen ‘Direct’ hebt gekozen.",
  whyDigest: (frequency) => `Je krijgt dit overzicht ${frequency === "DAILY" ? "elke dag" : "elke week"} als er iets nieuws is.`,
  settings: "Kies hoe vaak je e-mail krijgt bij Instellingen:",
  unsubscribeOne: (kind) =>
    `Geen e-mail meer over ${
      {
        COMMENT_ON_UPDATE: "reacties op updates",
        REPLY: "antwoorden op je reacties",
        MENTION: "keren dat iemand je noemt",
        FOLLOWED_UPDATE: "nieuwe updates die je volgt",
        MODERATION: "moderatie van je bijdragen en meldingen",
        FEEDBACK_REQUEST: "feedbackverzoeken",
        APPRECIATION: "mensen die je update nuttig vinden",
      }[kind]
    }? Meld je met één klik af:`,
  unsubscribeAll: "Geen e-mail meer over meldingen? Meld je met één klik af:",
  moderation: (event, title) =>
    ({
      hidden: `Een programmacoördinator heeft je bijdrage bij ${title} verborgen`,
      restored: `Je bijdrage bij ${title} is weer zichtbaar`,
      deleted: `Een programmacoördinator heeft je reactie bij ${title} verwijderd`,
      withdrawn: `Een programmacoördinator heeft je update ${title} ingetrokken`,
      republished: `Je update ${title} is weer gepubliceerd`,
      locked: `De discussie bij ${title} is gesloten`,
      unlocked: `De discussie bij ${title} is weer open`,
      reportHandled: `Je melding over ${title} is behandeld`,
      autoHidden: `Een bijdrage bij ${title} is na meldingen verborgen en wacht op beoordeling`,
    })[event] ?? `Bericht van de moderatie over ${title}`,
  reason: "Reden:",
  question: "Vraag:",
};

const en: Texts = {
  someone: "Someone",
  sentence: (kind, actor, title, ownUpdate) =>
    ({
      COMMENT_ON_UPDATE: ownUpdate ? `${actor} commented on your update ${title}` : `${actor} commented on ${title}, an update you follow`,
      REPLY: `${actor} replied to your comment on ${title}`,
      MENTION: `${actor} mentioned you in a comment on ${title}`,
      FOLLOWED_UPDATE: `${actor} published a new update: ${title}`,
      MODERATION: `A message from moderation about ${title}`,
      FEEDBACK_REQUEST: `${actor} asked for your feedback on ${title}`,
      APPRECIATION: `${actor} found your update ${title} useful`,
    })[kind],
  line: (kind, actor) =>
    ({
      COMMENT_ON_UPDATE: `${actor} commented`,
      REPLY: `${actor} replied to your comment`,
      MENTION: `${actor} mentioned you`,
      FOLLOWED_UPDATE: `${actor} published this update`,
      MODERATION: "A message from moderation",
      FEEDBACK_REQUEST: `${actor} asked for your feedback`,
      APPRECIATION: `${actor} found your update useful`,
    })[kind],
  count: (kind, n) =>
    ({
      COMMENT_ON_UPDATE: n === 1 ? "1 new comment" : `${n} new comments`,
      REPLY: n === 1 ? "1 reply to your comment" : `${n} replies to your comments`,
      MENTION: n === 1 ? "mentioned once" : `mentioned ${n} times`,
      FOLLOWED_UPDATE: "new update",
      MODERATION: n === 1 ? "1 message from moderation" : `${n} messages from moderation`,
      FEEDBACK_REQUEST: n === 1 ? "1 feedback request" : `${n} feedback requests`,
      APPRECIATION: "found useful",
    })[kind],
  groupSingle: (kind, n, title) =>
    ({
      COMMENT_ON_UPDATE: n === 1 ? `1 new comment on ${title}` : `${n} new comments on ${title}`,
      REPLY: n === 1 ? `1 reply to your comment on ${title}` : `${n} replies to your comments on ${title}`,
      MENTION: n === 1 ? `You were mentioned on ${title}` : `You were mentioned ${n} times on ${title}`,
      FOLLOWED_UPDATE: `New update: ${title}`,
      MODERATION: n === 1 ? `A message from moderation about ${title}` : `${n} messages from moderation about ${title}`,
      FEEDBACK_REQUEST: n === 1 ? `Feedback request on ${title}` : `${n} feedback requests on ${title}`,
      APPRECIATION: `People found your update ${title} useful`,
    })[kind],
  groupMixed: (n, title, parts) => `${n} notifications on ${title}: ${parts}`,
  appreciated: (n, actor, title) =>
    n > 1 ? `${n} people found your update ${title} useful` : `${actor} found your update ${title} useful`,
  appreciatedLine: (n, actor) => (n > 1 ? `${n} people found your update useful` : `${actor} found your update useful`),
  more: (n) => `and ${n} more`,
  hello: (name) => `Hello ${name},`,
  immediateSubject: (sentence) => `Koppelkans: ${sentence}`,
  read: "Read it here:",
  digestSubject: (frequency, n) =>
    `Koppelkans ${frequency === "DAILY" ? "daily" : "weekly"} digest: ${n === 1 ? "1 notification" : `${n} notifications`}`,
  digestIntro: (frequency, n, updates) =>
    `This is your ${frequency === "DAILY" ? "daily" : "weekly"} Koppelkans digest: ${n === 1 ? "1 notification" : `${n} notifications`} on ${updates === 1 ? "1 update" : `${updates} updates`}.`,
  allNotifications: "All your notifications:",
  whyImmediate: "You get this email because you chose ‘Immediately’ for this kind of notification.",
  whyDigest: (frequency) => `You get this digest ${frequency === "DAILY" ? "every day" : "every week"} when there is something new.`,
  settings: "Choose how often you get email in Settings:",
  unsubscribeOne: (kind) =>
    `No more email about ${
      {
        COMMENT_ON_UPDATE: "comments on updates",
        REPLY: "replies to your comments",
        MENTION: "mentions of you",
        FOLLOWED_UPDATE: "new updates you follow",
        MODERATION: "moderation of your contributions and reports",
        FEEDBACK_REQUEST: "feedback requests",
        APPRECIATION: "people finding your update useful",
      }[kind]
    }? Unsubscribe with one click:`,
  unsubscribeAll: "No more email about notifications? Unsubscribe with one click:",
  moderation: (event, title) =>
    ({
      hidden: `A programme coordinator hid your contribution on ${title}`,
      restored: `Your contribution on ${title} is visible again`,
      deleted: `A programme coordinator deleted your comment on ${title}`,
      withdrawn: `A programme coordinator withdrew your update ${title}`,
      republished: `Your update ${title} is published again`,
      locked: `The discussion on ${title} was closed`,
      unlocked: `The discussion on ${title} is open again`,
      reportHandled: `Your report about ${title} was handled`,
      autoHidden: `A contribution on ${title} was hidden after reports and awaits review`,
    })[event] ?? `A message from moderation about ${title}`,
  reason: "Reason:",
  question: "Question:",
};

function textsFor(locale: Locale): Texts {
  return locale === "en" ? en : nl;
}

/** What stands before the quoted text of an email: the moderator's reason, a feedback question, or nothing for a comment. */
function quotePrefix(t: Texts, kind: NotificationKind): string {
  if (kind === "MODERATION") return `${t.reason} `;
  if (kind === "FEEDBACK_REQUEST") return `${t.question} `;
  return "";
}

function footer(t: Texts, recipient: Recipient, why: string, scope: UnsubscribeScope, now: Date): string[] {
  const token = createUnsubscribeToken({ userId: recipient.id, scope }, { now });
  return [
    "---",
    why,
    t.settings,
    appUrl("/instellingen/e-mail"),
    "",
    scope === "all" ? t.unsubscribeAll : t.unsubscribeOne(scope),
    unsubscribeUrl(token),
  ];
}

export type NotificationEmailItem = {
  kind: NotificationKind;
  /** For MODERATION: what happened (lib/moderation/notify.ts); the excerpt then holds the coordinator's reason. */
  event?: string | null;
  actorName: string | null;
  updateId: string;
  commentId: string | null;
  /** For FEEDBACK_REQUEST: the request (the link goes there); the excerpt then holds its question. */
  feedbackRequestId?: string | null;
  excerpt: string | null;
  /** For APPRECIATION: how many marks the grouped notification stands for. */
  appreciationCount?: number;
  createdAt: Date;
};

/** One notification, sent at once ("Direct"). */
export function immediateNotificationEmail(input: {
  recipient: Recipient;
  item: NotificationEmailItem;
  updateTitle: string;
  ownUpdate: boolean;
  now?: Date;
}) {
  const t = textsFor(input.recipient.locale);
  const title = quoteTitle(input.updateTitle);
  const actor = input.item.actorName ?? t.someone;
  const sentence =
    input.item.kind === "MODERATION" && input.item.event
      ? t.moderation(input.item.event, title)
      : input.item.kind === "APPRECIATION"
        ? t.appreciated(input.item.appreciationCount ?? 1, actor, title)
        : t.sentence(input.item.kind, actor, title, input.ownUpdate);
  const text = [
    t.hello(input.recipient.name),
    "",
    `${sentence}.`,
    ...(input.item.excerpt ? ["", `${quotePrefix(t, input.item.kind)}“${input.item.excerpt}”`] : []),
    "",
    t.read,
    appUrl(notificationPath(input.item)),
    "",
    ...footer(t, input.recipient, t.whyImmediate, input.item.kind, input.now ?? new Date()),
  ].join("\n");
  return { to: input.recipient.email, subject: t.immediateSubject(sentence), text };
}

export type DigestGroup = { updateId: string; updateTitle: string; items: NotificationEmailItem[] };

/**
 * A digest: one block per update (the update with the newest notification
 * first), a heading that counts per kind ("3 nieuwe reacties op ‘…’"), at
 * most DIGEST_LINES_PER_UPDATE lines (newest first) and "en nog N meer".
 */
export function digestEmail(input: { recipient: Recipient; frequency: DigestFrequency; groups: DigestGroup[]; now?: Date }) {
  const t = textsFor(input.recipient.locale);
  const groups = input.groups
    .map((group) => ({ ...group, items: [...group.items].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()) }))
    .sort((a, b) => (b.items[0]?.createdAt.getTime() ?? 0) - (a.items[0]?.createdAt.getTime() ?? 0));
  const total = groups.reduce((sum, group) => sum + group.items.length, 0);
  const lines: string[] = [t.hello(input.recipient.name), "", t.digestIntro(input.frequency, total, groups.length)];

  for (const group of groups) {
    const title = quoteTitle(group.updateTitle);
    const counts = new Map<NotificationKind, number>();
    for (const item of group.items) counts.set(item.kind, (counts.get(item.kind) ?? 0) + 1);
    const [onlyKind] = counts.keys();
    const heading =
      counts.size === 1 && onlyKind
        ? t.groupSingle(onlyKind, group.items.length, title)
        : t.groupMixed(
            group.items.length,
            title,
            KIND_ORDER.flatMap((kind) => (counts.get(kind) ? [t.count(kind, counts.get(kind)!)] : [])).join(", "),
          );
    lines.push("", heading);
    for (const item of group.items.slice(0, DIGEST_LINES_PER_UPDATE)) {
      const said = item.excerpt ? `: “${item.excerpt}”` : "";
      const actor = item.actorName ?? t.someone;
      const line =
        item.kind === "MODERATION" && item.event
          ? t.moderation(item.event, title)
          : item.kind === "APPRECIATION"
            ? t.appreciatedLine(item.appreciationCount ?? 1, actor)
            : t.line(item.kind, actor);
      lines.push(`- ${line}${said}`, `  ${appUrl(notificationPath(item))}`);
    }
    const rest = group.items.length - DIGEST_LINES_PER_UPDATE;
    if (rest > 0) lines.push(`- ${t.more(rest)}: ${appUrl(`/updates/${group.updateId}#reacties`)}`);
  }
  lines.push(
    "",
    t.allNotifications,
    appUrl("/meldingen"),
    "",
    ...footer(t, input.recipient, t.whyDigest(input.frequency), "all", input.now ?? new Date()),
  );
  return { to: input.recipient.email, subject: t.digestSubject(input.frequency, total), text: lines.join("\n") };
}
