import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { Markdown } from "@/components/markdown/markdown";

// Stands in for a failure the bounds did not foresee (vi.mock is hoisted above the imports).
vi.mock("@/components/markdown/tree-bounds", () => ({
  remarkBounds: () => () => {
    throw new RangeError("Maximum call stack size exceeded");
  },
}));

describe("Markdown when rendering fails anyway", () => {
  it("shows the text as plain text instead of breaking the page", () => {
    const html = renderToStaticMarkup(createElement(Markdown, { children: "Een **vette** zin\n<script>x</script>" }));
    expect(html).toBe(
      '<div class="space-y-4 break-words"><p class="leading-relaxed whitespace-pre-wrap">Een **vette** zin\n&lt;script&gt;x&lt;/script&gt;</p></div>',
    );
  });
});
