/**
 * A short plain-text excerpt of a Markdown body for lists (the home page's
 * latest updates, the notification list): the text people read, without
 * markup, images or raw HTML. It parses with the same Markdown reader that
 * react-markdown and remark-gfm use (mdast-util-from-markdown with GFM), so
 * what the excerpt drops is exactly what the page renders as markup.
 */
import type { Nodes } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";

export const EXCERPT_LENGTH = 160;

/** Parsing is bounded: an excerpt never needs more of the body than this. */
const PARSE_LIMIT = 4_000;

const BLOCKS = new Set([
  "paragraph",
  "heading",
  "blockquote",
  "list",
  "listItem",
  "table",
  "tableRow",
  "tableCell",
  "code",
  "thematicBreak",
]);

function collectText(node: Nodes, out: string[]): void {
  if (node.type === "html" || node.type === "image" || node.type === "imageReference" || node.type === "definition") return;
  if (node.type === "text" || node.type === "inlineCode" || node.type === "code") out.push(node.value);
  else if (node.type === "break") out.push(" ");
  else if ("children" in node) for (const child of node.children) collectText(child, out);
  if (BLOCKS.has(node.type)) out.push(" ");
}

/** The plain text of a Markdown body, whitespace collapsed (mentions "@[Name](user:id)" read "@Name"). */
export function markdownToPlainText(markdown: string): string {
  const tree = fromMarkdown(markdown.slice(0, PARSE_LIMIT), { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const out: string[] = [];
  collectText(tree, out);
  return out.join("").replace(/\s+/g, " ").trim();
}

/** Cuts plain text to `max` characters at a word boundary where one is near, with an ellipsis. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max - 1);
  const space = head.lastIndexOf(" ");
  const cut = space >= max * 0.7 ? head.slice(0, space) : head;
  return `${cut.trimEnd()}…`;
}

/** The excerpt of a Markdown body, or null when it has no readable text. */
export function markdownExcerpt(markdown: string | null | undefined, max = EXCERPT_LENGTH): string | null {
  if (!markdown) return null;
  const text = cutText(markdownToPlainText(markdown), max);
  return text || null;
}
