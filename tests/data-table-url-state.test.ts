import { describe, expect, it } from "vitest";
import { dataTableQuery, pageCountOf, pageRange } from "@/components/data-table/url-state";
import { addDays, calendarDayOf, startOfDay } from "@/lib/calendar-day";
import { dateParam, textParam } from "@/lib/table-params";

describe("a table's URL state", () => {
  const defaults = { page: 1, perPage: 25, sort: "name", dir: "asc" };

  it("leaves out defaults and empty values, repeats lists", () => {
    expect(dataTableQuery({ page: 1, perPage: 25, sort: "name", dir: "asc", q: "", role: null }, defaults)).toBe("");
    expect(dataTableQuery({ page: 3, perPage: 50, sort: "email", dir: "desc", q: "de Vries", role: "ADMIN" }, defaults)).toBe(
      "?page=3&perPage=50&sort=email&dir=desc&q=de+Vries&role=ADMIN",
    );
    expect(dataTableQuery({ phase: ["A", "B"], from: undefined })).toBe("?phase=A&phase=B");
  });

  it("says which rows a page shows and how many pages there are", () => {
    expect(pageRange({ page: 2, perPage: 25 }, 60)).toEqual({ from: 26, to: 50 });
    expect(pageRange({ page: 3, perPage: 25 }, 60)).toEqual({ from: 51, to: 60 });
    expect(pageRange({ page: 1, perPage: 25 }, 0)).toEqual({ from: 0, to: 0 });
    expect([pageCountOf(0, 25), pageCountOf(25, 25), pageCountOf(26, 25)]).toEqual([1, 1, 2]);
  });

  it("parses text and dates leniently: control characters go, impossible days fall back to none", () => {
    expect(textParam(10).parse(" a\u0000b ")).toBe("a b");
    expect(textParam(5).parse(["lange zoekterm", "x"])).toBe("lange");
    expect(dateParam.parse("2024-02-29")).toBe("2024-02-29");
    expect(dateParam.parse("2023-02-29")).toBeNull();
    expect(dateParam.parse(undefined)).toBeNull();
  });
});

describe("calendar days in Amsterdam", () => {
  it("starts a winter day at 23:00 UTC and a summer day at 22:00 UTC the day before", () => {
    expect(startOfDay("2026-01-15").toISOString()).toBe("2026-01-14T23:00:00.000Z");
    expect(startOfDay("2026-07-15").toISOString()).toBe("2026-07-14T22:00:00.000Z");
  });

  it("gets the days of the clock changes right", () => {
    // Summer time starts on 29 March 2026 at 02:00 and ends on 25 October 2026 at 03:00.
    expect(startOfDay("2026-03-29").toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(startOfDay("2026-03-30").toISOString()).toBe("2026-03-29T22:00:00.000Z");
    expect(startOfDay("2026-10-26").toISOString()).toBe("2026-10-25T23:00:00.000Z");
  });

  it("adds days across months and years, and finds the day of a moment", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(calendarDayOf(new Date("2026-03-01T23:30:00Z"))).toBe("2026-03-02");
    expect(calendarDayOf(new Date(startOfDay("2026-06-01").getTime() - 1))).toBe("2026-05-31");
  });
});
