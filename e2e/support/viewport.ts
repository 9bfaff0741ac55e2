import { expect, type Page } from "@playwright/test";

type Overflow = { width: number; scrollWidth: number; widest: string; furthest: string };

/**
 * Fails when the page is wider than the viewport (it would scroll sideways on
 * a phone) and names the culprits: the widest element that sticks out, and
 * the innermost one reaching furthest to the right, which is usually the one to fix.
 */
export async function expectFitsViewport(page: Page) {
  const overflow = await page.evaluate((): Overflow | null => {
    const width = window.innerWidth;
    const scrollWidth = document.documentElement.scrollWidth;
    if (scrollWidth <= width) return null;

    const describe = (element: Element) => {
      const rect = element.getBoundingClientRect();
      const id = element.id ? `#${element.id}` : "";
      const classes = [...element.classList]
        .slice(0, 4)
        .map((name) => `.${name}`)
        .join("");
      const text = (element.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 60);
      return `<${element.tagName.toLowerCase()}${id}${classes}> ${Math.round(rect.width)} px wide, right edge at ${Math.round(rect.right)} px${text ? `: "${text}"` : ""}`;
    };
    // Content a scroll or clip container holds does not widen the page; an absolute box is held only by
    // containers around its positioned ancestor, and a fixed one never widens it.
    const clipped = (element: Element): boolean => {
      const position = getComputedStyle(element).position;
      if (position === "fixed") return true;
      let parent = element.parentElement;
      const isStatic = (node: Element) => getComputedStyle(node).position === "static" && getComputedStyle(node).transform === "none";
      if (position === "absolute") while (parent && parent !== document.body && isStatic(parent)) parent = parent.parentElement;
      if (!parent || parent === document.body) return false;
      return getComputedStyle(parent).overflowX !== "visible" || clipped(parent);
    };
    const depth = (element: Element) => {
      let count = 0;
      for (let parent = element.parentElement; parent; parent = parent.parentElement) count += 1;
      return count;
    };
    const offenders = [...document.body.querySelectorAll("*")].filter((element) => {
      const rect = element.getBoundingClientRect();
      return rect.width > 0 && rect.right > width + 0.5 && !clipped(element);
    });
    if (offenders.length === 0) return { width, scrollWidth, widest: "(none found: margins or transforms?)", furthest: "" };
    const widest = offenders.reduce((best, element) =>
      element.getBoundingClientRect().width > best.getBoundingClientRect().width ? element : best,
    );
    const furthest = offenders.reduce((best, element) => {
      const [a, b] = [element.getBoundingClientRect().right, best.getBoundingClientRect().right];
      return a > b + 0.5 || (Math.abs(a - b) <= 0.5 && depth(element) > depth(best)) ? element : best;
    });
    return { width, scrollWidth, widest: describe(widest), furthest: describe(furthest) };
  });
  const message = overflow
    ? `${page.url()} is ${overflow.scrollWidth} px wide in a ${overflow.width} px viewport.\n` +
      `  widest element sticking out: ${overflow.widest}\n  reaching furthest: ${overflow.furthest}`
    : "";
  expect.soft(overflow, message).toBeNull();
}
