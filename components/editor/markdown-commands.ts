/**
 * The toolbar's Markdown edits as pure functions: a text and its selection in,
 * the new text and selection out. No DOM, so each is unit-tested
 * (tests/markdown-commands.test.ts) and the toolbar only applies the result.
 */

export type TextState = { value: string; selectionStart: number; selectionEnd: number };

/** One replacement of value[start, end) by text, then the selection to set: what the DOM applies (undoably). */
export type TextEdit = { start: number; end: number; text: string; selectionStart: number; selectionEnd: number };

export type MarkdownCommand = "bold" | "italic" | "heading" | "bulletList" | "numberedList" | "link" | "quote";

/** The words a command inserts when nothing is selected, in the writer's language. */
export type CommandPlaceholders = { bold: string; italic: string; heading: string; listItem: string; linkText: string; quote: string };

export const defaultPlaceholders: CommandPlaceholders = {
  bold: "vette tekst",
  italic: "schuine tekst",
  heading: "Kopje",
  listItem: "punt",
  linkText: "linktekst",
  quote: "citaat",
};

const URL_PLACEHOLDER = "https://";

/** Runs a toolbar command on the text. */
export function runCommand(state: TextState, command: MarkdownCommand, placeholders: CommandPlaceholders = defaultPlaceholders): TextState {
  switch (command) {
    case "bold":
      return toggleWrap(state, "**", placeholders.bold);
    case "italic":
      return toggleWrap(state, "*", placeholders.italic);
    case "link":
      return toggleLink(state, placeholders.linkText);
    case "heading":
      return toggleLinePrefix(state, HEADING, () => "## ", placeholders.heading);
    case "bulletList":
      return toggleLinePrefix(state, BULLET, () => "- ", placeholders.listItem);
    case "numberedList":
      return toggleLinePrefix(state, NUMBERED, (index) => `${index + 1}. `, placeholders.listItem);
    case "quote":
      return toggleLinePrefix(state, QUOTE, () => "> ", placeholders.quote, { keepEmptyLines: true });
  }
}

/** The command a keyboard shortcut in the text stands for (Ctrl or Cmd with B, I or K), if any. */
export function shortcutCommand(event: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}): MarkdownCommand | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return null;
  const key = event.key.toLowerCase();
  if (key === "b") return "bold";
  if (key === "i") return "italic";
  if (key === "k") return "link";
  return null;
}

/**
 * Inserts an uploaded image's Markdown as its own paragraph at the selection;
 * an empty description becomes the placeholder, selected (unless more images
 * follow), so the writer types over it.
 */
export function insertImage(state: TextState, markdown: string, altPlaceholder: string, { selectAlt = true } = {}): TextState {
  const { value, selectionStart: start, selectionEnd: end } = state;
  const before = value.slice(0, start);
  const prefix = !before || before.endsWith("\n\n") ? "" : before.endsWith("\n") ? "\n" : "\n\n";
  const hasEmptyAlt = markdown.startsWith("![](");
  const text = hasEmptyAlt ? `![${altPlaceholder}](${markdown.slice(4)}` : markdown;
  const inserted = `${prefix}${text}\n\n`;
  const next = before + inserted + value.slice(end);
  if (hasEmptyAlt && selectAlt) {
    const altStart = start + prefix.length + 2;
    return { value: next, selectionStart: altStart, selectionEnd: altStart + altPlaceholder.length };
  }
  const caret = start + inserted.length;
  return { value: next, selectionStart: caret, selectionEnd: caret };
}

/** The smallest replacement that turns `before` into `after`, so undo and the caret stay local. */
export function toEdit(before: TextState, after: TextState): TextEdit {
  const a = before.value;
  const b = after.value;
  let prefix = 0;
  const shortest = Math.min(a.length, b.length);
  while (prefix < shortest && a[prefix] === b[prefix]) prefix += 1;
  let suffix = 0;
  while (suffix < shortest - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix += 1;
  return {
    start: prefix,
    end: a.length - suffix,
    text: b.slice(prefix, b.length - suffix),
    selectionStart: after.selectionStart,
    selectionEnd: after.selectionEnd,
  };
}

/** Applies an edit to a text state (what the DOM does; used by tests and the fallback). */
export function applyEdit(state: TextState, edit: TextEdit): TextState {
  return {
    value: state.value.slice(0, edit.start) + edit.text + state.value.slice(edit.end),
    selectionStart: edit.selectionStart,
    selectionEnd: edit.selectionEnd,
  };
}

// ---------------------------------------------------------------------------
// Inline wrapping: bold, italic
// ---------------------------------------------------------------------------

function leadingStars(text: string): number {
  return /^\**/.exec(text)?.[0].length ?? 0;
}

function trailingStars(text: string): number {
  return /\**$/.exec(text)?.[0].length ?? 0;
}

/** Whether `stars` marker characters on a side mean this marker is there: bold is 2 or 3 stars, italic 1 or 3. */
function hasMarker(stars: number, marker: string): boolean {
  return marker.length === 2 ? stars === 2 || stars === 3 : stars === 1 || stars === 3;
}

function toggleWrap(state: TextState, marker: string, placeholder: string): TextState {
  const { value } = state;
  let start = Math.min(state.selectionStart, state.selectionEnd);
  let end = Math.max(state.selectionStart, state.selectionEnd);
  // A double-clicked word often brings its space along; `**word **` would not be bold.
  while (start < end && /\s/.test(value[start]!)) start += 1;
  while (end > start && /\s/.test(value[end - 1]!)) end -= 1;
  const selected = value.slice(start, end);

  if (start === end) {
    // Already inside empty markers (`**|**`): take them away again.
    if (
      hasMarker(trailingStars(value.slice(0, start)), marker) &&
      value.slice(start).startsWith(marker) &&
      leadingStars(value.slice(start)) === marker.length
    ) {
      const next = value.slice(0, start - marker.length) + value.slice(start + marker.length);
      return { value: next, selectionStart: start - marker.length, selectionEnd: start - marker.length };
    }
    const next = value.slice(0, start) + marker + placeholder + marker + value.slice(end);
    return { value: next, selectionStart: start + marker.length, selectionEnd: start + marker.length + placeholder.length };
  }

  if (selected.includes("\n")) return toggleWrapLines(value, start, end, marker);

  // The markers just outside the selection: unwrap.
  if (hasMarker(trailingStars(value.slice(0, start)), marker) && hasMarker(leadingStars(value.slice(end)), marker)) {
    const next = value.slice(0, start - marker.length) + selected + value.slice(end + marker.length);
    return { value: next, selectionStart: start - marker.length, selectionEnd: end - marker.length };
  }
  // The markers selected along with the text: unwrap.
  if (selected.length > marker.length * 2 && hasMarker(leadingStars(selected), marker) && hasMarker(trailingStars(selected), marker)) {
    const inner = selected.slice(marker.length, selected.length - marker.length);
    const next = value.slice(0, start) + inner + value.slice(end);
    return { value: next, selectionStart: start, selectionEnd: start + inner.length };
  }
  const next = value.slice(0, start) + marker + selected + marker + value.slice(end);
  return { value: next, selectionStart: start + marker.length, selectionEnd: end + marker.length };
}

/** Markdown emphasis stops at a paragraph break, so a selection of several lines is wrapped line by line. */
function toggleWrapLines(value: string, start: number, end: number, marker: string): TextState {
  const lines = value.slice(start, end).split("\n");
  const wrapped = (line: string) => {
    const text = line.trim();
    return text.length > marker.length * 2 && hasMarker(leadingStars(text), marker) && hasMarker(trailingStars(text), marker);
  };
  const filled = lines.filter((line) => line.trim());
  const unwrap = filled.length > 0 && filled.every(wrapped);
  const changed = lines.map((line) => {
    if (!line.trim()) return line;
    const indent = /^\s*/.exec(line)?.[0] ?? "";
    const text = line.trim();
    return unwrap ? indent + text.slice(marker.length, text.length - marker.length) : `${indent}${marker}${text}${marker}`;
  });
  const block = changed.join("\n");
  return { value: value.slice(0, start) + block + value.slice(end), selectionStart: start, selectionEnd: start + block.length };
}

// ---------------------------------------------------------------------------
// Links
// ---------------------------------------------------------------------------

const LINK = /^\[([^\]\n]*)\]\(([^)\s]*)\)$/;

function toggleLink(state: TextState, linkText: string): TextState {
  const { value } = state;
  let start = Math.min(state.selectionStart, state.selectionEnd);
  let end = Math.max(state.selectionStart, state.selectionEnd);
  while (start < end && /\s/.test(value[start]!)) start += 1;
  while (end > start && /\s/.test(value[end - 1]!)) end -= 1;
  const selected = value.slice(start, end);

  const existing = LINK.exec(selected);
  if (existing) {
    const text = existing[1] ?? "";
    return { value: value.slice(0, start) + text + value.slice(end), selectionStart: start, selectionEnd: start + text.length };
  }
  // A selected address becomes the link's target; the writer then types its text.
  if (/^https?:\/\/\S+$/i.test(selected)) {
    const next = `${value.slice(0, start)}[${linkText}](${selected})${value.slice(end)}`;
    return { value: next, selectionStart: start + 1, selectionEnd: start + 1 + linkText.length };
  }
  const text = selected || linkText;
  const next = `${value.slice(0, start)}[${text}](${URL_PLACEHOLDER})${value.slice(end)}`;
  if (!selected) return { value: next, selectionStart: start + 1, selectionEnd: start + 1 + text.length };
  // The selected words are the link's text: select the address for the writer to type or paste.
  const urlStart = start + text.length + 3;
  return { value: next, selectionStart: urlStart, selectionEnd: urlStart + URL_PLACEHOLDER.length };
}

// ---------------------------------------------------------------------------
// Line prefixes: heading, lists, quote
// ---------------------------------------------------------------------------

/** The toolbar's own level: other levels become it rather than being removed. */
const HEADING = /^##[ \t]+/;
const BULLET = /^[-*+][ \t]+/;
const NUMBERED = /^\d{1,9}[.)][ \t]+/;
const QUOTE = /^>[ \t]?/;
/** Any block prefix, replaced when another one is chosen (a bullet list becomes numbered, not `1. - x`). */
const ANY_PREFIX = /^(?:#{1,6}[ \t]+|[-*+][ \t]+|\d{1,9}[.)][ \t]+|>[ \t]?)/;

function toggleLinePrefix(
  state: TextState,
  pattern: RegExp,
  prefixFor: (index: number) => string,
  placeholder: string,
  { keepEmptyLines = false }: { keepEmptyLines?: boolean } = {},
): TextState {
  const { value } = state;
  const selStart = Math.min(state.selectionStart, state.selectionEnd);
  let selEnd = Math.max(state.selectionStart, state.selectionEnd);
  // A selection that ends at the very start of a line does not include that line.
  if (selEnd > selStart && value[selEnd - 1] === "\n") selEnd -= 1;
  const blockStart = value.lastIndexOf("\n", selStart - 1) + 1;
  const lineEnd = value.indexOf("\n", selEnd);
  const blockEnd = lineEnd === -1 ? value.length : lineEnd;
  const lines = value.slice(blockStart, blockEnd).split("\n");

  // An empty line and no selection: start the block with a placeholder to type over.
  if (lines.length === 1 && !lines[0]!.trim()) {
    const prefix = prefixFor(0);
    const next = value.slice(0, blockStart) + prefix + placeholder + value.slice(blockEnd);
    const at = blockStart + prefix.length;
    return { value: next, selectionStart: at, selectionEnd: at + placeholder.length };
  }

  const counts = (line: string) => keepEmptyLines || line.trim() !== "";
  const affected = lines.filter(counts);
  const remove = affected.length > 0 && affected.every((line) => pattern.test(line));
  let index = 0;
  const changed = lines.map((line) => {
    if (!counts(line)) return line;
    if (remove) return line.replace(pattern, "");
    const prefix = prefixFor(index);
    index += 1;
    return prefix + line.replace(ANY_PREFIX, "");
  });
  const block = changed.join("\n");
  const next = value.slice(0, blockStart) + block + value.slice(blockEnd);

  if (state.selectionStart === state.selectionEnd) {
    // A caret stays where it was in its line's text.
    const shift = (changed[0]?.length ?? 0) - (lines[0]?.length ?? 0);
    const caret = Math.max(blockStart, Math.min(blockStart + (changed[0]?.length ?? 0), selStart + shift));
    return { value: next, selectionStart: caret, selectionEnd: caret };
  }
  return { value: next, selectionStart: blockStart, selectionEnd: blockStart + block.length };
}
