import { describe, expect, it } from "vitest";
import {
  applyEdit,
  insertImage,
  runCommand,
  shortcutCommand,
  toEdit,
  type MarkdownCommand,
  type TextState,
} from "@/components/editor/markdown-commands";

/** A text with the selection marked by [ and ] (or one | for a caret), as a test reads most easily. */
function parse(marked: string): TextState {
  const caret = marked.indexOf("|");
  if (caret !== -1) return { value: marked.replace("|", ""), selectionStart: caret, selectionEnd: caret };
  const start = marked.indexOf("[[");
  const end = marked.indexOf("]]");
  if (start === -1 || end === -1) throw new Error(`no selection in ${marked}`);
  return { value: marked.replace("[[", "").replace("]]", ""), selectionStart: start, selectionEnd: end - 2 };
}

function show(state: TextState): string {
  const { value, selectionStart: start, selectionEnd: end } = state;
  if (start === end) return `${value.slice(0, start)}|${value.slice(start)}`;
  return `${value.slice(0, start)}[[${value.slice(start, end)}]]${value.slice(end)}`;
}

const run = (marked: string, command: MarkdownCommand) => show(runCommand(parse(marked), command));

describe("bold and italic", () => {
  it("wrap the selection and keep the same words selected", () => {
    expect(run("Een [[mooie]] dag", "bold")).toBe("Een **[[mooie]]** dag");
    expect(run("Een [[mooie]] dag", "italic")).toBe("Een *[[mooie]]* dag");
  });

  it("leave the spaces around a double-clicked word outside the markers", () => {
    expect(run("Een [[mooie ]]dag", "bold")).toBe("Een **[[mooie]]** dag");
  });

  it("without a selection insert a placeholder, selected to type over", () => {
    expect(run("Een |", "bold")).toBe("Een **[[vette tekst]]**");
    expect(run("|", "italic")).toBe("*[[schuine tekst]]*");
  });

  it("toggle off when the selection is already wrapped, inside or with the markers", () => {
    expect(run("Een **[[mooie]]** dag", "bold")).toBe("Een [[mooie]] dag");
    expect(run("Een [[**mooie**]] dag", "bold")).toBe("Een [[mooie]] dag");
    expect(run("Een *[[mooie]]* dag", "italic")).toBe("Een [[mooie]] dag");
    expect(run("Een **|**", "bold")).toBe("Een |");
  });

  it("tell bold and italic apart", () => {
    expect(run("Een **[[mooie]]** dag", "italic")).toBe("Een ***[[mooie]]*** dag");
    expect(run("Een ***[[mooie]]*** dag", "italic")).toBe("Een **[[mooie]]** dag");
    expect(run("Een ***[[mooie]]*** dag", "bold")).toBe("Een *[[mooie]]* dag");
    expect(run("Een *[[mooie]]* dag", "bold")).toBe("Een ***[[mooie]]*** dag");
  });

  it("wrap each line of a selection over several lines (emphasis stops at a line break), and unwrap them again", () => {
    expect(run("[[eerste\n\ntweede]]", "bold")).toBe("[[**eerste**\n\n**tweede**]]");
    expect(run("[[**eerste**\n\n**tweede**]]", "bold")).toBe("[[eerste\n\ntweede]]");
  });
});

describe("link", () => {
  it("makes the selected words the link text and selects the address to type", () => {
    expect(run("Lees [[het rapport]] nu", "link")).toBe("Lees [het rapport]([[https://]]) nu");
  });

  it("makes a selected address the target and selects the text to type", () => {
    expect(run("Zie [[https://example.nl/a]]", "link")).toBe("Zie [[[linktekst]]](https://example.nl/a)");
  });

  it("without a selection inserts a link with its text selected", () => {
    expect(run("Zie |", "link")).toBe("Zie [[[linktekst]]](https://)");
  });

  it("toggles a selected link back to its text", () => {
    expect(run("Zie [[[het rapport](https://example.nl)]]", "link")).toBe("Zie [[het rapport]]");
  });
});

describe("heading, lists and quote act on the selected lines", () => {
  it("heading: the caret's line becomes a heading, the caret stays in its word", () => {
    expect(run("Wat we le|erden\nmeer", "heading")).toBe("## Wat we le|erden\nmeer");
    expect(run("## Wat we le|erden", "heading")).toBe("Wat we le|erden");
    expect(run("### Klein|", "heading")).toBe("## Klein|");
  });

  it("bullet list: every selected non-empty line, and off again", () => {
    expect(run("voor\n[[een\n\ntwee]]\nna", "bulletList")).toBe("voor\n[[- een\n\n- twee]]\nna");
    expect(run("[[- een\n- twee]]", "bulletList")).toBe("[[een\ntwee]]");
  });

  it("numbered list: counts the lines, and turns a bullet list into a numbered one", () => {
    expect(run("[[een\ntwee\ndrie]]", "numberedList")).toBe("[[1. een\n2. twee\n3. drie]]");
    expect(run("[[- een\n- twee]]", "numberedList")).toBe("[[1. een\n2. twee]]");
    expect(run("[[1. een\n2. twee]]", "numberedList")).toBe("[[een\ntwee]]");
  });

  it("a partly selected line counts whole; a selection ending at a line start leaves that line alone", () => {
    expect(run("e[[en\ntw]]ee", "bulletList")).toBe("[[- een\n- twee]]");
    expect(run("[[een\n]]twee", "quote")).toBe("[[> een]]\ntwee");
  });

  it("quote: keeps empty lines inside the quote", () => {
    expect(run("[[een\n\ntwee]]", "quote")).toBe("[[> een\n> \n> twee]]");
    expect(run("[[> een\n>\n> twee]]", "quote")).toBe("[[een\n\ntwee]]");
  });

  it("on an empty line insert a placeholder to type over", () => {
    expect(run("tekst\n|", "bulletList")).toBe("tekst\n- [[punt]]");
    expect(run("|", "heading")).toBe("## [[Kopje]]");
    expect(run("|", "quote")).toBe("> [[citaat]]");
  });
});

describe("images", () => {
  it("go in as their own paragraph with the description placeholder selected", () => {
    const next = insertImage(parse("Tekst|"), "![](/beelden/abc)", "beschrijf de afbeelding");
    expect(show(next)).toBe("Tekst\n\n![[[beschrijf de afbeelding]]](/beelden/abc)\n\n");
  });

  it("put the caret after the image when more images follow", () => {
    const next = insertImage(parse("|"), "![](/beelden/abc)", "beschrijf", { selectAlt: false });
    expect(show(next)).toBe("![beschrijf](/beelden/abc)\n\n|");
  });
});

describe("shortcuts", () => {
  const key = (k: string, extra: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {}) => ({
    key: k,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    shiftKey: false,
    ...extra,
  });

  it("Ctrl or Cmd with B, I and K", () => {
    expect(shortcutCommand(key("b", { ctrlKey: true }))).toBe("bold");
    expect(shortcutCommand(key("I", { metaKey: true }))).toBe("italic");
    expect(shortcutCommand(key("k", { ctrlKey: true }))).toBe("link");
  });

  it("nothing else", () => {
    expect(shortcutCommand(key("b"))).toBeNull();
    expect(shortcutCommand(key("b", { ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(shortcutCommand(key("x", { ctrlKey: true }))).toBeNull();
  });
});

describe("the edit the browser applies", () => {
  it("is the smallest replacement, and applying it gives the command's result", () => {
    const before = parse("Een [[mooie]] dag");
    const after = runCommand(before, "bold");
    const edit = toEdit(before, after);
    expect(edit).toEqual({ start: 4, end: 9, text: "**mooie**", selectionStart: 6, selectionEnd: 11 });
    expect(applyEdit(before, edit)).toEqual(after);
  });
});
