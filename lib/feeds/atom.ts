/**
 * An Atom 1.0 (RFC 4287) writer and the plain-text summary of a Markdown
 * body. No dependency: the document is small and every text goes through
 * escapeXml.
 */

/**
 * Characters XML 1.0 does not allow at all (most control characters, lone
 * surrogates, U+FFFE/U+FFFF): left out, since no escape makes them valid.
 */
const INVALID_XML_CHARS =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text for an XML element or a quoted attribute value. */
export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML_CHARS, "")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&apos;");
}

/**
 * The readable text of a Markdown body, on one line: markup, link targets,
 * images' addresses and HTML tags removed. Good enough for a summary; the
 * update's page renders the real thing.
 */
export function stripMarkdown(markdown: string): string {
  return (
    markdown
      .replace(/\r\n?/g, "\n")
      // Fences of code blocks, horizontal rules, table separator lines, link definitions.
      .replace(/^\s*(```|~~~).*$/gm, "")
      .replace(/^\s{0,3}([-*_])(\s*\1){2,}\s*$/gm, "")
      .replace(/^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/gm, "")
      .replace(/^\s{0,3}\[[^\]]+\]:\s+\S+.*$/gm, "")
      // HTML comments and tags.
      .replace(/<!--[\s\S]*?-->/g, "")
      .replace(/<(https?:\/\/[^>\s]+)>/g, "$1")
      .replace(/<\/?[A-Za-z][^>]*>/g, "")
      // Images keep their alt text, links their text.
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/!\[([^\]]*)\]\[[^\]]*\]/g, "$1")
      .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
      .replace(/\[([^\]]+)\]\[[^\]]*\]/g, "$1")
      // Headings, quotes, list markers and task boxes at the start of a line.
      .replace(/^\s{0,3}#{1,6}\s+/gm, "")
      .replace(/^\s{0,3}(>\s?)+/gm, "")
      .replace(/^\s*([-*+]|\d{1,9}[.)])\s+(\[[ xX]\]\s+)?/gm, "")
      // Emphasis, strike-through, inline code.
      .replace(/(\*\*|__|~~)(?=\S)([\s\S]*?\S)\1/g, "$2")
      .replace(/(^|[^\w*])[*_](?=\S)([^*_\n]*?\S)[*_](?=[^\w*]|$)/g, "$1$2")
      .replace(/`+([^`]*)`+/g, "$1")
      // Table cell borders, backslash escapes, whitespace.
      .replace(/\s*\|\s*/g, " ")
      .replace(/\\([\\`*_{}[\]()#+\-.!|~>])/g, "$1")
      .replace(/\s+/g, " ")
      .trim()
  );
}

/** At most `max` characters (not splitting a character), cut at a word boundary with "…" when shortened. */
export function truncateText(text: string, max = 300): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max - 1).join("");
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The summary of an update in a feed: the first ~300 characters of its text. */
export function plainSummary(markdown: string, max = 300): string {
  return truncateText(stripMarkdown(markdown), max);
}

export type AtomCategory = { term: string; label?: string; scheme?: string };

export type AtomEntry = {
  id: string;
  title: string;
  link: string;
  published: Date;
  updated: Date;
  author: string;
  categories: AtomCategory[];
  summary: string;
};

export type AtomFeed = {
  id: string;
  title: string;
  subtitle?: string;
  /** The feed's own address (rel="self"). */
  selfUrl: string;
  /** The page that shows the same list (rel="alternate"). */
  alternateUrl: string;
  language?: string;
  /** When the feed last changed; defaults to the newest entry's `updated`. */
  updated?: Date;
  entries: AtomEntry[];
};

function element(name: string, text: string, attributes = ""): string {
  return `<${name}${attributes}>${escapeXml(text)}</${name}>`;
}

function attribute(name: string, value: string | undefined): string {
  return value === undefined ? "" : ` ${name}="${escapeXml(value)}"`;
}

/** The Atom document, UTF-8. */
export function atomFeed(feed: AtomFeed): string {
  const newest = feed.entries.reduce<Date | null>((latest, entry) => (!latest || entry.updated > latest ? entry.updated : latest), null);
  const updated = feed.updated ?? newest ?? new Date(0);
  const lines = [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom"${attribute("xml:lang", feed.language)}>`,
    `  ${element("id", feed.id)}`,
    `  ${element("title", feed.title, ' type="text"')}`,
    ...(feed.subtitle ? [`  ${element("subtitle", feed.subtitle, ' type="text"')}`] : []),
    `  <link rel="self" type="application/atom+xml"${attribute("href", feed.selfUrl)}/>`,
    `  <link rel="alternate" type="text/html"${attribute("href", feed.alternateUrl)}/>`,
    `  ${element("updated", updated.toISOString())}`,
    `  ${element("generator", "Koppelkans")}`,
  ];
  for (const entry of feed.entries) {
    lines.push(
      "  <entry>",
      `    ${element("id", entry.id)}`,
      `    ${element("title", entry.title, ' type="text"')}`,
      `    <link rel="alternate" type="text/html"${attribute("href", entry.link)}/>`,
      `    ${element("published", entry.published.toISOString())}`,
      `    ${element("updated", entry.updated.toISOString())}`,
      `    <author>${element("name", entry.author)}</author>`,
      ...entry.categories.map(
        (category) =>
          `    <category${attribute("term", category.term)}${attribute("label", category.label)}${attribute("scheme", category.scheme)}/>`,
      ),
      `    ${element("summary", entry.summary, ' type="text"')}`,
      "  </entry>",
    );
  }
  lines.push("</feed>", "");
  return lines.join("\n");
}
