import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/policy/permissions";
import { demoOpgaven, demoThemes } from "@/lib/seed/demo-data";
import { withEnglish } from "@/lib/seed/demo-english";
import { localisedDescription, localisedName, localiseTaxonomy } from "@/lib/taxonomy/localise";
import { getTaxonomyPage, listTaxonomy } from "@/lib/taxonomy/queries";
import type { TaxonomyKind } from "@/lib/taxonomy/schema";
import { createTaxonomy, updateTaxonomy } from "@/lib/taxonomy/service";
import { createActor, unique } from "./support/factories";

let coordinator: Actor;

beforeAll(async () => {
  coordinator = await createActor("COORDINATOR");
});

const kinds: TaxonomyKind[] = ["opgave", "theme"];

function find(kind: TaxonomyKind, id: string) {
  return kind === "opgave" ? db.opgave.findUniqueOrThrow({ where: { id } }) : db.theme.findUniqueOrThrow({ where: { id } });
}

describe("localisedName and localisedDescription", () => {
  const row = { name: "Armoede", nameEn: "Poverty", description: "Weinig geld.", descriptionEn: "Little money." };

  it("give the English text to English readers and the Dutch one to everyone else", () => {
    expect(localisedName(row, "en")).toBe("Poverty");
    expect(localisedName(row, "nl")).toBe("Armoede");
    expect(localisedDescription(row, "en")).toBe("Little money.");
    expect(localisedDescription(row, "nl")).toBe("Weinig geld.");
  });

  it("fall back to the Dutch text without an English one", () => {
    expect(localisedName({ name: "Armoede", nameEn: null }, "en")).toBe("Armoede");
    expect(localisedName({ name: "Armoede" }, "en")).toBe("Armoede");
    expect(localisedDescription({ description: "Weinig geld.", descriptionEn: "" }, "en")).toBe("Weinig geld.");
  });

  it("localise a whole row, also one without a description, and twice gives the same", () => {
    expect(localiseTaxonomy(row, "en")).toMatchObject({ name: "Poverty", description: "Little money." });
    expect(localiseTaxonomy({ id: "x", name: "Armoede", nameEn: "Poverty" }, "en")).toEqual({
      id: "x",
      name: "Poverty",
      nameEn: "Poverty",
    });
    expect(localiseTaxonomy(localiseTaxonomy(row, "en"), "en")).toEqual(localiseTaxonomy(row, "en"));
  });
});

describe.each(kinds)("the English name and description of a %s", (kind) => {
  it("are saved with the Dutch ones, in the audit row too, and shown to English readers", async () => {
    const name = `Armoede ${unique()}`;
    const created = await createTaxonomy({
      actor: coordinator,
      input: { kind, name, nameEn: `  Poverty   ${name.slice(8)} `, description: "Weinig geld.", descriptionEn: " Little money. " },
    });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const row = await find(kind, created.data.id);
    expect(row).toMatchObject({ name, nameEn: `Poverty ${name.slice(8)}`, description: "Weinig geld.", descriptionEn: "Little money." });
    const log = await db.auditLog.findFirstOrThrow({ where: { action: `${kind}.create`, targetId: row.id } });
    expect(log.data).toMatchObject({ nameEn: row.nameEn, descriptionEn: "Little money." });

    const english = (await listTaxonomy(kind, { locale: "en" })).find((item) => item.id === row.id);
    expect(english).toMatchObject({ name: row.nameEn, description: "Little money." });
    expect((await listTaxonomy(kind)).find((item) => item.id === row.id)).toMatchObject({ name, description: "Weinig geld." });
    expect(await getTaxonomyPage(kind, row.slug, "en")).toMatchObject({ name: row.nameEn, description: "Little money." });
  });

  it("can be emptied again (English readers then see the Dutch), with before and after in the audit row", async () => {
    const name = `Gezondheid ${unique()}`;
    const created = await createTaxonomy({ actor: coordinator, input: { kind, name, nameEn: "Health", descriptionEn: "Healthy living." } });
    if (!created.ok) throw new Error(created.error);
    const result = await updateTaxonomy({
      actor: coordinator,
      input: { kind, id: created.data.id, name, slug: created.data.slug, nameEn: "  ", descriptionEn: "" },
    });
    expect(result.ok).toBe(true);
    expect(await find(kind, created.data.id)).toMatchObject({ nameEn: null, descriptionEn: null });
    const log = await db.auditLog.findFirstOrThrow({ where: { action: `${kind}.update`, targetId: created.data.id } });
    expect(log.data).toMatchObject({
      before: { nameEn: "Health", descriptionEn: "Healthy living." },
      after: { nameEn: null, descriptionEn: null },
    });
    expect(await getTaxonomyPage(kind, created.data.slug, "en")).toMatchObject({ name });
  });

  it("refuses an English name of one letter or over 80, and writes nothing", async () => {
    const before = await db.auditLog.count();
    for (const [nameEn, message] of [
      ["P", "taxonomy.nameTooShort"],
      ["P".repeat(81), "taxonomy.nameTooLong"],
    ] as const) {
      const result = await createTaxonomy({ actor: coordinator, input: { kind, name: `Kort ${unique()}`, nameEn } });
      expect(result).toEqual({ ok: false, error: "form.invalid", fieldErrors: { nameEn: [message] } });
    }
    expect(await db.auditLog.count()).toBe(before);
  });

  it.each<Role>(["MEMBER", "PROJECT_LEADER"])("refuses the role %s to set one, without an audit row", async (role) => {
    const actor = await createActor(role);
    const row =
      kind === "opgave"
        ? await db.opgave.create({ data: { name: `Taak ${unique()}`, slug: `taak-${unique()}` } })
        : await db.theme.create({ data: { name: `Taak ${unique()}`, slug: `taak-${unique()}` } });
    const result = await updateTaxonomy({ actor, input: { kind, id: row.id, name: row.name, nameEn: "Task" } });
    expect(result).toEqual({ ok: false, error: "permission.denied" });
    expect((await find(kind, row.id)).nameEn).toBeNull();
    expect(await db.auditLog.count({ where: { actorId: actor.id } })).toBe(0);
  });
});

describe("the demo programme", () => {
  it("has an English name and description for every opgave and theme", () => {
    for (const taxon of [...demoOpgaven, ...demoThemes].map(withEnglish)) {
      expect(taxon.nameEn, taxon.slug).toBeTruthy();
      expect(taxon.descriptionEn, taxon.slug).toBeTruthy();
    }
  });
});
