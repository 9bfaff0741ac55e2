import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/policy/permissions";
import { demoOpgaven, demoThemes } from "@/lib/seed/demo-data";
import { findMovedTaxonomySlug, listTaxonomy } from "@/lib/taxonomy/queries";
import { contrastWithWhite, type TaxonomyKind } from "@/lib/taxonomy/schema";
import { archiveTaxonomy, createTaxonomy, mergeTaxonomy, moveTaxonomy, unarchiveTaxonomy, updateTaxonomy } from "@/lib/taxonomy/service";
import { saveUpdate } from "@/lib/updates/service";
import { createActor, createMunicipality, unique } from "./support/factories";
import { createExperiment } from "./support/notification-fixtures";

let coordinator: Actor;
let author: Actor;
let experimentId: string;

beforeAll(async () => {
  const municipality = await createMunicipality();
  [coordinator, author] = await Promise.all([
    createActor("COORDINATOR"),
    createActor("PROJECT_LEADER", { municipalityId: municipality.id }),
  ]);
  experimentId = (await createExperiment(municipality.id)).id;
});

const kinds: TaxonomyKind[] = ["opgave", "theme"];

/** An opgave or theme made directly in the database. */
function make(kind: TaxonomyKind, data: { name?: string; sortOrder?: number; archivedAt?: Date } = {}) {
  const suffix = unique();
  const row = {
    name: data.name ?? `Taak ${suffix}`,
    slug: `taak-${suffix}`,
    sortOrder: data.sortOrder ?? 0,
    archivedAt: data.archivedAt ?? null,
  };
  return kind === "opgave" ? db.opgave.create({ data: row }) : db.theme.create({ data: row });
}

function find(kind: TaxonomyKind, id: string) {
  return kind === "opgave" ? db.opgave.findUnique({ where: { id } }) : db.theme.findUnique({ where: { id } });
}

/** Everything a taxonomy write could touch, to show that a refused one changed nothing. */
async function snapshot() {
  const [opgaven, themes, links, follows, audit] = await Promise.all([
    db.opgave.findMany({ orderBy: { id: "asc" } }),
    db.theme.findMany({ orderBy: { id: "asc" } }),
    db.update.findMany({
      orderBy: { id: "asc" },
      select: { id: true, opgaven: { select: { opgaveId: true } }, themes: { select: { themeId: true } } },
    }),
    db.follow.findMany({ orderBy: { id: "asc" } }),
    db.auditLog.count(),
  ]);
  return { opgaven, themes, links, follows, audit };
}

function publish(kind: TaxonomyKind, tagIds: string[], others: { opgaveIds: string[]; themeIds: string[] }) {
  const tags = kind === "opgave" ? { ...others, opgaveIds: tagIds } : { ...others, themeIds: tagIds };
  const input = { experimentId, title: `Update ${unique()}`, body: "Tekst (test)", phase: "UITVOERING", intent: "publish", ...tags };
  return saveUpdate({ actor: author, input });
}

/** One call of every action, on fresh rows of `kind`. */
async function everyAction(kind: TaxonomyKind, actor: Actor | null) {
  const [a, b, c] = [await make(kind, { sortOrder: 1 }), await make(kind, { sortOrder: 2 }), await make(kind, { archivedAt: new Date() })];
  return {
    create: await createTaxonomy({ actor, input: { kind, name: `Nieuw ${unique()}` } }),
    update: await updateTaxonomy({ actor, input: { kind, id: a.id, name: `Hernoemd ${unique()}`, description: "Nieuwe omschrijving." } }),
    reorder: await moveTaxonomy({ actor, input: { kind, id: b.id, direction: "up" } }),
    archive: await archiveTaxonomy({ actor, input: { kind, id: b.id } }),
    unarchive: await unarchiveTaxonomy({ actor, input: { kind, id: c.id } }),
    merge: await mergeTaxonomy({ actor, input: { kind, sourceId: b.id, targetId: a.id, confirm: "on" } }),
  };
}

describe.each(kinds)("who may manage the %s list", (kind) => {
  it.each<[string, Role | null]>([
    ["a member", "MEMBER"],
    ["a project leader", "PROJECT_LEADER"],
    ["a visitor without an account", null],
  ])("refuses %s every action, and nothing is written", async (_who, role) => {
    const actor = role ? await createActor(role) : null;
    const [a, b] = [await make(kind), await make(kind)];
    const before = await snapshot();
    const results = [
      await createTaxonomy({ actor, input: { kind, name: `Nieuw ${unique()}` } }),
      await updateTaxonomy({ actor, input: { kind, id: a.id, name: "Hernoemd" } }),
      await moveTaxonomy({ actor, input: { kind, id: b.id, direction: "up" } }),
      await archiveTaxonomy({ actor, input: { kind, id: a.id } }),
      await unarchiveTaxonomy({ actor, input: { kind, id: a.id } }),
      await mergeTaxonomy({ actor, input: { kind, sourceId: a.id, targetId: b.id, confirm: "on" } }),
    ];
    for (const result of results) expect(result).toEqual({ ok: false, error: "permission.denied" });
    expect(await snapshot()).toEqual(before);
  });

  it.each<Role>(["COORDINATOR", "ADMIN"])("lets the role %s do every action, each with one audit row", async (role) => {
    const actor = await createActor(role);
    const results = await everyAction(kind, actor);
    for (const [action, result] of Object.entries(results)) {
      expect(result.ok, action).toBe(true);
      expect(await db.auditLog.count({ where: { actorId: actor.id, action: `${kind}.${action}` } }), action).toBe(1);
    }
    expect(await db.auditLog.count({ where: { actorId: actor.id } })).toBe(6);
  });
});

describe.each(kinds)("adding and changing a %s", (kind) => {
  it("adds one at the end of the list, with a slug from its name and an audit row", async () => {
    const last = await make(kind, { sortOrder: 500 });
    const name = `Armoede & schulden ${unique()}`;
    const result = await createTaxonomy({
      actor: coordinator,
      input: { kind, name: `  ${name}  `, description: " Geld en rekeningen. ", color: "#8A2C2C" },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const row = await find(kind, result.data.id);
    expect(row).toMatchObject({
      name,
      slug: result.data.slug,
      description: "Geld en rekeningen.",
      color: "#8a2c2c",
      sortOrder: last.sortOrder + 1,
    });
    expect(result.data.slug).toMatch(/^armoede-en-schulden-/);
    const log = await db.auditLog.findFirstOrThrow({ where: { action: `${kind}.create`, targetId: row!.id } });
    expect(log).toMatchObject({
      actorId: coordinator.id,
      targetType: kind === "opgave" ? "Opgave" : "Theme",
      data: { name, description: "Geld en rekeningen." },
    });
  });

  it("refuses an empty name, a name already taken (in any case), a light colour, and writes nothing", async () => {
    const taken = await make(kind);
    const before = await snapshot();
    const attempts = {
      name: [await createTaxonomy({ actor: coordinator, input: { kind, name: "   " } }), "taxonomy.nameRequired"],
      taken: [await createTaxonomy({ actor: coordinator, input: { kind, name: taken.name.toUpperCase() } }), "taxonomy.nameTaken"],
      slug: [
        await createTaxonomy({ actor: coordinator, input: { kind, name: `Nog een ${unique()}`, slug: taken.slug } }),
        "taxonomy.slugTaken",
      ],
      light: [
        await createTaxonomy({ actor: coordinator, input: { kind, name: `Licht ${unique()}`, color: "#f5d76e" } }),
        "taxonomy.colorTooLight",
      ],
      color: [
        await createTaxonomy({ actor: coordinator, input: { kind, name: `Kleur ${unique()}`, color: "rood" } }),
        "taxonomy.colorInvalid",
      ],
      symbols: [await createTaxonomy({ actor: coordinator, input: { kind, name: "!!" } }), "taxonomy.slugInvalid"],
    } as const;
    const field = { name: "name", taken: "name", slug: "slug", light: "color", color: "color", symbols: "slug" } as const;
    for (const [key, [result, message]] of Object.entries(attempts)) {
      expect(result, key).toEqual({ ok: false, error: "form.invalid", fieldErrors: { [field[key as keyof typeof field]]: [message] } });
    }
    expect(await snapshot()).toEqual(before);
  });

  it("renames and describes one, keeps its colour when none is sent, and records before and after", async () => {
    const row = await make(kind);
    const name = `Gezondheid ${unique()}`;
    const result = await updateTaxonomy({
      actor: coordinator,
      input: { kind, id: row.id, name, slug: row.slug, description: "Gezond wonen en leven." },
    });
    expect(result).toEqual({ ok: true, data: { id: row.id, slug: row.slug } });
    expect(await find(kind, row.id)).toMatchObject({ name, description: "Gezond wonen en leven.", color: row.color });
    const log = await db.auditLog.findFirstOrThrow({ where: { action: `${kind}.update`, targetId: row.id } });
    expect(log.data).toEqual({
      before: { name: row.name, nameEn: null, slug: row.slug, description: "", descriptionEn: null, color: row.color },
      after: { name, nameEn: null, slug: row.slug, description: "Gezond wonen en leven.", descriptionEn: null, color: row.color },
    });
  });

  it("refuses a name another one has, or an unknown id, without an audit row", async () => {
    const [row, other] = [await make(kind), await make(kind)];
    const before = await snapshot();
    expect(await updateTaxonomy({ actor: coordinator, input: { kind, id: row.id, name: other.name } })).toEqual({
      ok: false,
      error: "form.invalid",
      fieldErrors: { name: ["taxonomy.nameTaken"] },
    });
    expect(await updateTaxonomy({ actor: coordinator, input: { kind, id: "unknown0id", name: "Iets" } })).toEqual({
      ok: false,
      error: "taxonomy.notFound",
    });
    expect(await snapshot()).toEqual(before);
  });

  it("sends an old address to the new slug after a rename", async () => {
    const row = await make(kind);
    const result = await updateTaxonomy({ actor: coordinator, input: { kind, id: row.id, name: row.name, slug: `nieuw-${unique()}` } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(await findMovedTaxonomySlug(kind, row.slug)).toBe(result.data.slug);
    expect(await findMovedTaxonomySlug(kind, "nooit-gebruikt")).toBeNull();
  });
});

describe.each(kinds)("the order of the %s list", (kind) => {
  const activeIds = async () => (await listTaxonomy(kind)).filter((item) => !item.archivedAt).map((item) => item.id);

  it("moves one up or down, numbers the list again, and records where it went", async () => {
    // Start from equal sort orders: a swap of two equal numbers would change nothing.
    const rows = [
      await make(kind, { sortOrder: 9000, name: `Zz ${unique()} a` }),
      await make(kind, { sortOrder: 9000, name: `Zz ${unique()} b` }),
    ];
    const order = await activeIds();
    const from = order.indexOf(rows[1]!.id);
    const result = await moveTaxonomy({ actor: coordinator, input: { kind, id: rows[1]!.id, direction: "up" } });
    expect(result).toEqual({ ok: true, data: { moved: true, position: from } });
    const after = await activeIds();
    expect(after.indexOf(rows[1]!.id)).toBe(from - 1);
    expect(after.indexOf(rows[0]!.id)).toBe(from);
    const log = await db.auditLog.findFirstOrThrow({ where: { action: `${kind}.reorder`, targetId: rows[1]!.id } });
    expect(log.data).toEqual({ direction: "up", from: from + 1, to: from });

    await moveTaxonomy({ actor: coordinator, input: { kind, id: rows[1]!.id, direction: "down" } });
    expect(await activeIds()).toEqual(order);
  });

  it("changes nothing at the end of the list, and refuses an archived one", async () => {
    const order = await activeIds();
    const before = await snapshot();
    expect(await moveTaxonomy({ actor: coordinator, input: { kind, id: order[0]!, direction: "up" } })).toEqual({
      ok: true,
      data: { moved: false, position: 1 },
    });
    const archived = await make(kind, { archivedAt: new Date() });
    const withArchived = await snapshot();
    expect(await moveTaxonomy({ actor: coordinator, input: { kind, id: archived.id, direction: "up" } })).toEqual({
      ok: false,
      error: "taxonomy.archivedCannotMove",
    });
    expect(await moveTaxonomy({ actor: coordinator, input: { kind, id: order[0]!, direction: "sideways" } })).toMatchObject({
      ok: false,
      error: "form.invalid",
    });
    expect(await snapshot()).toEqual(withArchived);
    expect(withArchived.audit).toBe(before.audit);
  });
});

describe.each(kinds)("archiving a %s", (kind) => {
  it("keeps it on old updates but refuses it for a new one, until it is restored (at the end of the list)", async () => {
    const [row, other] = [await make(kind), await make(kind === "opgave" ? "theme" : "opgave")];
    const others = kind === "opgave" ? { opgaveIds: [], themeIds: [other.id] } : { opgaveIds: [other.id], themeIds: [] };
    const old = await publish(kind, [row.id], others);
    expect(old.ok).toBe(true);

    expect(await archiveTaxonomy({ actor: coordinator, input: { kind, id: row.id } })).toEqual({ ok: true, data: null });
    expect((await find(kind, row.id))?.archivedAt).toBeInstanceOf(Date);
    const field = kind === "opgave" ? "opgaveIds" : "themeIds";
    expect(await publish(kind, [row.id], others)).toMatchObject({ ok: false, fieldErrors: { [field]: [`update.${kind}Unknown`] } });
    const tagged = await db.update.findUniqueOrThrow({ where: { id: old.ok ? old.data.id : "" }, select: { opgaven: true, themes: true } });
    expect(kind === "opgave" ? tagged.opgaven.map((tag) => tag.opgaveId) : tagged.themes.map((tag) => tag.themeId)).toEqual([row.id]);

    // Archiving again is a double click: nothing more happens.
    expect(await archiveTaxonomy({ actor: coordinator, input: { kind, id: row.id } })).toEqual({ ok: true, data: null });
    expect(await db.auditLog.count({ where: { action: `${kind}.archive`, targetId: row.id } })).toBe(1);

    expect(await unarchiveTaxonomy({ actor: coordinator, input: { kind, id: row.id } })).toEqual({ ok: true, data: null });
    const active = (await listTaxonomy(kind)).filter((item) => !item.archivedAt);
    expect(active.at(-1)?.id).toBe(row.id);
    expect((await publish(kind, [row.id], others)).ok).toBe(true);
    expect(await db.auditLog.count({ where: { action: `${kind}.unarchive`, targetId: row.id } })).toBe(1);
  });
});

describe("colours", () => {
  it("accepts every demo colour: white text on it meets WCAG AA", () => {
    for (const { color } of [...demoOpgaven, ...demoThemes]) expect(contrastWithWhite(color), color).toBeGreaterThanOrEqual(4.5);
    expect(contrastWithWhite("#ffffff")).toBeCloseTo(1);
  });
});
