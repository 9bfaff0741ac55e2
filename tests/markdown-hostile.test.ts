import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "@/components/markdown/markdown";

// Texts that took a page down (RangeError) or cost seconds to render before
// the bounds in components/markdown/bounds.ts and tree-bounds.ts.

function render(source: string) {
  return renderToStaticMarkup(createElement(Markdown, { children: source }));
}

function tags(html: string, tag: string): string[] {
  return html.match(new RegExp(`<${tag}\\b[^>]*>`, "gi")) ?? [];
}

/** The text as React escapes it inside an element. */
function escaped(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The plain-text fallback of the whole source (line breaks kept by CSS). */
function plainText(source: string): string {
  return `<p class="leading-relaxed whitespace-pre-wrap">${escaped(source)}</p>`;
}

const FORMATTING = ["ul", "ol", "li", "blockquote", "em", "strong", "a", "table", "code", "del", "sup"];

function expectNoFormatting(html: string) {
  for (const tag of FORMATTING) expect(tags(html, tag), tag).toHaveLength(0);
}

describe("Markdown with hostile text", () => {
  it("renders the 4,001-character comment of 2,000 nested list markers as its plain text", () => {
    const source = "- ".repeat(2000) + "x";
    expect(source).toHaveLength(4001);
    const html = render(source);
    expect(html).toContain(plainText(source));
    expectNoFormatting(html);
  });

  it.each([
    ["block quotes", "> ".repeat(2500) + "x"],
    ["block quotes without spaces", ">".repeat(5000) + "x"],
    ["quotes and lists mixed", "> - ".repeat(1000) + "x"],
    ["ordered lists", "1. ".repeat(1500) + "x"],
    ["star bullets", "* ".repeat(3000) + "x"],
    ["footnote definitions", "[^a]: ".repeat(1000) + "x\n\nZie[^a]."],
    ["a staircase of indented items", Array.from({ length: 40 }, (_, level) => `${"  ".repeat(level)}- stap ${level}`).join("\n")],
    ["nested links", "[".repeat(3000) + "x" + "](/a)".repeat(3000)],
    ["unclosed brackets", "[".repeat(10_000)],
    ["nested emphasis", "*_".repeat(2500) + "x" + "_*".repeat(2500)],
    ["a run of stars", "*".repeat(5000) + "x" + "*".repeat(5000)],
    ["strikethrough", "~a".repeat(5000)],
    ["footnote references", "[^a]".repeat(2500) + "\n\n[^a]: noot"],
    ["setext headings", "a\n=\n".repeat(2500)],
    ["list items", "- - x\n".repeat(1600)],
    ["lazy lines", "> a\nb\n".repeat(1600)],
    ["a table with thousands of columns", "|" + "a|".repeat(2000) + "\n|" + "-|".repeat(2000) + "\n" + "x\n".repeat(500)],
  ])("renders deeply nested or costly %s as plain text", (_name, source) => {
    const html = render(source);
    expect(html).toContain(plainText(source));
    expectNoFormatting(html);
  });

  it("flattens emphasis nested too deep for the renderers, caught in the parsed tree", () => {
    // Cheap to parse (so the source scan lets it through), but 150 levels deep.
    const source = "*".repeat(300) + "x" + "*".repeat(300) + "\ntweede regel";
    const html = render(source);
    expect(html).toContain(`<p class="leading-relaxed">${"*".repeat(300)}x${"*".repeat(300)}<br/>\ntweede regel</p>`);
    expectNoFormatting(html);
  });

  it("flattens a text with more footnote references than the renderers should build", () => {
    const source = `${"Zin[^a]. ".repeat(10)}\n\n`.repeat(100) + "[^a]: Noot.";
    const html = render(source);
    expect(tags(html, "sup")).toHaveLength(0);
    expect(html).toContain("Zin[^a]. Zin[^a].");
  });

  it("renders long runs of backticks without trouble", () => {
    const source = Array.from({ length: 140 }, (_, index) => "`".repeat(index + 1)).join(" a ");
    expect(render(source)).toContain(" a ");
  });

  it("keeps the line breaks of a flattened text", () => {
    const source = "- ".repeat(100) + "x\n\ntweede alinea";
    expect(render(source)).toContain(plainText(source));
  });
});

describe("Markdown with ordinary nesting", () => {
  it("still renders lists nested three to five deep as lists", () => {
    const html = render("- een\n  - twee\n    - drie\n      - vier\n        - vijf\n\n1. a\n   1. b\n      1. c");
    expect(tags(html, "ul")).toHaveLength(5);
    expect(tags(html, "ol")).toHaveLength(3);
    expect(html).not.toContain("whitespace-pre-wrap");
  });

  it("still renders nested quotes, lists in quotes and footnotes", () => {
    const html = render("> > > Drie diep\n\n> - lijst in citaat\n>   - dieper\n\nZin[^1].\n\n[^1]: Noot.");
    expect(tags(html, "blockquote")).toHaveLength(4);
    expect(tags(html, "li").length).toBeGreaterThanOrEqual(3);
    expect(tags(html, "sup")).toHaveLength(1);
  });

  it("still renders a long, ordinary update as Markdown", () => {
    const section = [
      "## Wat we deden",
      "Bewoners bouwden **groen**, zie [de wijkvisie](/updates/abc) en _het verslag_. ".repeat(4),
      "- een\n- twee\n  - genest",
      "| a | b |\n| - | - |\n| c | d |",
    ].join("\n\n");
    const html = render(`${section}\n\n`.repeat(Math.floor(40_000 / section.length)));
    expect(html).not.toContain("whitespace-pre-wrap");
    expect(tags(html, "table").length).toBeGreaterThan(50);
    expect(tags(html, "strong").length).toBeGreaterThan(50);
  });
});
