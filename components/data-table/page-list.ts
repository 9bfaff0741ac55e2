/** A page number to link to, or a gap ("…") between two of them. */
export type PageListItem = number | "gap";

/**
 * The page numbers a pager shows: the first and last page, the current one
 * and its neighbours, with a gap where pages are left out. A gap never hides
 * a single page (that page is shown instead), so "1 … 3" never appears.
 * A current page beyond the end counts as the last page.
 */
export function listPageNumbers(current: number, pageCount: number): PageListItem[] {
  const last = Math.max(1, Math.floor(pageCount));
  const page = Math.min(Math.max(1, Math.floor(current)), last);
  const shown = new Set([1, last, page - 1, page, page + 1].filter((n) => n >= 1 && n <= last));
  const sorted = [...shown].sort((a, b) => a - b);
  const items: PageListItem[] = [];
  for (const n of sorted) {
    const previous = items.at(-1);
    if (typeof previous === "number" && n - previous === 2) items.push(previous + 1);
    else if (typeof previous === "number" && n - previous > 2) items.push("gap");
    items.push(n);
  }
  return items;
}
