import ReactMarkdown from "react-markdown";
import remarkGfm from "remark-gfm";
import { describe, expect, it } from "vitest";
import { exceededSourceLimit, measureSource, SOURCE_LIMITS } from "@/components/markdown/bounds";
import { measureTree, plainParagraph, remarkBounds, TREE_LIMITS } from "@/components/markdown/tree-bounds";
import { demoUpdates } from "@/lib/seed/demo-updates";

type Node = { type: string; children?: Node[]; value?: string };

/** The mdast the Markdown component's parser makes of `source`. */
function parseTree(source: string): Node {
  let tree: Node | undefined;
  ReactMarkdown({ remarkPlugins: [remarkGfm, () => (root: Node) => void (tree = structuredClone(root))], children: source });
  return tree!;
}

const CONTAINERS = new Set(["list", "blockquote", "footnoteDefinition"]);

/** The most containers (lists, block quotes, footnote definitions) around any node. */
function containerDepth(root: Node): number {
  let max = 0;
  const stack: [Node, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    const inner = depth + (CONTAINERS.has(node.type) ? 1 : 0);
    max = Math.max(max, inner);
    for (const child of node.children ?? []) stack.push([child, inner]);
  }
  return max;
}

describe("measureSource", () => {
  it("counts the containers opened at the start of a line", () => {
    expect(measureSource("- - - x").containerDepth).toBe(3);
    expect(measureSource("> > > x").containerDepth).toBe(3);
    expect(measureSource(">>>x").containerDepth).toBe(3);
    expect(measureSource("1. 2) 10. x").containerDepth).toBe(3);
    expect(measureSource("> - > - x").containerDepth).toBe(4);
    expect(measureSource("[^a]: [^b]:x").containerDepth).toBe(2);
    expect(measureSource("-\t*\t+\tx").containerDepth).toBe(3);
    expect(measureSource(">".repeat(10_000)).containerDepth).toBe(SOURCE_LIMITS.containerDepth + 1);
  });

  it("does not take thematic breaks, emphasis or plain numbers for lists", () => {
    expect(measureSource("- - -").containerDepth).toBe(0);
    expect(measureSource("* * * *").containerDepth).toBe(0);
    expect(measureSource("*nadruk* en -min en 2024.").containerDepth).toBe(0);
  });

  it("lets indentation continue no more containers than were open, also across lazy lines", () => {
    expect(measureSource("- a\n  - b\n    - c").containerDepth).toBe(3);
    expect(measureSource("            - diep ingesprongen").containerDepth).toBe(1);
    expect(measureSource("- - - a\nlui\n      - b").containerDepth).toBe(4);
  });

  it("knows that four columns continue all nested footnote definitions at once", () => {
    // Each line opens four more definitions inside the ones before: 40 deep after ten lines.
    const source = ("[^a]: ".repeat(4) + "x\n    ").repeat(10) + "y";
    expect(containerDepth(parseTree(source))).toBe(40);
    expect(measureSource(source).containerDepth).toBeGreaterThanOrEqual(40);
  });

  it("stops counting one line past the limit, so a long line costs no more", () => {
    expect(measureSource("- ".repeat(2000) + "x").containerDepth).toBe(SOURCE_LIMITS.containerDepth + 1);
  });

  it("ends lines at a lone carriage return, as the parser does", () => {
    expect(measureSource("a\rb\r\nc\nd").lines).toBe(4);
    expect(measureSource("a\r=\r".repeat(300)).underlines).toBe(300);
  });

  it("counts setext underlines, list items and table columns", () => {
    const cost = measureSource("Kop\n===\n\n- een\n- twee\n  1. drie\n\n| a | b | c |\n| --- | :-: | ---: |\n| 1 | 2 | 3 |");
    expect(cost.underlines).toBe(1);
    expect(cost.listItems).toBe(3);
    expect(cost.tableColumns).toBe(3);
  });

  it("weighs inline marks per paragraph: blank lines and new list items end one", () => {
    const paragraph = "**a** _b_ [c](d) ".repeat(20);
    const together = measureSource(`${paragraph}\n${paragraph}`).inlineWork;
    expect(measureSource(`${paragraph}\n\n${paragraph}`).inlineWork).toBeLessThan(together / 1.5);
    expect(measureSource(`- ${paragraph}\n- ${paragraph}`).inlineWork).toBeLessThan(together / 1.5);
    // An ordered item not starting at 1 cannot interrupt a paragraph: it stays one.
    expect(measureSource(`${paragraph}\n2. ${paragraph}`).inlineWork).toBeGreaterThanOrEqual(together);
  });

  it("tracks how deep brackets nest", () => {
    expect(measureSource("[a [b [c] d] e] [f]").bracketDepth).toBe(3);
    expect(measureSource("[".repeat(40)).bracketDepth).toBe(40);
  });

  it("never counts less nesting than the parser finds (random texts)", () => {
    const pieces = [
      "- ",
      "-\t",
      "* ",
      "+ ",
      "1. ",
      "1.\t",
      "10) ",
      "> ",
      ">",
      "[^a]: ",
      "[^b]:\t",
      " ",
      "  ",
      "    ",
      "\t",
      "x",
      "- - -",
      "```",
      "<div>",
      "|-|",
      "=",
      "---",
      "-",
      "*",
      "[",
      "]",
    ];
    // mulberry32: a small PRNG that is good enough here and the same on every run.
    let seed = 20260517;
    const next = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    for (let run = 0; run < 500; run++) {
      const lines = Array.from({ length: 1 + Math.floor(next() * 12) }, () =>
        Array.from({ length: Math.floor(next() * 8) }, () => pieces[Math.floor(next() * pieces.length)]).join(""),
      );
      const source = lines.join(next() < 0.8 ? "\n" : "\r");
      expect(measureSource(source).containerDepth, JSON.stringify(source)).toBeGreaterThanOrEqual(containerDepth(parseTree(source)));
    }
  });

  it("names the first limit a text exceeds", () => {
    expect(exceededSourceLimit("- ".repeat(2000) + "x")).toBe("containerDepth");
    expect(exceededSourceLimit("a\n\n".repeat(1500))).toBe("lines");
    expect(exceededSourceLimit("- x\n".repeat(1200))).toBe("listItems");
    expect(exceededSourceLimit("a\n=\n".repeat(300))).toBe("underlines");
    expect(exceededSourceLimit("|" + "a|".repeat(200) + "\n|" + "-|".repeat(200))).toBe("tableColumns");
    expect(exceededSourceLimit("]".repeat(5000))).toBe("inlineWork");
    expect(exceededSourceLimit("[".repeat(40))).toBe("bracketDepth");
    expect(exceededSourceLimit("> ".repeat(16).concat("x\n").repeat(400))).toBe("containers");
    expect(exceededSourceLimit("> a\nb\n".repeat(900))).toBe("blockWork");
  });

  it("lets every demo update and a long, ordinary update through", () => {
    for (const update of demoUpdates) expect(exceededSourceLimit(update.body), update.title).toBeNull();
    const section = [
      "## Wat we deden",
      "Bewoners bouwden vaker **groen en ontmoetingsplekken** dan zonnepanelen, zie [de wijkvisie](/updates/abc) en _het verslag_. ".repeat(
        3,
      ),
      "- een **punt** met [een link](/x)\n- twee\n  - genest\n  - nog een",
      '> Een bewoner: *"Eindelijk vraagt iemand het ons."*',
      "| Ambitie | Opgaven |\n| --- | --- |\n| Warm wonen | energie, armoede |",
    ].join("\n\n");
    expect(exceededSourceLimit(`${section}\n\n`.repeat(Math.floor(50_000 / (section.length + 2))))).toBeNull();
  });
});

describe("measureTree", () => {
  it("measures a tree far deeper than the call stack allows, without recursion", () => {
    let node: Node = { type: "text", value: "x" };
    for (let level = 0; level < 200_000; level++) node = { type: "emphasis", children: [node] };
    expect(measureTree({ type: "root", children: [node] })).toEqual({ depth: 200_001, nodes: 200_002 });
  });

  it("counts the cells a wide table gets when its short rows are filled up", () => {
    const tree = parseTree("|" + "a|".repeat(50) + "\n|" + "-|".repeat(50) + "\n" + "x\n".repeat(200));
    expect(measureTree(tree).nodes).toBeGreaterThan(50 * 200);
  });

  it("keeps ordinary Markdown far below the limits", () => {
    const { depth, nodes } = measureTree(parseTree("- a\n  - b\n    - *c* [d](/e)\n\n> > **f**"));
    expect(depth).toBeLessThan(TREE_LIMITS.depth / 4);
    expect(nodes).toBeLessThan(100);
  });
});

describe("remarkBounds", () => {
  const transform = remarkBounds();

  it("replaces an over-deep tree by a paragraph of the source, line breaks kept", () => {
    let inner: Node = { type: "text", value: "x" };
    for (let level = 0; level < TREE_LIMITS.depth + 5; level++) inner = { type: "strong", children: [inner] };
    const tree: Node = { type: "root", children: [{ type: "paragraph", children: [inner] }] };
    transform(tree, { value: "**…diep…**\ntweede regel" });
    expect(tree.children).toEqual([plainParagraph("**…diep…**\ntweede regel")]);
    expect(plainParagraph("a\r\nb")).toEqual({
      type: "paragraph",
      children: [{ type: "text", value: "a" }, { type: "break" }, { type: "text", value: "b" }],
    });
  });

  it("leaves an ordinary tree alone", () => {
    const tree = parseTree("# Kop\n\nTekst met *nadruk*.");
    const before = structuredClone(tree);
    transform(tree, { value: "# Kop\n\nTekst met *nadruk*." });
    expect(tree).toEqual(before);
  });
});
