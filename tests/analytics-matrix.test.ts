import { beforeAll, describe, expect, it } from "vitest";
import type { Matrix } from "@/lib/analytics/matrix";
import { matrixCellHref, matrixRowHref } from "@/lib/analytics/matrix-links";
import { isReversedPeriod, parseMatrixParams } from "@/lib/analytics/matrix-params";
import { getMatrix } from "@/lib/analytics/matrix-queries";
import { DEFAULT_MATRIX_PARAMS, type MatrixParams } from "@/lib/analytics/matrix-sql";
import { db } from "@/lib/db";
import { searchUpdates } from "@/lib/updates/queries";
import { parseUpdatesTableParams } from "@/lib/updates/table-params";
import { createMunicipality, createUser, unique } from "./support/factories";
import { createExperiment } from "./support/notification-fixtures";

/**
 * A hand-made programme with known answers. Two municipalities: M1 with
 * experiments E1 and E2, M2 with E3. Opgaven A, B, C, the archived G (on one
 * listed update) and the archived H (only on a hidden update); themes T1, T2.
 *
 *   u1  E1  A B     T1  2025-01-10
 *   u2  E2  A B     T2  2025-03-05
 *   u3  E3  A B C   T1  2025-06-01
 *   u4  E3  A       T1  2024-12-31 (23:30 UTC)
 *   u5  E1  B C     —   2025-02-01
 *   u6  E2  G       T2  2025-04-01
 * and, never counted: a hidden (A B H, T1), a withdrawn (A B, T1) and a draft (A B, T1) update.
 */
const tag: Record<string, string> = {};
const slug: Record<string, string> = {};

async function makeUpdate(input: {
  experimentId: string;
  authorId: string;
  opgaven: string[];
  themes: string[];
  publishedAt: string | null;
  status?: "PUBLISHED" | "WITHDRAWN" | "DRAFT";
  hidden?: boolean;
}) {
  return db.update.create({
    data: {
      experimentId: input.experimentId,
      authorId: input.authorId,
      title: `Update ${unique()}`,
      body: "Tekst (test)",
      phase: "UITVOERING",
      status: input.status ?? "PUBLISHED",
      publishedAt: input.publishedAt ? new Date(input.publishedAt) : null,
      withdrawnAt: input.status === "WITHDRAWN" ? new Date("2025-07-01") : null,
      hiddenAt: input.hidden ? new Date("2025-07-01") : null,
      opgaven: { create: input.opgaven.map((key) => ({ opgaveId: tag[key]! })) },
      themes: { create: input.themes.map((key) => ({ themeId: tag[key]! })) },
    },
  });
}

beforeAll(async () => {
  const [m1, m2] = [await createMunicipality(), await createMunicipality()];
  const [e1, e2, e3] = [await createExperiment(m1.id), await createExperiment(m1.id), await createExperiment(m2.id)];
  const author = await createUser({ role: "PROJECT_LEADER", municipalityId: m1.id });
  for (const [index, key] of ["A", "B", "C", "G", "H"].entries()) {
    const opgave = await db.opgave.create({
      data: {
        name: `Opgave ${key} ${unique()}`,
        slug: `opgave-${key.toLowerCase()}-${unique()}`,
        sortOrder: index,
        archivedAt: key === "G" || key === "H" ? new Date("2025-01-01") : null,
      },
    });
    [tag[key], slug[key]] = [opgave.id, opgave.slug];
  }
  for (const [index, key] of ["T1", "T2"].entries()) {
    const theme = await db.theme.create({
      data: { name: `Thema ${key} ${unique()}`, slug: `thema-${key.toLowerCase()}-${unique()}`, sortOrder: index },
    });
    [tag[key], slug[key]] = [theme.id, theme.slug];
  }
  const make = (experimentId: string, opgaven: string[], themes: string[], publishedAt: string | null, extra = {}) =>
    makeUpdate({ experimentId, authorId: author.id, opgaven, themes, publishedAt, ...extra });
  await make(e1.id, ["A", "B"], ["T1"], "2025-01-10T10:00:00Z");
  await make(e2.id, ["A", "B"], ["T2"], "2025-03-05T10:00:00Z");
  await make(e3.id, ["A", "B", "C"], ["T1"], "2025-06-01T10:00:00Z");
  await make(e3.id, ["A"], ["T1"], "2024-12-31T23:30:00Z");
  await make(e1.id, ["B", "C"], [], "2025-02-01T10:00:00Z");
  await make(e2.id, ["G"], ["T2"], "2025-04-01T10:00:00Z");
  await make(e1.id, ["A", "B", "H"], ["T1"], "2025-02-10T10:00:00Z", { hidden: true });
  await make(e2.id, ["A", "B"], ["T1"], "2025-02-11T10:00:00Z", { status: "WITHDRAWN" });
  await make(e3.id, ["A", "B"], ["T1"], null, { status: "DRAFT" });
});

const matrixFor = (params: Partial<MatrixParams>) => getMatrix({ ...DEFAULT_MATRIX_PARAMS, ...params });

/** The cell of two keys (A, B, T1 …), by their rows and columns. */
function cell(matrix: Matrix, row: string, column: string): number {
  const r = matrix.rows.findIndex((item) => item.id === tag[row]);
  const c = matrix.columns.findIndex((item) => item.id === tag[column]);
  expect(r, `row ${row}`).toBeGreaterThanOrEqual(0);
  expect(c, `column ${column}`).toBeGreaterThanOrEqual(0);
  return matrix.cells[r]![c]!;
}

/** A link's query as the page's searchParams hold it (repeated keys as lists). */
function queryOf(href: string): Record<string, string[]> {
  const search = new URLSearchParams(href.split("?")[1]);
  return Object.fromEntries([...new Set(search.keys())].map((key) => [key, search.getAll(key)]));
}

const rowIds = (matrix: Matrix) => matrix.rows.map((row) => row.id);

describe("the opgave × opgave matrix", () => {
  it("counts listed updates per pair, with each opgave's total on the diagonal; hidden, withdrawn and draft updates never count", async () => {
    const matrix = await matrixFor({});
    expect(cell(matrix, "A", "B")).toBe(3);
    expect(cell(matrix, "B", "A")).toBe(3);
    expect(cell(matrix, "A", "C")).toBe(1);
    expect(cell(matrix, "B", "C")).toBe(2);
    expect(cell(matrix, "A", "G")).toBe(0);
    expect([cell(matrix, "A", "A"), cell(matrix, "B", "B"), cell(matrix, "C", "C"), cell(matrix, "G", "G")]).toEqual([4, 4, 2, 1]);
    expect(matrix.rowTotals).toEqual([4, 4, 2, 1]);
    expect(matrix.total).toBe(6);
    expect(matrix.maxCell).toBe(3);
  });

  it("shows archived opgaven only where something counted carries them", async () => {
    const matrix = await matrixFor({});
    expect(rowIds(matrix)).toEqual([tag.A, tag.B, tag.C, tag.G]);
    expect(matrix.rows.find((row) => row.id === tag.G)?.archived).toBe(true);
    expect(matrix.columns).toEqual(matrix.rows);
    // In a period without u6, G is gone too.
    expect(rowIds(await matrixFor({ to: "2025-03-31" }))).toEqual([tag.A, tag.B, tag.C]);
  });

  it("counts distinct experiments instead", async () => {
    const matrix = await matrixFor({ measure: "experiments" });
    expect(cell(matrix, "A", "B")).toBe(3);
    expect(cell(matrix, "A", "A")).toBe(3);
    expect(cell(matrix, "B", "C")).toBe(2);
    expect(cell(matrix, "C", "C")).toBe(2);
    expect(matrix.total).toBe(3);
  });

  it("counts distinct municipalities instead", async () => {
    const matrix = await matrixFor({ measure: "municipalities" });
    expect(cell(matrix, "A", "B")).toBe(2);
    expect(cell(matrix, "A", "C")).toBe(1);
    expect(cell(matrix, "A", "A")).toBe(2);
    expect(cell(matrix, "G", "G")).toBe(1);
    expect(matrix.total).toBe(2);
  });

  it("filters on a theme: only updates carrying it count", async () => {
    const matrix = await matrixFor({ theme: slug.T1! });
    expect(matrix.theme?.id).toBe(tag.T1);
    expect(cell(matrix, "A", "B")).toBe(2);
    expect(cell(matrix, "A", "A")).toBe(3);
    expect(cell(matrix, "B", "C")).toBe(1);
    expect(cell(matrix, "C", "C")).toBe(1);
    expect(matrix.total).toBe(3);
  });

  it("filters on a period of whole days, both ends included, like the updates table", async () => {
    const matrix = await matrixFor({ from: "2025-01-01", to: "2025-03-05" });
    expect(cell(matrix, "A", "B")).toBe(2);
    expect(cell(matrix, "A", "A")).toBe(2);
    expect(cell(matrix, "B", "C")).toBe(1);
    expect(matrix.total).toBe(3);
    expect((await matrixFor({ from: "2024-12-31", to: "2024-12-31" })).total).toBe(1);
  });

  it("a period without data counts nothing, and an unknown theme counts as no filter", async () => {
    const empty = await matrixFor({ from: "2030-01-01" });
    expect(empty.total).toBe(0);
    expect(empty.cells.flat().every((value) => value === 0)).toBe(true);
    const unknown = await matrixFor({ theme: "bestaat-niet" });
    expect(unknown.params.theme).toBeNull();
    expect(cell(unknown, "A", "B")).toBe(3);
  });
});

describe("the opgave × theme matrix", () => {
  it("counts listed updates per opgave and theme, with each opgave's total beside them", async () => {
    const matrix = await matrixFor({ view: "themes" });
    expect(matrix.columns.map((column) => column.id)).toEqual([tag.T1, tag.T2]);
    expect([cell(matrix, "A", "T1"), cell(matrix, "A", "T2")]).toEqual([3, 1]);
    expect([cell(matrix, "B", "T1"), cell(matrix, "B", "T2")]).toEqual([2, 1]);
    expect([cell(matrix, "C", "T1"), cell(matrix, "C", "T2")]).toEqual([1, 0]);
    expect(cell(matrix, "G", "T2")).toBe(1);
    expect(matrix.rowTotals).toEqual([4, 4, 2, 1]);
  });

  it("with a theme filter shows that theme's column only", async () => {
    const matrix = await matrixFor({ view: "themes", theme: slug.T1!, measure: "experiments" });
    expect(matrix.columns.map((column) => column.id)).toEqual([tag.T1]);
    expect(cell(matrix, "A", "T1")).toBe(2);
    expect(cell(matrix, "B", "T1")).toBe(2);
  });
});

describe("a cell's link", () => {
  it("opens the updates table on exactly the updates the cell counts, theme and period carried along", async () => {
    const params = { theme: slug.T1!, from: "2025-01-01", to: "2025-12-31" };
    const matrix = await matrixFor(params);
    const [a, b] = [matrix.rows[0]!, matrix.rows[1]!];
    const href = matrixCellHref(matrix, a, b);
    expect(href).toBe(`/updates?opgave=${a.slug}&opgave=${b.slug}&theme=${slug.T1}&opgaveMode=all&from=2025-01-01&to=2025-12-31`);
    const table = await searchUpdates(parseUpdatesTableParams(queryOf(href)));
    expect(table.total).toBe(cell(matrix, "A", "B"));
    expect(table.total).toBe(2);
    expect(matrixRowHref(matrix, a)).toBe(`/updates?opgave=${a.slug}&theme=${slug.T1}&from=2025-01-01&to=2025-12-31`);
  });

  it("in the theme view filters on the opgave and the column's theme", async () => {
    const matrix = await matrixFor({ view: "themes" });
    const href = matrixCellHref(matrix, matrix.rows[0]!, matrix.columns[1]!);
    expect(href).toBe(`/updates?opgave=${slug.A}&theme=${slug.T2}`);
    const table = await searchUpdates(parseUpdatesTableParams({ opgave: slug.A!, theme: slug.T2! }));
    expect(table.total).toBe(cell(matrix, "A", "T2"));
  });
});

describe("the matrix's URL parameters", () => {
  it("fall back to defaults on bad values and recognise a period that ends before it begins", () => {
    expect(parseMatrixParams({ view: "x", measure: ["bogus"], theme: "a\u0000b", from: "2025-02-30", to: "gisteren" })).toEqual(
      DEFAULT_MATRIX_PARAMS,
    );
    expect(parseMatrixParams({ view: "themes", measure: "municipalities", theme: " t1 ", from: "2025-01-01" })).toEqual({
      view: "themes",
      measure: "municipalities",
      theme: "t1",
      from: "2025-01-01",
      to: null,
    });
    expect(isReversedPeriod({ from: "2025-02-01", to: "2025-01-31" })).toBe(true);
    expect(isReversedPeriod({ from: "2025-02-01", to: "2025-02-01" })).toBe(false);
    expect(isReversedPeriod({ from: null, to: "2025-01-31" })).toBe(false);
  });

  it("a reversed period counts nothing (the page shows a message instead)", async () => {
    expect((await matrixFor({ from: "2025-06-01", to: "2025-01-01" })).total).toBe(0);
  });
});
