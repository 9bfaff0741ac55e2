import { mentionPattern } from "@/lib/comments/mentions";

/**
 * What an anonymised account (a deleted account whose row stays for the audit
 * log) is called. Stored as the account's name, so every page, feed, export
 * and email shows it without knowing about anonymisation. Pure: no
 * server-only imports.
 */
export const ANONYMOUS_NAME = "Voormalig deelnemer";

/** What a mention of an anonymised person becomes in a comment's text: plain words, no longer a link to anyone. */
export const ANONYMOUS_MENTION = "voormalig deelnemer";

/** A unique address that can never receive mail (.invalid is reserved, RFC 2606), so the unique index stays satisfied. */
export function anonymousEmail(userId: string): string {
  return `deleted-${userId}@koppelkans.invalid`;
}

/** The text a mention of `userId` leaves behind in a body that mentions them: other people's mentions stay as they are. */
export function withoutMentionsOf(body: string, userId: string, replacement: string = ANONYMOUS_MENTION): string {
  return body.replace(mentionPattern(), (token: string, _name: string, id: string) => (id === userId ? replacement : token));
}

/** The fragment a body holding a mention token of `userId` contains (ids are cuids, so no LIKE wildcards). */
export function mentionNeedle(userId: string): string {
  return `(user:${userId})`;
}
