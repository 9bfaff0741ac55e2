/**
 * The hard check after parsing: the steps after the parser (mdast → hast →
 * sanitizer → React) recurse once per level, and every node costs time, so
 * a tree that is too deep or too large is replaced by one plain paragraph of
 * the source. bounds.ts keeps the parser itself cheap; this catches what its
 * estimate lets through, such as `*_*_*_…` nesting emphasis thousands deep.
 */

/** The little of an mdast node this check reads. */
type TreeNode = { type: string; children?: TreeNode[]; align?: unknown[] | null; value?: string };

export const TREE_LIMITS = {
  /** Levels below the root; ordinary text stays under 20. */
  depth: 64,
  /** Nodes, weighing footnote references and the cells tables get when short rows are filled up. */
  nodes: 12_000,
} as const;

const FOOTNOTE_REFERENCE_WEIGHT = 16;

/** Depth and size of `root`, measured without recursion (the tree may be thousands deep). */
export function measureTree(root: TreeNode): { depth: number; nodes: number } {
  let depth = 0;
  let nodes = 0;
  const stack: [TreeNode, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, level] = stack.pop()!;
    nodes++;
    depth = Math.max(depth, level);
    // A table row gets a cell (and its text) for every column, even when the source has none.
    if (node.type === "table" && node.align && node.children) nodes += 2 * node.align.length * node.children.length;
    // Each reference also becomes a numbered link back from the footnote.
    if (node.type === "footnoteReference") nodes += FOOTNOTE_REFERENCE_WEIGHT;
    for (const child of node.children ?? []) stack.push([child, level + 1]);
  }
  return { depth, nodes };
}

export function isWithinTreeLimits(root: TreeNode): boolean {
  const { depth, nodes } = measureTree(root);
  return depth <= TREE_LIMITS.depth && nodes <= TREE_LIMITS.nodes;
}

/** The source as one paragraph of text, its line breaks kept. */
export function plainParagraph(source: string): TreeNode {
  const children: TreeNode[] = [];
  for (const [index, line] of source.split(/\r\n?|\n/).entries()) {
    if (index > 0) children.push({ type: "break" });
    if (line) children.push({ type: "text", value: line });
  }
  return { type: "paragraph", children };
}

/** Remark plugin: an over-deep or over-large tree becomes a plain paragraph of its source. */
export function remarkBounds() {
  return (tree: TreeNode, file: { value?: unknown }) => {
    if (isWithinTreeLimits(tree)) return;
    tree.children = [plainParagraph(String(file.value ?? ""))];
  };
}
