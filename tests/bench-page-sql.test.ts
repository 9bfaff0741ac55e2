import { describe, expect, it } from "vitest";
import { parseCapture, readsOf } from "../scripts/bench/page-sql";

// The bench replays a page's own SQL from the capture file lib/db.ts writes
// (SQL_CAPTURE_FILE): the lines must come back as statements with their
// values, and only reads may be replayed.
describe("the bench's page SQL capture", () => {
  it("reads Prisma's query events back as statements with their values", () => {
    const text = [
      JSON.stringify({ text: 'SELECT "id" FROM "public"."User" WHERE "id" = $1', params: '["u1"]' }),
      "",
      JSON.stringify({ text: "BEGIN", params: "[]" }),
      JSON.stringify({ text: "WITH x AS (SELECT 1) SELECT * FROM x WHERE $1 = $2", params: '[1,"2026-12-01T00:00:00.000Z"]' }),
      "",
    ].join("\n");
    expect(parseCapture(text)).toEqual([
      { text: 'SELECT "id" FROM "public"."User" WHERE "id" = $1', values: ["u1"] },
      { text: "BEGIN", values: [] },
      { text: "WITH x AS (SELECT 1) SELECT * FROM x WHERE $1 = $2", values: [1, "2026-12-01T00:00:00.000Z"] },
    ]);
  });

  it("replays reads only and names what it leaves out", () => {
    const { queries, skipped } = readsOf([
      { text: "  select 1", values: [] },
      { text: "BEGIN", values: [] },
      { text: 'INSERT INTO "public"."UpdateVisit" ("userId") VALUES ($1)', values: ["u1"] },
      { text: "WITH a AS (SELECT 1) SELECT * FROM a", values: [] },
      { text: "COMMIT", values: [] },
    ]);
    expect(queries.map((query) => query.text)).toEqual(["  select 1", "WITH a AS (SELECT 1) SELECT * FROM a"]);
    expect(skipped).toEqual(["BEGIN", 'INSERT INTO "public"."UpdateVisit"', "COMMIT"]);
  });
});
