import { describe, expect, it } from "vitest";
import { listPageNumbers } from "@/components/data-table/page-list";
import { cutText, markdownExcerpt, markdownToPlainText } from "@/lib/markdown-excerpt";
import { formatRelativeTime, relativeTimeParts } from "@/lib/relative-time";

describe("markdown excerpt", () => {
  it("reads the text without markup, images or raw HTML", () => {
    const body = [
      "# Bewonersavond in **Crabbehof**",
      "",
      "We spraken met _twintig_ bewoners over [de warmtevisie](https://example.nl) en `aardgasvrij`.",
      "",
      "![foto van de avond](/beelden/abc.webp)",
      "",
      "- isolatie",
      "- ~~subsidie~~ leningen",
      "",
      "> Koudwatervrees verdween.",
      "",
      "<script>alert(1)</script>",
      "",
      "Met dank aan @[Fatima El Idrissi](user:abc123).",
    ].join("\n");
    expect(markdownToPlainText(body)).toBe(
      "Bewonersavond in Crabbehof We spraken met twintig bewoners over de warmtevisie en aardgasvrij. isolatie subsidie leningen Koudwatervrees verdween. Met dank aan @Fatima El Idrissi.",
    );
  });

  it("cuts at about 160 characters on a word boundary, with an ellipsis", () => {
    const long = Array.from({ length: 60 }, (_, i) => `woord${i}`).join(" ");
    const excerpt = markdownExcerpt(long)!;
    expect(excerpt.length).toBeLessThanOrEqual(160);
    expect(excerpt.endsWith("…")).toBe(true);
    expect(long.startsWith(excerpt.slice(0, -1))).toBe(true);
    expect(excerpt.slice(0, -1)).toMatch(/woord\d+$/);
    expect(cutText("kort", 160)).toBe("kort");
    expect(cutText("a".repeat(200), 10)).toBe(`${"a".repeat(9)}…`);
  });

  it("is null for an empty body or one with only an image", () => {
    expect(markdownExcerpt("")).toBeNull();
    expect(markdownExcerpt(null)).toBeNull();
    expect(markdownExcerpt("![alleen een foto](/beelden/x.webp)")).toBeNull();
  });

  it("parses a bounded part of a huge body", () => {
    const started = performance.now();
    const excerpt = markdownExcerpt(`${"**woord** ".repeat(40_000)}einde`);
    expect(excerpt).toMatch(/^woord woord .*…$/);
    expect(excerpt).not.toContain("einde");
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe("relative time", () => {
  const now = new Date("2030-06-15T12:00:00Z");
  const ago = (ms: number) => new Date(now.getTime() - ms);
  const MINUTE = 60_000;
  const HOUR = 60 * MINUTE;
  const DAY = 24 * HOUR;

  it("picks the largest unit that fits, at each bound", () => {
    expect(relativeTimeParts(now, now)).toEqual({ value: 0, unit: "second" });
    expect(relativeTimeParts(ago(59_999), now)).toEqual({ value: -59, unit: "second" });
    expect(relativeTimeParts(ago(MINUTE), now)).toEqual({ value: -1, unit: "minute" });
    expect(relativeTimeParts(ago(HOUR - 1), now)).toEqual({ value: -59, unit: "minute" });
    expect(relativeTimeParts(ago(HOUR), now)).toEqual({ value: -1, unit: "hour" });
    expect(relativeTimeParts(ago(DAY), now)).toEqual({ value: -1, unit: "day" });
    expect(relativeTimeParts(ago(7 * DAY - 1), now)).toEqual({ value: -6, unit: "day" });
    expect(relativeTimeParts(ago(7 * DAY), now)).toEqual({ value: -1, unit: "week" });
    expect(relativeTimeParts(ago(30 * DAY), now)).toEqual({ value: -1, unit: "month" });
    expect(relativeTimeParts(ago(365 * DAY), now)).toEqual({ value: -1, unit: "year" });
    expect(relativeTimeParts(new Date(now.getTime() + 2 * HOUR), now)).toEqual({ value: 2, unit: "hour" });
  });

  it("says it in Dutch and English", () => {
    expect(formatRelativeTime(ago(3 * DAY), now, "nl")).toBe("3 dagen geleden");
    expect(formatRelativeTime(ago(DAY), now, "nl")).toBe("gisteren");
    expect(formatRelativeTime(ago(5 * MINUTE), now, "nl")).toBe("5 minuten geleden");
    expect(formatRelativeTime(ago(3 * DAY), now, "en")).toBe("3 days ago");
    expect(formatRelativeTime(ago(2 * 365 * DAY), now, "en")).toBe("2 years ago");
  });
});

describe("pager page numbers", () => {
  it("shows the first, the last and the current page with its neighbours, with gaps", () => {
    expect(listPageNumbers(1, 1)).toEqual([1]);
    expect(listPageNumbers(1, 3)).toEqual([1, 2, 3]);
    expect(listPageNumbers(1, 10)).toEqual([1, 2, "gap", 10]);
    expect(listPageNumbers(5, 10)).toEqual([1, "gap", 4, 5, 6, "gap", 10]);
    expect(listPageNumbers(10, 10)).toEqual([1, "gap", 9, 10]);
  });

  it("never hides a single page behind a gap", () => {
    expect(listPageNumbers(4, 10)).toEqual([1, 2, 3, 4, 5, "gap", 10]);
    expect(listPageNumbers(3, 5)).toEqual([1, 2, 3, 4, 5]);
  });

  it("treats a page beyond the end as the last, and nonsense as the first", () => {
    expect(listPageNumbers(99, 4)).toEqual([1, 2, 3, 4]);
    expect(listPageNumbers(0, 0)).toEqual([1]);
  });
});
