/**
 * A cheap look at Markdown source before it is parsed, to decide whether
 * rendering it stays cheap. The parser (micromark) needs time that grows with
 * the square of some inputs, and the steps after it recurse once per level of
 * nesting, so a 4,000-character comment of `- - - - …` threw a RangeError and
 * deeper ones cost seconds. Text over these bounds is shown as plain text
 * (see tree-bounds.ts for the check on the parsed tree that backs this up).
 *
 * The scan is one pass over the lines and over-estimates: it never needs to
 * understand Markdown exactly, only to never count less than the parser does
 * (tests/markdown-bounds.test.ts checks that against the parser). The costs
 * named below were measured with micromark 4 on texts of up to 50,000 characters.
 */

export const SOURCE_LIMITS = {
  /** Lines: every paragraph or heading costs some 40–60 µs to parse and render. */
  lines: 2_000,
  /** List items: each costs some 60 µs. */
  listItems: 1_000,
  /** Container markers (`>`, `-`, `1.`, `[^x]:`) in all: each costs the parser time on every line it stays open. */
  containers: 5_000,
  /** Lists, block quotes and footnote definitions open at one line (ordinary text needs 3–5). */
  containerDepth: 16,
  /** `[` not yet closed at one point of a paragraph. */
  bracketDepth: 32,
  /** Lines of only `===` or `---` (setext headings): each costs time proportional to all of them. */
  underlines: 200,
  /** Columns of a table (its delimiter row): the parser is slow on wide ones. */
  tableColumns: 100,
  /**
   * Each list item and lazy continuation line makes the parser copy all
   * events so far, so their number times the lines (and markers) costs time.
   */
  blockWork: 2_000_000,
  /**
   * Per paragraph, the emphasis, strikethrough and bracket marks times its
   * length: the parser looks back over the paragraph for each mark.
   */
  inlineWork: 8_000_000,
} as const;

export type SourceCost = { [Key in keyof typeof SOURCE_LIMITS]: number };

/** What the start of one line holds. */
type LinePrefix = {
  /** Columns of white space before, between and after the markers: indentation that may continue list items. */
  whitespace: number;
  /** Container markers (`>`, `-`, `1.`, `[^x]:`), counted up to the depth limit plus one. */
  markers: number;
  listItems: number;
  footnotes: number;
  /** Starts with a list item that ends any paragraph before it (a bullet or `1.`, with text). */
  interrupts: boolean;
  /** After its markers the line is `===` or `---`: a setext underline (or a thematic break). */
  underline: boolean;
  /** Where the text after the markers starts. */
  content: number;
};

const isSpace = (char: string | undefined) => char === " " || char === "\t";
const isDigit = (char: string | undefined) => char !== undefined && char >= "0" && char <= "9";

/** True when only white space follows `from`. */
function blankFrom(line: string, from: number): boolean {
  for (let index = from; index < line.length; index++) if (!isSpace(line[index])) return false;
  return true;
}

/** `===` or `---` (no inner spaces) up to trailing white space. */
function isUnderline(line: string, from: number): boolean {
  const char = line[from];
  if (char !== "=" && char !== "-") return false;
  let index = from;
  while (line[index] === char) index++;
  return blankFrom(line, index);
}

/** Three or more of one of `-*_`, with only spaces between: a thematic break, not a list. */
function isThematicBreak(line: string, from: number): boolean {
  const char = line[from];
  if (char !== "-" && char !== "*" && char !== "_") return false;
  let count = 0;
  for (let index = from; index < line.length; index++) {
    if (line[index] === char) count++;
    else if (!isSpace(line[index])) return false;
  }
  return count >= 3;
}

/** The container marker at `from` (its end, whether it is a list item, whether it can end a paragraph), or null. */
function markerEnd(line: string, from: number): { end: number; item: boolean; interrupting: boolean } | null {
  const char = line[from];
  if (char === ">") return { end: from + 1, item: false, interrupting: false };
  if ((char === "-" || char === "*" || char === "+") && (from + 1 === line.length || isSpace(line[from + 1]))) {
    return { end: from + 1, item: true, interrupting: true };
  }
  if (isDigit(char)) {
    let index = from;
    while (isDigit(line[index]) && index - from < 10) index++;
    const delimiter = line[index];
    if (index - from <= 9 && (delimiter === "." || delimiter === ")") && (index + 1 === line.length || isSpace(line[index + 1]))) {
      return { end: index + 1, item: true, interrupting: line.slice(from, index) === "1" };
    }
    return null;
  }
  if (char === "[" && line[from + 1] === "^") {
    const close = line.indexOf("]", from + 2);
    if (close > from + 2 && line[close + 1] === ":") return { end: close + 2, item: false, interrupting: false };
  }
  return null;
}

/** Skips white space from `from`; returns the next position and the columns skipped. */
function skipSpace(line: string, from: number, column: number): { pos: number; columns: number } {
  let pos = from;
  let at = column;
  while (isSpace(line[pos])) {
    at = line[pos] === "\t" ? at + 4 - (at % 4) : at + 1;
    pos++;
  }
  return { pos, columns: at - column };
}

function linePrefix(line: string): LinePrefix {
  const start = skipSpace(line, 0, 0);
  const prefix: LinePrefix = {
    whitespace: start.columns,
    markers: 0,
    listItems: 0,
    footnotes: 0,
    interrupts: false,
    underline: false,
    content: start.pos,
  };
  let pos = start.pos;
  let column = start.columns;
  let relativeIndent = start.columns;
  // Only block quote markers so far, each at most three columns in: what follows may start a new block.
  let quotesOnly = true;
  while (pos < line.length && prefix.markers <= SOURCE_LIMITS.containerDepth) {
    // A lone `-` may be an underline or an empty list item: count it as both.
    if (isUnderline(line, pos)) prefix.underline = true;
    if (isThematicBreak(line, pos)) break;
    const marker = markerEnd(line, pos);
    if (!marker) break;
    prefix.markers++;
    if (line[pos] === "[") prefix.footnotes++;
    if (marker.item) {
      prefix.listItems++;
      // A footnote definition or deeper indentation could make the line a paragraph's continuation instead.
      if (quotesOnly && marker.interrupting && relativeIndent <= 3 && !blankFrom(line, marker.end)) prefix.interrupts = true;
    }
    quotesOnly = quotesOnly && line[pos] === ">" && relativeIndent <= 3;
    column += marker.end - pos;
    const space = skipSpace(line, marker.end, column);
    // One space after `>` belongs to the marker.
    relativeIndent = line[pos] === ">" ? Math.max(0, space.columns - 1) : space.columns;
    prefix.whitespace += relativeIndent;
    column += space.columns;
    pos = space.pos;
  }
  prefix.content = pos;
  return prefix;
}

/** The columns of a table delimiter row such as `| --- | :-: |` from `from` on, else 0. */
function delimiterColumns(line: string, from: number): number {
  let columns = 0;
  let inCell = false;
  for (let index = from; index < line.length; index++) {
    const char = line[index];
    if (char === "|") inCell = false;
    else if (char === "-") {
      if (!inCell) columns++;
      inCell = true;
    } else if (char !== ":" && !isSpace(char)) return 0;
  }
  return columns;
}

const INLINE_MARKS = new Set(["*", "_", "~", "[", "]"]);

/** Measures `source` against SOURCE_LIMITS in one pass (O(length)). */
export function measureSource(source: string): SourceCost {
  // The parser ends lines at \n, \r\n and a lone \r alike.
  const lineEnd = /\r\n?|\n/g;
  let lines = 0;
  let containerDepth = 0;
  let containers = 0;
  let underlines = 0;
  let tableColumns = 0;
  let listItems = 0;
  let rebuilds = 0;
  let bracketDepth = 0;
  let inlineWork = 0;
  // An upper bound of the containers still open after the previous line.
  let open = 0;
  // Of those, footnote definitions: four columns of indentation continue all of them at once.
  let openFootnotes = 0;
  let previousBlank = true;
  let unitLength = 0;
  let unitMarks = 0;
  let brackets = 0;
  const endUnit = () => {
    inlineWork += unitLength * unitMarks;
    unitLength = 0;
    unitMarks = 0;
    brackets = 0;
  };

  for (let start = 0; start <= source.length;) {
    lineEnd.lastIndex = start;
    const found = lineEnd.exec(source);
    const end = found ? found.index : source.length;
    const line = source.slice(start, end);
    const lineLength = (found ? lineEnd.lastIndex : source.length + 1) - start;
    start += lineLength;
    lines++;
    if (blankFrom(line, 0)) {
      endUnit();
      previousBlank = true;
      continue;
    }
    const prefix = linePrefix(line);
    // Indentation, also after a `>`, can continue list items (two columns each at least), never more than were open.
    const indented = prefix.whitespace > 0 ? openFootnotes : 0;
    const continued = Math.min(open, Math.floor(prefix.whitespace / 2) + indented);
    const depth = prefix.markers + continued;
    const footnotes = prefix.footnotes + Math.min(openFootnotes, continued);
    const lazy = !previousBlank && prefix.markers === 0 && open > 0;
    containerDepth = Math.max(containerDepth, depth);
    containers += prefix.markers;
    listItems += prefix.listItems;
    rebuilds += prefix.listItems + (lazy ? 1 : 0);
    if (prefix.underline) underlines++;
    tableColumns = Math.max(tableColumns, delimiterColumns(line, prefix.content));
    // A line without markers may be a lazy continuation: what was open stays open.
    open = lazy ? Math.max(open, depth) : depth;
    openFootnotes = lazy ? Math.max(openFootnotes, footnotes) : footnotes;
    previousBlank = false;

    if (prefix.interrupts) endUnit();
    unitLength += lineLength;
    for (let index = 0; index < line.length; index++) {
      const char = line[index]!;
      if (!INLINE_MARKS.has(char)) continue;
      unitMarks++;
      if (char === "[") bracketDepth = Math.max(bracketDepth, ++brackets);
      else if (char === "]" && brackets > 0) brackets--;
    }
  }
  endUnit();
  return {
    lines,
    listItems,
    containers,
    containerDepth,
    bracketDepth,
    underlines,
    tableColumns,
    blockWork: rebuilds * (lines + containers),
    inlineWork,
  };
}

/** The first bound `source` exceeds, or null when it is cheap to render as Markdown. */
export function exceededSourceLimit(source: string): keyof typeof SOURCE_LIMITS | null {
  const cost = measureSource(source);
  for (const key of Object.keys(SOURCE_LIMITS) as (keyof typeof SOURCE_LIMITS)[]) {
    if (cost[key] > SOURCE_LIMITS[key]) return key;
  }
  return null;
}
