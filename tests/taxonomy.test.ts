import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getTaxonomyPage, listLatestUpdates, listTaxonomy, TAXONOMY_PAGE_UPDATES } from "@/lib/taxonomy/queries";
import { createMunicipality, createUser, unique } from "./support/factories";

let experimentId: string;
let authorId: string;

async function update(
  title: string,
  publishedAt: Date,
  status: "PUBLISHED" | "DRAFT" | "WITHDRAWN",
  tags: { opgaven?: string[]; themes?: string[] },
) {
  return db.update.create({
    data: {
      title,
      body: "-",
      phase: "UITVOERING",
      status,
      publishedAt,
      experimentId,
      authorId,
      opgaven: { create: (tags.opgaven ?? []).map((slug) => ({ opgave: { connect: { slug } } })) },
      themes: { create: (tags.themes ?? []).map((slug) => ({ theme: { connect: { slug } } })) },
    },
  });
}

const day = (n: number) => new Date(Date.UTC(2024, 0, 1 + n, 12));

beforeAll(async () => {
  const municipality = await createMunicipality({ name: "Deventer-tags" });
  authorId = (await createUser({ role: "PROJECT_LEADER", municipalityId: municipality.id })).id;
  const suffix = unique();
  experimentId = (
    await db.experiment.create({
      data: {
        title: "Tags-experiment",
        slug: `tags-${suffix}`,
        summary: "-",
        municipalityId: municipality.id,
        startDate: new Date("2022-01-01"),
      },
    })
  ).id;

  await db.opgave.createMany({
    data: [
      { slug: "energie", name: "Energie", description: "Aardgasvrij wonen.", color: "#1f6f43", sortOrder: 1 },
      { slug: "armoede", name: "Armoede", sortOrder: 2 },
      { slug: "oud", name: "Oude opgave", sortOrder: 0, archivedAt: new Date("2023-01-01") },
      { slug: "leeg", name: "Lege opgave", sortOrder: 3 },
    ],
  });
  await db.theme.createMany({
    data: [
      { slug: "leefwereld", name: "Leefwereld", sortOrder: 1 },
      { slug: "gebied", name: "Gebiedsgericht", sortOrder: 2, archivedAt: new Date("2023-01-01") },
    ],
  });

  await update("Gepubliceerd 1", day(1), "PUBLISHED", { opgaven: ["energie", "armoede"], themes: ["leefwereld"] });
  await update("Gepubliceerd 2", day(2), "PUBLISHED", { opgaven: ["energie", "oud"], themes: ["gebied"] });
  await update("Concept", day(3), "DRAFT", { opgaven: ["energie", "armoede", "leeg"], themes: ["leefwereld", "gebied"] });
  await update("Ingetrokken", day(4), "WITHDRAWN", { opgaven: ["energie", "leeg"], themes: ["leefwereld"] });
  // Enough for more than one page of a tag's updates.
  for (let i = 0; i < TAXONOMY_PAGE_UPDATES + 2; i += 1) {
    await update(`Armoede ${i}`, day(10 + i), "PUBLISHED", { opgaven: ["armoede"] });
  }
});

describe("opgaven and themes with counts", () => {
  it("count only published updates", async () => {
    const opgaven = await listTaxonomy("opgave");
    const count = Object.fromEntries(opgaven.map((opgave) => [opgave.slug, opgave.updateCount]));
    expect(count).toEqual({ energie: 2, armoede: 1 + TAXONOMY_PAGE_UPDATES + 2, oud: 1, leeg: 0 });

    const themes = await listTaxonomy("theme");
    expect(Object.fromEntries(themes.map((theme) => [theme.slug, theme.updateCount]))).toEqual({ leefwereld: 1, gebied: 1 });
  });

  it("list active ones in order, archived ones last or not at all", async () => {
    const all = await listTaxonomy("opgave");
    expect(all.map((opgave) => opgave.slug)).toEqual(["energie", "armoede", "leeg", "oud"]);
    expect(all.at(-1)?.archivedAt).toBeInstanceOf(Date);
    expect(all[0]).toMatchObject({ name: "Energie", description: "Aardgasvrij wonen.", color: "#1f6f43", archivedAt: null });
    expect((await listTaxonomy("opgave", { includeArchived: false })).map((opgave) => opgave.slug)).toEqual(["energie", "armoede", "leeg"]);
    expect((await listTaxonomy("theme", { includeArchived: false })).map((theme) => theme.slug)).toEqual(["leefwereld"]);
  });
});

describe("the page of an opgave or theme", () => {
  it("shows its published updates, newest first, with the count", async () => {
    const energie = await getTaxonomyPage("opgave", "energie");
    expect(energie).toMatchObject({
      name: "Energie",
      description: "Aardgasvrij wonen.",
      color: "#1f6f43",
      updateCount: 2,
      archivedAt: null,
    });
    expect(energie?.updates.map((update) => update.title)).toEqual(["Gepubliceerd 2", "Gepubliceerd 1"]);
    expect(energie?.updates[0]).toMatchObject({
      experiment: { title: "Tags-experiment", municipality: { name: "Deventer-tags" } },
      author: { name: expect.any(String) },
    });
  });

  it("shows the newest 25 of many, and counts them all", async () => {
    const armoede = await getTaxonomyPage("opgave", "armoede");
    expect(armoede?.updateCount).toBe(TAXONOMY_PAGE_UPDATES + 3);
    expect(armoede?.updates).toHaveLength(TAXONOMY_PAGE_UPDATES);
    expect(armoede?.updates[0]?.title).toBe(`Armoede ${TAXONOMY_PAGE_UPDATES + 1}`);
    const dates = armoede!.updates.map((update) => update.publishedAt!.getTime());
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  });

  it("still shows an archived one, marked", async () => {
    expect(await getTaxonomyPage("opgave", "oud")).toMatchObject({ updateCount: 1, archivedAt: expect.any(Date) });
    const gebied = await getTaxonomyPage("theme", "gebied");
    expect(gebied).toMatchObject({ updateCount: 1, archivedAt: expect.any(Date) });
    expect(gebied?.updates.map((update) => update.title)).toEqual(["Gepubliceerd 2"]);
  });

  it("is null for an unknown slug, and keeps opgaven and themes apart", async () => {
    expect(await getTaxonomyPage("opgave", "bestaat-niet")).toBeNull();
    expect(await getTaxonomyPage("theme", "energie")).toBeNull();
    expect(await getTaxonomyPage("opgave", "leefwereld")).toBeNull();
    expect(await getTaxonomyPage("opgave", "leeg")).toMatchObject({ updateCount: 0, updates: [] });
  });
});

describe("the latest updates on the home page", () => {
  it("are the newest published ones", async () => {
    const latest = await listLatestUpdates(5);
    expect(latest.map((update) => update.title)).toEqual([26, 25, 24, 23, 22].map((i) => `Armoede ${i}`));
    expect(latest[0]).toMatchObject({ experiment: { title: "Tags-experiment", municipality: { name: "Deventer-tags" } } });
  });
});
