import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { HIGHLIGHT_END, HIGHLIGHT_START, searchUpdates } from "@/lib/updates/queries";
import { parseUpdatesTableParams, updatesTableQuery } from "@/lib/updates/table-params";
import { createMunicipality, createUser, unique } from "./support/factories";

const ids: Record<string, string> = {};

async function update(
  key: string,
  data: {
    title: string;
    body: string;
    municipalityId: string;
    experimentId: string;
    opgaven: string[];
    themes: string[];
    publishedAt: string;
    commentCount?: number;
    status?: "PUBLISHED" | "DRAFT" | "WITHDRAWN";
    phase?: "UITVOERING" | "EVALUATIE";
  },
  authorId: string,
) {
  const created = await db.update.create({
    data: {
      title: data.title,
      body: data.body,
      phase: data.phase ?? "UITVOERING",
      status: data.status ?? "PUBLISHED",
      publishedAt: new Date(data.publishedAt),
      commentCount: data.commentCount ?? 0,
      experimentId: data.experimentId,
      authorId,
      opgaven: { create: data.opgaven.map((slug) => ({ opgave: { connect: { slug } } })) },
      themes: { create: data.themes.map((slug) => ({ theme: { connect: { slug } } })) },
    },
  });
  ids[key] = created.id;
}

const search = (query: Record<string, string | string[]>) => searchUpdates(parseUpdatesTableParams(query));
const titles = (result: Awaited<ReturnType<typeof search>>) => result.rows.map((row) => row.title);

beforeAll(async () => {
  const zwolle = await createMunicipality({ name: "Zwolle-test" });
  const arnhem = await createMunicipality({ name: "Arnhem-test" });
  const author = await createUser({ role: "PROJECT_LEADER", municipalityId: zwolle.id });
  const experimentIn = async (municipalityId: string) => {
    const suffix = unique();
    return db.experiment.create({
      data: { title: `Exp ${suffix}`, slug: `exp-${suffix}`, summary: "-", municipalityId, startDate: new Date("2021-01-01") },
    });
  };
  const inZwolle = await experimentIn(zwolle.id);
  const inArnhem = await experimentIn(arnhem.id);
  for (const [slug, name] of [
    ["energie", "Energie"],
    ["armoede", "Armoede"],
    ["gezondheid", "Gezondheid"],
  ]) {
    await db.opgave.create({ data: { slug: slug!, name: name! } });
  }
  await db.theme.create({ data: { slug: "leefwereld", name: "Leefwereld" } });
  await db.theme.create({ data: { slug: "gebiedsgericht", name: "Gebiedsgericht" } });

  const z = { municipalityId: zwolle.id, experimentId: inZwolle.id };
  const a = { municipalityId: arnhem.id, experimentId: inArnhem.id };
  await update(
    "wijk",
    {
      ...z,
      title: "Gesprek in de wijk",
      body: "Een avond met bewoners.",
      opgaven: ["energie", "armoede"],
      themes: ["leefwereld"],
      publishedAt: "2024-03-01",
      commentCount: 5,
    },
    author.id,
  );
  await update(
    "pomp",
    {
      ...a,
      title: "Collectieve aanpak",
      body: "Twintig warmtepompen geplaatst in de flat. Bewoners zijn tevreden.",
      opgaven: ["energie"],
      themes: ["gebiedsgericht"],
      publishedAt: "2024-04-01",
      commentCount: 1,
      phase: "EVALUATIE",
    },
    author.id,
  );
  await update(
    "titleHit",
    {
      ...a,
      title: "Warmtepomp in elke woning",
      body: "Een plan.",
      opgaven: ["gezondheid"],
      themes: ["leefwereld"],
      publishedAt: "2023-01-15",
    },
    author.id,
  );
  await update(
    "draft",
    {
      ...z,
      title: "Concept over warmtepompen",
      body: "warmtepomp",
      opgaven: ["energie"],
      themes: ["leefwereld"],
      publishedAt: "2024-05-01",
      status: "DRAFT",
    },
    author.id,
  );
  await update(
    "withdrawn",
    {
      ...z,
      title: "Ingetrokken warmtepomp",
      body: "warmtepomp",
      opgaven: ["energie"],
      themes: ["leefwereld"],
      publishedAt: "2024-05-02",
      status: "WITHDRAWN",
    },
    author.id,
  );
  await update(
    "xss",
    {
      ...z,
      title: "Veiligheid",
      body: "<script>alert('wijken')</script> over de wijken",
      opgaven: ["armoede"],
      themes: ["leefwereld"],
      publishedAt: "2022-06-01",
    },
    author.id,
  );
});

describe("the updates table", () => {
  it("shows published updates only, newest first, with the total", async () => {
    const result = await search({});
    expect(titles(result)).toEqual(["Collectieve aanpak", "Gesprek in de wijk", "Warmtepomp in elke woning", "Veiligheid"]);
    expect(result.total).toBe(4);
    expect(result.rows[0]).toMatchObject({ commentCount: 1, experiment: { municipality: { name: "Arnhem-test" } } });
    expect(result.rows[0]?.opgaven.map((opgave) => opgave.slug)).toEqual(["energie"]);
  });

  it("filters on any or all of several opgaven", async () => {
    expect(titles(await search({ opgave: ["armoede", "gezondheid"] })).sort()).toEqual([
      "Gesprek in de wijk",
      "Veiligheid",
      "Warmtepomp in elke woning",
    ]);
    expect(titles(await search({ opgave: ["energie", "armoede"], opgaveMode: "all" }))).toEqual(["Gesprek in de wijk"]);
    expect(titles(await search({ opgave: ["energie", "bestaat-niet"], opgaveMode: "all" }))).toEqual([]);
  });

  it("filters on theme, municipality, phase and date range, combined", async () => {
    expect(titles(await search({ theme: "gebiedsgericht" }))).toEqual(["Collectieve aanpak"]);
    expect((await search({ municipality: "zwolle-test" })).total).toBe(0);
    const zwolleSlug = (await db.municipality.findFirstOrThrow({ where: { name: "Zwolle-test" } })).slug;
    expect(titles(await search({ municipality: zwolleSlug }))).toEqual(["Gesprek in de wijk", "Veiligheid"]);
    expect(titles(await search({ phase: "EVALUATIE" }))).toEqual(["Collectieve aanpak"]);
    expect(titles(await search({ from: "2023-01-01", to: "2024-03-01" }))).toEqual(["Gesprek in de wijk", "Warmtepomp in elke woning"]);
    expect(titles(await search({ municipality: zwolleSlug, opgave: "energie", from: "2024-01-01" }))).toEqual(["Gesprek in de wijk"]);
  });

  it("sorts on title, municipality and comment count", async () => {
    expect(titles(await search({ sort: "title", dir: "asc" }))).toEqual([
      "Collectieve aanpak",
      "Gesprek in de wijk",
      "Veiligheid",
      "Warmtepomp in elke woning",
    ]);
    expect(titles(await search({ sort: "comments", dir: "desc" }))[0]).toBe("Gesprek in de wijk");
    expect(
      titles(await search({ sort: "municipality", dir: "asc" }))
        .slice(0, 2)
        .sort(),
    ).toEqual(["Collectieve aanpak", "Warmtepomp in elke woning"]);
  });

  it("pages, and a page beyond the end is empty but still knows the total", async () => {
    const first = await search({ perPage: "10", page: "1" });
    expect(first.pageCount).toBe(1);
    const beyond = await search({ page: "99" });
    expect(beyond.rows).toEqual([]);
    expect(beyond.total).toBe(4);
  });

  it("falls back to defaults for an unknown sort column, page size or page", () => {
    const params = parseUpdatesTableParams({ sort: "password", perPage: "7", page: "-3", dir: "sideways", from: "gisteren" });
    expect(params).toMatchObject({ sort: "date", perPage: 25, page: 1, dir: "desc", from: null });
  });
});

describe("Dutch full-text search", () => {
  it("stems: 'wijken' finds 'wijk' and 'warmtepompen' finds 'warmtepomp'", async () => {
    expect(titles(await search({ q: "wijken" }))).toContain("Gesprek in de wijk");
    const pumps = titles(await search({ q: "warmtepompen" }));
    expect(pumps.sort()).toEqual(["Collectieve aanpak", "Warmtepomp in elke woning"]);
  });

  it("ranks a title match above a body match", async () => {
    expect(titles(await search({ q: "warmtepomp" }))).toEqual(["Warmtepomp in elke woning", "Collectieve aanpak"]);
  });

  it("never finds drafts or withdrawn updates", async () => {
    const found = titles(await search({ q: "warmtepomp" }));
    expect(found).not.toContain("Concept over warmtepompen");
    expect(found).not.toContain("Ingetrokken warmtepomp");
  });

  it("combines the search with filters", async () => {
    expect(titles(await search({ q: "warmtepomp", opgave: "gezondheid" }))).toEqual(["Warmtepomp in elke woning"]);
    expect(titles(await search({ q: "warmtepomp", theme: "gebiedsgericht" }))).toEqual(["Collectieve aanpak"]);
  });

  it("highlights the matched words in a snippet with marks that are not HTML", async () => {
    const [row] = (await search({ q: "warmtepompen", theme: "gebiedsgericht" })).rows;
    expect(row?.snippet).toContain(`${HIGHLIGHT_START}warmtepompen${HIGHLIGHT_END}`);
    const [xss] = (await search({ q: "wijken", opgave: "armoede", sort: "date" })).rows.filter((r) => r.title === "Veiligheid");
    expect(xss?.snippet).toContain(`${HIGHLIGHT_START}wijken${HIGHLIGHT_END}`);
    expect(xss?.snippet).not.toMatch(/<\/?mark>|<b>/);
  });

  it("leaves Markdown syntax out of the snippet", async () => {
    const [experiment] = await db.experiment.findMany({ take: 1 });
    const [author] = await db.user.findMany({ take: 1 });
    await db.update.create({
      data: {
        title: "Opmaak",
        body: "## Zonneboilers\n\n| a | b |\n| --- | --- |\n| **zonneboilers** op het dak | [meer](https://example.org/x) |",
        phase: "UITVOERING",
        status: "PUBLISHED",
        publishedAt: new Date("2020-01-01"),
        experimentId: experiment!.id,
        authorId: author!.id,
      },
    });
    const [row] = (await search({ q: "zonneboiler" })).rows;
    expect(row?.snippet).toContain(`${HIGHLIGHT_START}zonneboilers${HIGHLIGHT_END}`);
    expect(row?.snippet).not.toMatch(/\*\*|##|\||\]\(|https:/);
    expect(row?.snippet).toContain("meer");
  });

  it("survives hostile query strings", async () => {
    for (const q of [
      '"',
      "&",
      "!",
      ":*",
      "warmtepomp:*",
      "a & | ! ( ) :* '",
      '\'; DROP TABLE "Update"; --',
      "\\",
      "<b>wijk</b>",
      "\u0000",
    ]) {
      const result = await search({ q });
      expect(Array.isArray(result.rows)).toBe(true);
    }
    expect(await db.update.count()).toBeGreaterThan(0);
  });

  it("says so when the query holds only stop words", async () => {
    const result = await search({ q: "de het een" });
    expect(result.onlyStopWords).toBe(true);
    expect(result.rows).toEqual([]);
  });

  it("writes the table state to a short URL that parses back to the same state", () => {
    const params = parseUpdatesTableParams({
      q: "wijk",
      opgave: ["energie", "armoede"],
      opgaveMode: "all",
      sort: "title",
      dir: "asc",
      page: "2",
    });
    const query = updatesTableQuery(params);
    expect(
      parseUpdatesTableParams(
        Object.fromEntries([...new URLSearchParams(query).keys()].map((key) => [key, new URLSearchParams(query).getAll(key)])),
      ),
    ).toEqual(params);
    expect(updatesTableQuery(parseUpdatesTableParams({}))).toBe("");
  });
});
