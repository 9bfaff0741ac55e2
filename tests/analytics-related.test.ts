import { beforeAll, describe, expect, it } from "vitest";
import { listRelatedElsewhere, listSimilarExperiments } from "@/lib/analytics/related-queries";
import { buildRelatedUpdatesSql, OPGAVE_WEIGHT, THEME_WEIGHT, type RelatedUpdateRow } from "@/lib/analytics/related-sql";
import { db } from "@/lib/db";
import { createMunicipality, createUser, unique } from "./support/factories";

/**
 * Hand-made fixtures with known answers. The source update (in "Thuis")
 * carries energie + armoede and the theme mens; every other update's score is
 * OPGAVE_WEIGHT per shared opgave plus THEME_WEIGHT per shared theme.
 */
const ids: Record<string, string> = {};
const tag: Record<string, string> = {};
const experiments: Record<string, string> = {};
let authorId = "";

type Fixture = {
  experiment: string;
  title: string;
  body?: string;
  opgaven?: string[];
  themes?: string[];
  publishedAt?: string;
  status?: "PUBLISHED" | "DRAFT" | "WITHDRAWN";
  hidden?: boolean;
};

async function update(key: string, fixture: Fixture) {
  const created = await db.update.create({
    data: {
      title: fixture.title,
      body: fixture.body ?? "Een verslag.",
      phase: "UITVOERING",
      status: fixture.status ?? "PUBLISHED",
      publishedAt: fixture.status === "DRAFT" ? null : new Date(fixture.publishedAt ?? "2025-01-01"),
      hiddenAt: fixture.hidden ? new Date() : null,
      experimentId: experiments[fixture.experiment]!,
      authorId,
      opgaven: { create: (fixture.opgaven ?? []).map((slug) => ({ opgaveId: tag[slug]! })) },
      themes: { create: (fixture.themes ?? []).map((slug) => ({ themeId: tag[slug]! })) },
    },
  });
  ids[key] = created.id;
}

const WARMTE = "Warmtepompen en isolatie: de bewonersavond over warmtepompen in de flat.";
const OTHER_TEXT = "Een moestuin bij de school, kinderen zaaien bonen.";

beforeAll(async () => {
  const [thuis, bergen, cuijk, delft] = await Promise.all(
    ["Thuis", "Bergen", "Cuijk", "Delft"].map((name) => createMunicipality({ name: `${name}-test` })),
  );
  authorId = (await createUser({ role: "PROJECT_LEADER", municipalityId: thuis!.id })).id;
  const experimentIn = async (key: string, municipalityId: string) => {
    const suffix = unique();
    experiments[key] = (
      await db.experiment.create({
        data: { title: `Experiment ${key}`, slug: `exp-${key}-${suffix}`, summary: "-", municipalityId, startDate: new Date("2021-01-01") },
      })
    ).id;
  };
  await experimentIn("thuis", thuis!.id);
  await experimentIn("thuis2", thuis!.id);
  await experimentIn("bergen", bergen!.id);
  await experimentIn("bergen2", bergen!.id);
  await experimentIn("cuijk", cuijk!.id);
  await experimentIn("delft", delft!.id);
  const opgaven = ["energie", "armoede", "gezondheid", "wonen"];
  for (const [index, slug] of opgaven.entries())
    tag[slug] = (
      await db.opgave.create({ data: { slug: `${slug}-${unique()}`, name: slug[0]!.toUpperCase() + slug.slice(1), sortOrder: index } })
    ).id;
  for (const [index, slug] of ["mens", "gebied"].entries())
    tag[slug] = (await db.theme.create({ data: { slug: `${slug}-${unique()}`, name: `Thema ${slug}`, sortOrder: index } })).id;

  await update("source", {
    experiment: "thuis",
    title: "Warmtepompen in de flat",
    body: WARMTE,
    opgaven: ["energie", "armoede"],
    themes: ["mens"],
  });
  // Same municipality (another experiment): shares everything, never shown.
  await update("sameMunicipality", {
    experiment: "thuis2",
    title: "Ook warmtepompen",
    body: WARMTE,
    opgaven: ["energie", "armoede"],
    themes: ["mens"],
  });
  await update("b1", {
    experiment: "bergen",
    title: "Alles gedeeld",
    body: OTHER_TEXT,
    opgaven: ["energie", "armoede", "wonen"],
    themes: ["mens", "gebied"],
  });
  // c1 and c2 tie on score 4: c1's text is like the source's, c2 is newer but about something else.
  await update("c1", {
    experiment: "cuijk",
    title: "Warmtepompen bij de buren",
    body: WARMTE,
    opgaven: ["energie", "armoede"],
    publishedAt: "2023-01-01",
  });
  await update("c2", {
    experiment: "cuijk",
    title: "Moestuin",
    body: OTHER_TEXT,
    opgaven: ["energie", "armoede"],
    publishedAt: "2025-06-01",
  });
  await update("d1", {
    experiment: "delft",
    title: "Een opgave en het thema",
    body: OTHER_TEXT,
    opgaven: ["energie", "gezondheid"],
    themes: ["mens"],
  });
  // d2 and d3 tie on score and text: the newer one first, and only five are shown.
  await update("d2", { experiment: "delft", title: "Alleen het thema", body: OTHER_TEXT, themes: ["mens"], publishedAt: "2024-05-01" });
  await update("d3", { experiment: "delft", title: "Alleen het thema", body: OTHER_TEXT, themes: ["mens"], publishedAt: "2024-04-01" });
  // Not listed, however much they share.
  const everything = { opgaven: ["energie", "armoede"], themes: ["mens"], body: WARMTE };
  await update("hidden", { experiment: "bergen2", title: "Verborgen", hidden: true, ...everything });
  await update("withdrawn", { experiment: "bergen2", title: "Ingetrokken", status: "WITHDRAWN", ...everything });
  await update("draft", { experiment: "bergen2", title: "Concept", status: "DRAFT", ...everything });
  // Shares nothing.
  await update("nothing", {
    experiment: "bergen2",
    title: "Warmtepompen zonder gedeelde opgave",
    body: WARMTE,
    opgaven: ["gezondheid"],
    themes: ["gebied"],
  });
});

describe("Elders ook: related updates from other municipalities", () => {
  it("ranks by shared opgaven and themes, text similarity breaking ties, then the newest, five at most", async () => {
    const rows = await listRelatedElsewhere(ids.source!);
    expect(rows.map((row) => row.id)).toEqual([ids.b1, ids.c1, ids.c2, ids.d1, ids.d2]);
    expect(rows.map((row) => row.score)).toEqual([
      2 * OPGAVE_WEIGHT + THEME_WEIGHT,
      2 * OPGAVE_WEIGHT,
      2 * OPGAVE_WEIGHT,
      OPGAVE_WEIGHT + THEME_WEIGHT,
      THEME_WEIGHT,
    ]);
    // c1 is older than c2 but talks about the same: the text rank put it first.
    expect(rows[1]!.rank).toBeGreaterThan(rows[2]!.rank);
  });

  it("in a tie larger than the ranked window, the text rank orders only the newest of it", async () => {
    const ids2 = async (rankedWindow: number) =>
      (await db.$queryRaw<RelatedUpdateRow[]>(buildRelatedUpdatesSql(ids.source!, { limit: 2, rankedWindow }))).map((row) => row.id);
    // c1 and c2 tie behind b1; c1 reads like the source but is older than c2.
    expect(await ids2(100)).toEqual([ids.b1, ids.c1]);
    expect(await ids2(2)).toEqual([ids.b1, ids.c2]);
    // The window never ranks fewer than are shown.
    expect(await ids2(1)).toEqual([ids.b1, ids.c2]);
  });

  it("never shows the update's own municipality, hidden, withdrawn or draft updates, or updates that share nothing", async () => {
    const shown = (await listRelatedElsewhere(ids.source!)).map((row) => row.id);
    for (const key of ["source", "sameMunicipality", "hidden", "withdrawn", "draft", "nothing"]) expect(shown).not.toContain(ids[key]);
  });

  it("says why: the shared opgaven and themes, in the coordinators' order", async () => {
    const rows = await listRelatedElsewhere(ids.source!);
    const why = (id: string) => {
      const row = rows.find((r) => r.id === id)!;
      return { opgaven: row.sharedOpgaven.map((o) => o.name), themes: row.sharedThemes.map((t) => t.name) };
    };
    expect(why(ids.b1!)).toEqual({ opgaven: ["Energie", "Armoede"], themes: ["Thema mens"] });
    expect(why(ids.c1!)).toEqual({ opgaven: ["Energie", "Armoede"], themes: [] });
    expect(why(ids.d1!)).toEqual({ opgaven: ["Energie"], themes: ["Thema mens"] });
    expect(why(ids.d2!)).toEqual({ opgaven: [], themes: ["Thema mens"] });
    expect(rows[0]).toMatchObject({ municipalityName: "Bergen-test", experimentTitle: "Experiment bergen" });
  });

  it("a hidden update falls out of the ranking and the next one moves up", async () => {
    await db.update.update({ where: { id: ids.b1! }, data: { hiddenAt: new Date() } });
    try {
      expect((await listRelatedElsewhere(ids.source!)).map((row) => row.id)).toEqual([ids.c1, ids.c2, ids.d1, ids.d2, ids.d3]);
    } finally {
      await db.update.update({ where: { id: ids.b1! }, data: { hiddenAt: null } });
    }
  });

  it("shows nothing for an update that is not listed itself, or that has no opgaven or themes", async () => {
    expect(await listRelatedElsewhere(ids.hidden!)).toEqual([]);
    expect(await listRelatedElsewhere(ids.draft!)).toEqual([]);
    expect(await listRelatedElsewhere("onbekend")).toEqual([]);
    await update("bare", { experiment: "thuis", title: "Zonder labels", body: WARMTE });
    expect(await listRelatedElsewhere(ids.bare!)).toEqual([]);
  });

  it("an update with only stop words in its text still ranks (the text rank is 0 for everyone)", async () => {
    await update("stopwords", { experiment: "thuis", title: "de het een", body: "en of maar", opgaven: ["wonen"] });
    expect((await listRelatedElsewhere(ids.stopwords!)).map((row) => [row.id, row.rank])).toEqual([[ids.b1, 0]]);
  });

  it("an update whose words hold quotes, backslashes and tsquery operators still ranks", async () => {
    const body = String.raw`O'Neil's map C:\wijk\plan, a&b|c !x (y) <-> x:* 'quoted' http://x.nl/a'b`;
    await update("hostile", { experiment: "thuis", title: body, body, opgaven: ["wonen"] });
    expect((await listRelatedElsewhere(ids.hostile!)).map((row) => row.id)).toEqual([ids.b1]);
  });
});

describe("similar experiments elsewhere", () => {
  /** An experiment with `counts` listed updates per opgave (and optionally hidden ones that must not count). */
  async function profiled(key: string, municipalityId: string, counts: Record<string, number>, hidden: Record<string, number> = {}) {
    const suffix = unique();
    experiments[key] = (
      await db.experiment.create({
        data: {
          title: `Profiel ${key}`,
          slug: `profiel-${key}-${suffix}`,
          summary: "-",
          municipalityId,
          startDate: new Date("2022-01-01"),
        },
      })
    ).id;
    for (const [counted, isHidden] of [
      [counts, false],
      [hidden, true],
    ] as const)
      for (const [slug, n] of Object.entries(counted))
        for (let i = 0; i < n; i++)
          await update(`${key}-${slug}-${i}-${isHidden}`, { experiment: key, title: `${key} ${slug}`, opgaven: [slug], hidden: isHidden });
  }

  let home = "";
  beforeAll(async () => {
    // Opgaven of their own, so the updates above share none with these experiments.
    for (const [index, slug] of ["pEnergie", "pArmoede", "pGezondheid", "pWonen"].entries())
      tag[slug] = (
        await db.opgave.create({
          data: { slug: `${slug.toLowerCase()}-${unique()}`, name: `Profiel ${slug.slice(1).toLowerCase()}`, sortOrder: 10 + index },
        })
      ).id;
    const municipalities = await Promise.all(["Huis", "Y", "Z", "W"].map((name) => createMunicipality({ name: `Profiel ${name}` })));
    const [huis, y, z, w] = municipalities.map((m) => m.id);
    await profiled("home", huis!, { pEnergie: 3, pArmoede: 1 });
    home = experiments.home!;
    await profiled("sameTown", huis!, { pEnergie: 3, pArmoede: 1 });
    await profiled("y", y!, { pEnergie: 3, pArmoede: 1 });
    // Hidden updates must not change Z's profile (5 more on armoede would lower its similarity).
    await profiled("z", z!, { pEnergie: 1, pArmoede: 1 }, { pArmoede: 5 });
    await profiled("w", w!, { pGezondheid: 2, pEnergie: 1 });
    await profiled("unrelated", y!, { pWonen: 4 });
  });

  const similarOf = async (id: string) =>
    (await listSimilarExperiments(id)).map((row) => ({
      title: row.title,
      similarity: Number(row.similarity.toFixed(3)),
      shared: row.sharedOpgaven.map((o) => o.name),
    }));

  it("ranks experiments of other municipalities by the cosine of their opgaven profiles, naming the shared opgaven", async () => {
    expect(await similarOf(home)).toEqual([
      // Y shares energie 3× and armoede 1×: strongest overlap first.
      { title: "Profiel y", similarity: 1, shared: ["Profiel energie", "Profiel armoede"] },
      // Z overlaps once on each: then the coordinators' order.
      { title: "Profiel z", similarity: Number((4 / Math.sqrt(10 * 2)).toFixed(3)), shared: ["Profiel energie", "Profiel armoede"] },
      { title: "Profiel w", similarity: Number((3 / Math.sqrt(10 * 5)).toFixed(3)), shared: ["Profiel energie"] },
    ]);
  });

  it("leaves out the own municipality and experiments that share no opgave", async () => {
    const titles = (await listSimilarExperiments(home)).map((row) => row.title);
    expect(titles).not.toContain("Profiel sameTown");
    expect(titles).not.toContain("Profiel unrelated");
    expect(titles).not.toContain("Profiel home");
  });

  it("an experiment without listed updates has no similar experiments", async () => {
    // Its only updates are hidden, withdrawn or drafts.
    const municipality = await createMunicipality();
    await profiled("quiet", municipality.id, {}, { pEnergie: 2 });
    await update("quietDraft", { experiment: "quiet", title: "Concept", status: "DRAFT", opgaven: ["pEnergie"] });
    expect(await listSimilarExperiments(experiments.quiet!)).toEqual([]);
  });
});
