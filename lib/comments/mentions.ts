/**
 * Mentions in a comment's Markdown. The autocomplete inserts a token
 * `@[Name](user:<id>)`; the id is what counts, the name is only what the
 * writer saw. Pure functions: used by the service, the queries and the
 * browser (no server-only imports).
 */

/** One mention token. The name may not contain brackets; ids are cuids (letters, digits, - and _). */
const MENTION_PATTERN = /@\[([^\[\]\n]{1,100})\]\(user:([A-Za-z0-9_-]{1,64})\)/g;

/** A fresh copy of the pattern (global regexes keep state between uses). */
export function mentionPattern(): RegExp {
  return new RegExp(MENTION_PATTERN.source, "g");
}

/** The distinct user ids mentioned in a text, in order of first appearance. */
export function parseMentions(body: string): string[] {
  const ids = new Set<string>();
  for (const match of body.matchAll(mentionPattern())) {
    if (match[2]) ids.add(match[2]);
  }
  return [...ids];
}

/** A name as it may stand inside a token: no brackets or parentheses, no line breaks, at most 100 characters. */
export function tokenName(name: string): string {
  return (
    name
      .replace(/[\[\]()\n\r]/g, "")
      .replace(/\s+/g, " ")
      .trim()
      .slice(0, 100) || "?"
  );
}

/** The token the autocomplete inserts for a member. */
export function mentionToken(user: { id: string; name: string }): string {
  return `@[${tokenName(user.name)}](user:${user.id})`;
}

/** Backslash-escapes every ASCII punctuation character, so a name is plain text in Markdown. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}\[\]()<>#+\-.!|~&"'=:;,?@$%^/]/g, "\\$&");
}

/** A person's profile page (app/(portal)/mensen/[id]). */
export function profilePath(id: string): string {
  return `/mensen/${id}`;
}

/** Ids a profile link may carry: cuids, as lib/route-params.ts ID_PATTERN (this file stays free of server imports). */
const PROFILE_ID = /^[a-z0-9]{1,40}$/;

/**
 * The body with every token turned into bold "@Name" before Markdown
 * rendering, linked to the person's profile. The name is the member's current
 * name when known (renames show up); a mention no longer on record (a deleted
 * account's are rewritten to text) stays bold text with the token's name, no
 * link. The name is escaped, so it can only be text. The result goes through
 * the same sanitising Markdown component as any text.
 */
export function renderMentions(body: string, names: Readonly<Record<string, string>> = {}): string {
  return body.replace(mentionPattern(), (_token, tokenText: string, id: string) => {
    const current = names[id];
    const bold = `**${escapeMarkdown(`@${current ?? tokenText}`)}**`;
    return current !== undefined && PROFILE_ID.test(id) ? `[${bold}](${profilePath(id)})` : bold;
  });
}
