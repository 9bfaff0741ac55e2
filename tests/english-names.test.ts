import { beforeAll, describe, expect, it } from "vitest";
import { getActivity } from "@/lib/analytics/activity-queries";
import { getMatrix, listMatrixThemes } from "@/lib/analytics/matrix-queries";
import { DEFAULT_MATRIX_PARAMS } from "@/lib/analytics/matrix-sql";
import { listRelatedElsewhere, listSimilarExperiments } from "@/lib/analytics/related-queries";
import { reportFiles } from "@/lib/analytics/report-csv";
import { getProgrammeFigures, getProgrammeReport } from "@/lib/analytics/report-queries";
import { db } from "@/lib/db";
import { listFollows } from "@/lib/follows/queries";
import { getInspirationBook, getInspirationNotice, listChapterThemes, listInspirationEntries } from "@/lib/inspiration/queries";
import type { Actor } from "@/lib/policy/permissions";
import { actorOf, createMunicipality, createUser, unique } from "./support/factories";
import { createExperiment } from "./support/notification-fixtures";

/**
 * Every analytic read names opgaven and themes in the reader's language: the
 * English name (and description) when a coordinator gave one, the Dutch one
 * otherwise. One opgave and one theme have an English version, one of each has not.
 */
const MARCH = { from: "2026-03-01", to: "2026-03-31" };
const NOW = new Date("2026-04-15T12:00:00Z");
const ids: Record<string, string> = {};
const names = {
  opgave: { nl: `Warmte in de wijk ${unique()}`, en: `Heat in the neighbourhood ${unique()}` },
  plainOpgave: `Buurtmoestuin ${unique()}`,
  theme: { nl: `Leefwereld ${unique()}`, en: `Residents' lived world ${unique()}` },
  themeDescription: { nl: "Hoe bewoners hun wijk beleven.", en: "How residents experience their neighbourhood." },
  plainTheme: `Gebiedsgericht ${unique()}`,
};
let reader = { id: "", role: "MEMBER" as const };
let curator: Actor = { id: "", role: "COORDINATOR", municipalityId: null };

async function publish(experimentId: string, authorId: string, title: string) {
  const update = await db.update.create({
    data: {
      experimentId,
      authorId,
      title,
      body: "Warmtepompen en een moestuin (test).",
      phase: "UITVOERING",
      status: "PUBLISHED",
      publishedAt: new Date("2026-03-10T10:00:00Z"),
      opgaven: { create: [{ opgaveId: ids.opgave! }, { opgaveId: ids.plainOpgave! }] },
      themes: { create: [{ themeId: ids.theme! }, { themeId: ids.plainTheme! }] },
    },
  });
  return update.id;
}

beforeAll(async () => {
  const [home, other] = [await createMunicipality(), await createMunicipality()];
  const [mine, theirs] = [await createExperiment(home.id), await createExperiment(other.id)];
  [ids.mine, ids.theirs] = [mine.id, theirs.id];
  const taxon = (name: string) => ({ name, slug: `tag-${unique()}`, sortOrder: 0 });
  ids.opgave = (await db.opgave.create({ data: { ...taxon(names.opgave.nl), nameEn: names.opgave.en } })).id;
  ids.plainOpgave = (await db.opgave.create({ data: { ...taxon(names.plainOpgave), sortOrder: 1 } })).id;
  ids.theme = (
    await db.theme.create({
      data: {
        ...taxon(names.theme.nl),
        nameEn: names.theme.en,
        description: names.themeDescription.nl,
        descriptionEn: names.themeDescription.en,
      },
    })
  ).id;
  ids.plainTheme = (await db.theme.create({ data: { ...taxon(names.plainTheme), sortOrder: 1 } })).id;
  const author = await createUser({ role: "PROJECT_LEADER", municipalityId: home.id });
  const coordinator = await createUser({ role: "COORDINATOR" });
  curator = actorOf(coordinator);
  ids.source = await publish(mine.id, author.id, "Warmte bij ons");
  ids.elsewhere = await publish(theirs.id, author.id, "Warmte elders");
  await db.inspirationEntry.create({
    data: { updateId: ids.source, themeId: ids.theme, requestedById: coordinator.id, consent: "ACCEPTED", publishedAt: NOW },
  });
  const member = await createUser({ role: "MEMBER" });
  reader = { id: member.id, role: "MEMBER" };
  await db.follow.createMany({
    data: [
      { userId: member.id, targetType: "OPGAVE", targetId: ids.opgave },
      { userId: member.id, targetType: "OPGAVE", targetId: ids.plainOpgave },
      { userId: member.id, targetType: "THEME", targetId: ids.theme },
    ],
  });
});

/** The name each of `items` shows for the opgave or theme `id`. */
const nameOf = (items: { id: string; name: string }[], id: string) => items.find((item) => item.id === id)?.name;

describe("the koppelkansen matrix", () => {
  it("names its opgaven in English for an English reader, in Dutch without an English name", async () => {
    const matrix = await getMatrix(DEFAULT_MATRIX_PARAMS, "en");
    expect(nameOf(matrix.rows, ids.opgave!)).toBe(names.opgave.en);
    expect(nameOf(matrix.columns, ids.opgave!)).toBe(names.opgave.en);
    expect(nameOf(matrix.rows, ids.plainOpgave!)).toBe(names.plainOpgave);
  });

  it("keeps the Dutch names for a Dutch reader", async () => {
    const matrix = await getMatrix(DEFAULT_MATRIX_PARAMS);
    expect(nameOf(matrix.rows, ids.opgave!)).toBe(names.opgave.nl);
  });

  it("names the themes of its theme view, its theme filter and the theme filtered on in English", async () => {
    const themeSlug = (await db.theme.findUniqueOrThrow({ where: { id: ids.theme! } })).slug;
    const matrix = await getMatrix({ ...DEFAULT_MATRIX_PARAMS, view: "themes", theme: themeSlug }, "en");
    expect(matrix.theme?.name).toBe(names.theme.en);
    expect(matrix.columns.map((column) => column.name)).toEqual([names.theme.en]);
    const themes = await listMatrixThemes("en");
    expect([nameOf(themes, ids.theme!), nameOf(themes, ids.plainTheme!)]).toEqual([names.theme.en, names.plainTheme]);
    expect(nameOf(await listMatrixThemes(), ids.theme!)).toBe(names.theme.nl);
  });
});

describe("the programme report", () => {
  it("names its opgaven and its matrix in the reader's language", async () => {
    const figures = await getProgrammeFigures(MARCH, "en");
    expect(nameOf(figures.opgaven, ids.opgave!)).toBe(names.opgave.en);
    expect(nameOf(figures.opgaven, ids.plainOpgave!)).toBe(names.plainOpgave);
    expect(figures.opgaven.every((row) => !("nameEn" in row))).toBe(true);
    const report = await getProgrammeReport(MARCH, NOW, "en");
    expect(nameOf(report.matrix.rows, ids.opgave!)).toBe(names.opgave.en);
    expect(nameOf((await getProgrammeFigures(MARCH)).opgaven, ids.opgave!)).toBe(names.opgave.nl);
  });

  it("keeps the CSV bundle Dutch, names included, like its headers and LEESMIJ", async () => {
    const files = reportFiles(await getProgrammeReport(MARCH, NOW));
    const text = (name: string) => files.find((file) => file.name === name)!.text;
    for (const name of ["opgaven.csv", "matrix.csv"]) {
      expect(text(name)).toContain(names.opgave.nl);
      expect(text(name)).not.toContain(names.opgave.en);
    }
  });
});

describe("Elders ook and similar experiments", () => {
  it("say what is shared in English, in Dutch where there is no English name", async () => {
    const [row] = await listRelatedElsewhere(ids.source!, "en");
    expect(row?.id).toBe(ids.elsewhere);
    expect(row?.sharedOpgaven.map((tag) => tag.name)).toEqual([names.opgave.en, names.plainOpgave]);
    expect(row?.sharedThemes.map((tag) => tag.name)).toEqual([names.theme.en, names.plainTheme]);
    expect(row?.sharedOpgaven.every((tag) => !("nameEn" in tag))).toBe(true);
    const [similar] = await listSimilarExperiments(ids.mine!, "en");
    expect(similar?.id).toBe(ids.theirs);
    expect(similar?.sharedOpgaven.map((tag) => tag.name).sort()).toEqual([names.opgave.en, names.plainOpgave].sort());
  });

  it("stay Dutch for a Dutch reader", async () => {
    const [row] = await listRelatedElsewhere(ids.source!);
    expect(row?.sharedOpgaven.map((tag) => tag.name)).toEqual([names.opgave.nl, names.plainOpgave]);
    expect(row?.sharedThemes.map((tag) => tag.name)).toEqual([names.theme.nl, names.plainTheme]);
    const [similar] = await listSimilarExperiments(ids.mine!);
    expect(similar?.sharedOpgaven.map((tag) => tag.name)).toContain(names.opgave.nl);
  });
});

describe("the activity charts", () => {
  it("name each opgave's chart in the reader's language", async () => {
    const english = await getActivity({ now: NOW, locale: "en" });
    expect(nameOf(english.opgaven, ids.opgave!)).toBe(names.opgave.en);
    expect(nameOf(english.opgaven, ids.plainOpgave!)).toBe(names.plainOpgave);
    expect(nameOf((await getActivity({ now: NOW })).opgaven, ids.opgave!)).toBe(names.opgave.nl);
  });
});

describe("the inspiration book", () => {
  it("titles a chapter with its theme's English name and description, and lists the entry's opgaven in English", async () => {
    const book = await getInspirationBook("en");
    const chapter = book.chapters.find((item) => item.id === ids.theme);
    expect([chapter?.name, chapter?.description]).toEqual([names.theme.en, names.themeDescription.en]);
    expect(chapter?.entries[0]?.opgaven).toEqual([names.opgave.en, names.plainOpgave]);
  });

  it("stays Dutch for a Dutch reader", async () => {
    const chapter = (await getInspirationBook()).chapters.find((item) => item.id === ids.theme);
    expect([chapter?.name, chapter?.description]).toEqual([names.theme.nl, names.themeDescription.nl]);
    expect(chapter?.entries[0]?.opgaven).toEqual([names.opgave.nl, names.plainOpgave]);
  });
});

describe("the inspiration book's curation", () => {
  it("names the chapters to choose and an entry's chapter in the reader's language", async () => {
    const english = await listChapterThemes("en");
    expect([nameOf(english, ids.theme!), nameOf(english, ids.plainTheme!)]).toEqual([names.theme.en, names.plainTheme]);
    expect(nameOf(await listChapterThemes(), ids.theme!)).toBe(names.theme.nl);
    expect((await getInspirationNotice(ids.source!, curator, "en"))?.entry?.theme).toEqual({ name: names.theme.en });
    expect((await getInspirationNotice(ids.source!, curator))?.entry?.theme).toEqual({ name: names.theme.nl });
    const entry = (await listInspirationEntries("en")).find((item) => item.themeId === ids.theme);
    expect(entry?.theme).toEqual({ name: names.theme.en, sortOrder: 0 });
  });
});

describe("the follows list", () => {
  it("names followed opgaven and themes in the reader's language", async () => {
    const english = await listFollows(reader, "en");
    expect(english.OPGAVE.map((item) => item.name).sort()).toEqual([names.opgave.en, names.plainOpgave].sort());
    expect(english.THEME.map((item) => item.name)).toEqual([names.theme.en]);
    const dutch = await listFollows(reader);
    expect(dutch.OPGAVE.map((item) => item.name).sort()).toEqual([names.opgave.nl, names.plainOpgave].sort());
    expect(dutch.THEME.map((item) => item.name)).toEqual([names.theme.nl]);
  });
});
