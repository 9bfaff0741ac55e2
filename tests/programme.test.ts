import { beforeAll, describe, expect, it } from "vitest";
import type { ActionResult } from "@/lib/action-result";
import { db } from "@/lib/db";
import type { Role, UpdateStatus } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/policy/permissions";
import { getExperimentPage, getMunicipalityPage, listMunicipalities } from "@/lib/programme/queries";
import { slugify } from "@/lib/programme/schema";
import {
  createExperiment,
  createMunicipality,
  createWijk,
  updateExperiment,
  updateMunicipality,
  updateWijk,
} from "@/lib/programme/service";
import { createActor, createUser, unique } from "./support/factories";

let coordinator: Actor;
let admin: Actor;

beforeAll(async () => {
  [coordinator, admin] = await Promise.all([createActor("COORDINATOR"), createActor("ADMIN")]);
});

// Valid, unique CBS codes: GM + 4 digits, and WK + the municipality's 4 digits + 2.
let codeCounter = 7000;
const nextDigits = () => String(++codeCounter).padStart(4, "0");
let wijkCounter = 0;
const wijkCodeFor = (municipalityCode: string) => `WK${municipalityCode.slice(2)}${String(++wijkCounter % 100).padStart(2, "0")}`;

/** A municipality made directly in the database, with a valid CBS code. */
async function makeMunicipality(name = `Gemeente ${unique()}`) {
  return db.municipality.create({ data: { name, slug: slugify(name), cbsCode: `GM${nextDigits()}` } });
}

async function makeWijk(municipality: { id: string; cbsCode: string }, name = `Wijk ${unique()}`) {
  return db.neighbourhood.create({
    data: { municipalityId: municipality.id, name, slug: slugify(name), cbsCode: wijkCodeFor(municipality.cbsCode) },
  });
}

async function makeExperiment(municipalityId: string, overrides: { wijkIds?: string[]; leaderIds?: string[] } = {}) {
  const title = `Experiment ${unique()}`;
  return db.experiment.create({
    data: {
      title,
      slug: slugify(title),
      summary: "Een experiment om te testen.",
      municipalityId,
      phase: "VERKENNING",
      startDate: new Date("2023-01-15T00:00:00Z"),
      wijken: { connect: (overrides.wijkIds ?? []).map((id) => ({ id })) },
      leaders: { connect: (overrides.leaderIds ?? []).map((id) => ({ id })) },
    },
  });
}

function experimentInput(municipalityId: string, extra: Record<string, unknown> = {}) {
  return {
    title: `Bewoners aan zet ${unique()}`,
    summary: "Samen met bewoners de wijk aardgasvrij maken en armoede aanpakken.",
    municipalityId,
    phase: "PLANVORMING",
    startDate: "2024-03-15",
    wijkIds: [],
    leaderIds: [],
    ...extra,
  };
}

/** The field errors of a refused form (and that it was refused as a form error). */
function fieldErrorsOf(result: ActionResult<unknown>) {
  expect(result).toMatchObject({ ok: false, error: "form.invalid" });
  return result.ok ? {} : (result.fieldErrors ?? {});
}

describe("slugify", () => {
  it("makes lowercase kebab-case without diacritics", () => {
    expect(slugify("Den Haag")).toBe("den-haag");
    expect(slugify("Súdwest-Fryslân")).toBe("sudwest-fryslan");
    expect(slugify("  's-Hertogenbosch ")).toBe("s-hertogenbosch");
    expect(slugify("Laakkwartier & Spoorwijk")).toBe("laakkwartier-en-spoorwijk");
    expect(slugify("Groningen: Plutolaan (2024)")).toBe("groningen-plutolaan-2024");
    expect(slugify("!!!")).toBe("");
  });
});

describe("createMunicipality and updateMunicipality", () => {
  it("lets a coordinator add a municipality; the slug comes from the name and an audit row is written", async () => {
    const result = await createMunicipality({ actor: coordinator, input: { name: "Den Haag", slug: "", cbsCode: "gm0518" } });
    expect(result).toEqual({ ok: true, data: { id: expect.any(String), slug: "den-haag" } });
    if (!result.ok) return;
    expect(await db.municipality.findUniqueOrThrow({ where: { id: result.data.id } })).toMatchObject({
      name: "Den Haag",
      slug: "den-haag",
      cbsCode: "GM0518",
    });
    const log = await db.auditLog.findMany({ where: { targetId: result.data.id } });
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      actorId: coordinator.id,
      action: "municipality.create",
      targetType: "Municipality",
      data: { name: "Den Haag", slug: "den-haag", cbsCode: "GM0518" },
    });
  });

  it("removes diacritics from a generated slug", async () => {
    const result = await createMunicipality({ actor: admin, input: { name: "Súdwest-Fryslân", cbsCode: "GM1900" } });
    expect(result).toEqual({ ok: true, data: { id: expect.any(String), slug: "sudwest-fryslan" } });
  });

  it("tidies a typed slug the same way", async () => {
    const result = await createMunicipality({
      actor: coordinator,
      input: { name: "Leeuwarden", slug: "Ljouwert Stêd", cbsCode: "GM0080" },
    });
    expect(result.ok && result.data.slug).toBe("ljouwert-sted");
  });

  it("lets an admin edit a municipality and logs before and after", async () => {
    const municipality = await makeMunicipality();
    const code = `GM${nextDigits()}`;
    const result = await updateMunicipality({
      actor: admin,
      input: { municipalityId: municipality.id, name: "Nieuwe Naam", slug: "", cbsCode: code },
    });
    expect(result).toEqual({ ok: true, data: { id: municipality.id, slug: "nieuwe-naam" } });
    expect(await db.municipality.findUniqueOrThrow({ where: { id: municipality.id } })).toMatchObject({
      name: "Nieuwe Naam",
      cbsCode: code,
    });
    const log = await db.auditLog.findFirstOrThrow({ where: { targetId: municipality.id, action: "municipality.update" } });
    expect(log).toMatchObject({
      actorId: admin.id,
      data: {
        before: { name: municipality.name, slug: municipality.slug, cbsCode: municipality.cbsCode },
        after: { name: "Nieuwe Naam", slug: "nieuwe-naam", cbsCode: code },
      },
    });
  });

  it("lets a coordinator save a municipality unchanged (its own slug and code are no conflict)", async () => {
    const municipality = await makeMunicipality();
    const result = await updateMunicipality({ actor: coordinator, input: { ...municipality, municipalityId: municipality.id } });
    expect(result).toEqual({ ok: true, data: { id: municipality.id, slug: municipality.slug } });
  });

  it("answers a field error, not a crash, for a slug or CBS code in use", async () => {
    const existing = await makeMunicipality();
    const sameSlug = await createMunicipality({ actor: coordinator, input: { name: existing.name, cbsCode: `GM${nextDigits()}` } });
    expect(sameSlug).toEqual({ ok: false, error: "form.invalid", fieldErrors: { slug: ["programme.slugTaken"] } });
    const sameCode = await createMunicipality({ actor: coordinator, input: { name: `Ander ${unique()}`, cbsCode: existing.cbsCode } });
    expect(sameCode).toEqual({ ok: false, error: "form.invalid", fieldErrors: { cbsCode: ["programme.cbsCodeTaken"] } });

    const other = await makeMunicipality();
    const update = await updateMunicipality({
      actor: coordinator,
      input: { municipalityId: other.id, name: other.name, slug: existing.slug, cbsCode: existing.cbsCode },
    });
    expect(fieldErrorsOf(update)).toEqual({ slug: ["programme.slugTaken"], cbsCode: ["programme.cbsCodeTaken"] });
    expect(await db.municipality.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({
      slug: other.slug,
      cbsCode: other.cbsCode,
    });
    expect(await db.auditLog.count({ where: { targetId: other.id } })).toBe(0);
  });

  it("answers a field error when two coordinators add the same municipality at once", async () => {
    const name = `Tegelijk ${unique()}`;
    const cbsCode = `GM${nextDigits()}`;
    const results = await Promise.all(
      Array.from({ length: 4 }, () => createMunicipality({ actor: coordinator, input: { name, cbsCode } })),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    for (const result of results.filter((result) => !result.ok)) {
      expect(result).toEqual({
        ok: false,
        error: "form.invalid",
        fieldErrors: { slug: ["programme.slugTaken"], cbsCode: ["programme.cbsCodeTaken"] },
      });
    }
    expect(await db.municipality.count({ where: { cbsCode } })).toBe(1);
  });

  it("refuses a wrong CBS code and an empty name", async () => {
    const result = await createMunicipality({ actor: coordinator, input: { name: "", cbsCode: "0855" } });
    expect(fieldErrorsOf(result)).toEqual({ name: ["programme.nameRequired"], cbsCode: ["programme.municipalityCbsCodeInvalid"] });
    const noLetters = await createMunicipality({ actor: coordinator, input: { name: "!!!", cbsCode: `GM${nextDigits()}` } });
    expect(fieldErrorsOf(noLetters)).toEqual({ slug: ["programme.slugInvalid"] });
  });

  it("answers notFound for an unknown municipality", async () => {
    const result = await updateMunicipality({
      actor: coordinator,
      input: { municipalityId: "bestaat-niet", name: "X Y", cbsCode: "GM0001" },
    });
    expect(result).toEqual({ ok: false, error: "programme.municipalityNotFound" });
  });
});

describe("createWijk and updateWijk", () => {
  it("lets a coordinator add a wijk to a municipality, with an audit row", async () => {
    const municipality = await makeMunicipality();
    const cbsCode = wijkCodeFor(municipality.cbsCode);
    const result = await createWijk({ actor: coordinator, input: { municipalityId: municipality.id, name: "Tilburg-Noord", cbsCode } });
    expect(result).toEqual({ ok: true, data: { id: expect.any(String), slug: "tilburg-noord" } });
    if (!result.ok) return;
    expect(await db.neighbourhood.findUniqueOrThrow({ where: { id: result.data.id } })).toMatchObject({
      municipalityId: municipality.id,
      name: "Tilburg-Noord",
      cbsCode,
    });
    expect(await db.auditLog.count({ where: { targetId: result.data.id, action: "wijk.create", actorId: coordinator.id } })).toBe(1);
  });

  it("lets an admin edit a wijk", async () => {
    const municipality = await makeMunicipality();
    const wijk = await makeWijk(municipality);
    const cbsCode = wijkCodeFor(municipality.cbsCode);
    const result = await updateWijk({ actor: admin, input: { wijkId: wijk.id, name: "Crabbehof", slug: "", cbsCode } });
    expect(result).toEqual({ ok: true, data: { id: wijk.id, slug: "crabbehof" } });
    expect(await db.neighbourhood.findUniqueOrThrow({ where: { id: wijk.id } })).toMatchObject({
      name: "Crabbehof",
      cbsCode,
      municipalityId: municipality.id,
    });
    const log = await db.auditLog.findFirstOrThrow({ where: { targetId: wijk.id, action: "wijk.update" } });
    expect(log).toMatchObject({ actorId: admin.id, data: { before: { name: wijk.name }, after: { name: "Crabbehof", cbsCode } } });
  });

  it("allows one wijk slug in two municipalities, but not twice in one", async () => {
    const [first, second] = await Promise.all([makeMunicipality(), makeMunicipality()]);
    const input = (municipality: typeof first) => ({
      municipalityId: municipality.id,
      name: "Centrum",
      cbsCode: wijkCodeFor(municipality.cbsCode),
    });
    expect((await createWijk({ actor: coordinator, input: input(first) })).ok).toBe(true);
    expect((await createWijk({ actor: coordinator, input: input(second) })).ok).toBe(true);
    const again = await createWijk({ actor: coordinator, input: input(first) });
    expect(again).toEqual({ ok: false, error: "form.invalid", fieldErrors: { slug: ["programme.wijkSlugTaken"] } });
    expect(await db.neighbourhood.count({ where: { municipalityId: first.id } })).toBe(1);
  });

  it("refuses a wijk CBS code in use, a malformed one, and one of another municipality", async () => {
    const [municipality, other] = await Promise.all([makeMunicipality(), makeMunicipality()]);
    const existing = await makeWijk(municipality);
    const taken = await createWijk({
      actor: coordinator,
      input: { municipalityId: municipality.id, name: `W ${unique()}`, cbsCode: existing.cbsCode },
    });
    expect(fieldErrorsOf(taken)).toEqual({ cbsCode: ["programme.cbsCodeTaken"] });
    const malformed = await createWijk({
      actor: coordinator,
      input: { municipalityId: municipality.id, name: `W ${unique()}`, cbsCode: "WK12" },
    });
    expect(fieldErrorsOf(malformed)).toEqual({ cbsCode: ["programme.wijkCbsCodeInvalid"] });
    const mismatch = await createWijk({
      actor: coordinator,
      input: { municipalityId: municipality.id, name: `W ${unique()}`, cbsCode: wijkCodeFor(other.cbsCode) },
    });
    expect(fieldErrorsOf(mismatch)).toEqual({ cbsCode: ["programme.wijkCbsCodeMismatch"] });
    const update = await updateWijk({
      actor: coordinator,
      input: { wijkId: existing.id, name: existing.name, cbsCode: wijkCodeFor(other.cbsCode) },
    });
    expect(fieldErrorsOf(update)).toEqual({ cbsCode: ["programme.wijkCbsCodeMismatch"] });
    expect(await db.neighbourhood.count({ where: { municipalityId: municipality.id } })).toBe(1);
  });

  it("refuses an unknown municipality and answers notFound for an unknown wijk", async () => {
    expect(await createWijk({ actor: coordinator, input: { municipalityId: "bestaat-niet", name: "Wijk", cbsCode: "WK000101" } })).toEqual({
      ok: false,
      error: "form.invalid",
      fieldErrors: { municipalityId: ["municipality.unknown"] },
    });
    const missing = await createWijk({ actor: coordinator, input: { municipalityId: "", name: "Wijk", cbsCode: "WK000101" } });
    expect(fieldErrorsOf(missing)).toEqual({ municipalityId: ["programme.municipalityRequired"] });
    expect(await updateWijk({ actor: coordinator, input: { wijkId: "bestaat-niet", name: "Wijk", cbsCode: "WK000101" } })).toEqual({
      ok: false,
      error: "programme.wijkNotFound",
    });
  });
});

describe("createExperiment and updateExperiment", () => {
  it("lets a coordinator create an experiment with wijken and project leaders", async () => {
    const municipality = await makeMunicipality();
    const [wijkA, wijkB, leader] = await Promise.all([
      makeWijk(municipality),
      makeWijk(municipality),
      createUser({ role: "PROJECT_LEADER", municipalityId: municipality.id }),
    ]);
    const input = experimentInput(municipality.id, {
      title: "Lego-sessie in de wijk",
      wijkIds: [wijkA.id, wijkB.id],
      leaderIds: [leader.id],
    });
    const result = await createExperiment({ actor: coordinator, input });
    expect(result).toEqual({ ok: true, data: { id: expect.any(String), slug: "lego-sessie-in-de-wijk" } });
    if (!result.ok) return;
    const saved = await db.experiment.findUniqueOrThrow({
      where: { id: result.data.id },
      include: { wijken: { select: { id: true } }, leaders: { select: { id: true } } },
    });
    expect(saved).toMatchObject({ title: "Lego-sessie in de wijk", municipalityId: municipality.id, phase: "PLANVORMING" });
    expect(saved.startDate.toISOString()).toBe("2024-03-15T00:00:00.000Z");
    expect(saved.wijken.map((wijk) => wijk.id).sort()).toEqual([wijkA.id, wijkB.id].sort());
    expect(saved.leaders).toEqual([{ id: leader.id }]);
    const log = await db.auditLog.findFirstOrThrow({ where: { targetId: result.data.id } });
    expect(log).toMatchObject({
      actorId: coordinator.id,
      action: "experiment.create",
      targetType: "Experiment",
      data: { startDate: "2024-03-15", leaderIds: [leader.id] },
    });
  });

  it("lets an admin edit an experiment: wijken and leaders are replaced, not added to", async () => {
    const municipality = await makeMunicipality();
    const [oldWijk, newWijk, oldLeader, newLeader] = await Promise.all([
      makeWijk(municipality),
      makeWijk(municipality),
      createUser({ role: "PROJECT_LEADER", municipalityId: municipality.id }),
      createUser({ role: "PROJECT_LEADER", municipalityId: municipality.id }),
    ]);
    const experiment = await makeExperiment(municipality.id, { wijkIds: [oldWijk.id], leaderIds: [oldLeader.id] });
    const result = await updateExperiment({
      actor: admin,
      input: experimentInput(municipality.id, {
        experimentId: experiment.id,
        title: experiment.title,
        slug: experiment.slug,
        phase: "UITVOERING",
        startDate: "2022-11-01",
        wijkIds: [newWijk.id],
        leaderIds: [newLeader.id, oldLeader.id],
      }),
    });
    expect(result).toEqual({ ok: true, data: { id: experiment.id, slug: experiment.slug } });
    const saved = await db.experiment.findUniqueOrThrow({
      where: { id: experiment.id },
      include: { wijken: { select: { id: true } }, leaders: { select: { id: true } } },
    });
    expect(saved.phase).toBe("UITVOERING");
    expect(saved.startDate.toISOString().slice(0, 10)).toBe("2022-11-01");
    expect(saved.wijken).toEqual([{ id: newWijk.id }]);
    expect(saved.leaders.map((leader) => leader.id).sort()).toEqual([newLeader.id, oldLeader.id].sort());
    const log = await db.auditLog.findFirstOrThrow({ where: { targetId: experiment.id, action: "experiment.update" } });
    expect(log).toMatchObject({
      actorId: admin.id,
      data: {
        before: { phase: "VERKENNING", wijkIds: [oldWijk.id], startDate: "2023-01-15" },
        after: { phase: "UITVOERING", wijkIds: [newWijk.id] },
      },
    });
  });

  it("lets a coordinator remove all wijken and leaders", async () => {
    const municipality = await makeMunicipality();
    const [wijk, leader] = await Promise.all([
      makeWijk(municipality),
      createUser({ role: "PROJECT_LEADER", municipalityId: municipality.id }),
    ]);
    const experiment = await makeExperiment(municipality.id, { wijkIds: [wijk.id], leaderIds: [leader.id] });
    const result = await updateExperiment({
      actor: coordinator,
      input: experimentInput(municipality.id, { experimentId: experiment.id, title: experiment.title, slug: experiment.slug }),
    });
    expect(result.ok).toBe(true);
    const saved = await db.experiment.findUniqueOrThrow({ where: { id: experiment.id }, include: { wijken: true, leaders: true } });
    expect(saved.wijken).toEqual([]);
    expect(saved.leaders).toEqual([]);
  });

  it("refuses a wijk of another municipality", async () => {
    const [municipality, other] = await Promise.all([makeMunicipality(), makeMunicipality()]);
    const [own, foreign] = await Promise.all([makeWijk(municipality), makeWijk(other)]);
    const before = await db.experiment.count();
    const result = await createExperiment({
      actor: coordinator,
      input: experimentInput(municipality.id, { wijkIds: [own.id, foreign.id] }),
    });
    expect(result).toEqual({ ok: false, error: "form.invalid", fieldErrors: { wijkIds: ["programme.wijkOtherMunicipality"] } });
    expect(await db.experiment.count()).toBe(before);

    const experiment = await makeExperiment(municipality.id, { wijkIds: [own.id] });
    const update = await updateExperiment({
      actor: coordinator,
      input: experimentInput(municipality.id, {
        experimentId: experiment.id,
        title: experiment.title,
        slug: experiment.slug,
        wijkIds: [foreign.id],
      }),
    });
    expect(fieldErrorsOf(update)).toEqual({ wijkIds: ["programme.wijkOtherMunicipality"] });
    const saved = await db.experiment.findUniqueOrThrow({ where: { id: experiment.id }, include: { wijken: { select: { id: true } } } });
    expect(saved.wijken).toEqual([{ id: own.id }]);
  });

  it("refuses an unknown wijk", async () => {
    const municipality = await makeMunicipality();
    const result = await createExperiment({ actor: coordinator, input: experimentInput(municipality.id, { wijkIds: ["bestaat-niet"] }) });
    expect(fieldErrorsOf(result)).toEqual({ wijkIds: ["programme.wijkUnknown"] });
  });

  it("refuses a project leader of another municipality", async () => {
    const [municipality, other] = await Promise.all([makeMunicipality(), makeMunicipality()]);
    const foreignLeader = await createUser({ role: "PROJECT_LEADER", municipalityId: other.id });
    const before = await db.experiment.count();
    const result = await createExperiment({
      actor: coordinator,
      input: experimentInput(municipality.id, { leaderIds: [foreignLeader.id] }),
    });
    expect(result).toEqual({ ok: false, error: "form.invalid", fieldErrors: { leaderIds: ["programme.leaderOtherMunicipality"] } });
    expect(await db.experiment.count()).toBe(before);
  });

  it.each(["MEMBER", "COORDINATOR", "ADMIN"] as const)("refuses a %s of the municipality as project leader", async (role) => {
    const municipality = await makeMunicipality();
    const user = await createUser({ role, municipalityId: municipality.id });
    const result = await createExperiment({ actor: coordinator, input: experimentInput(municipality.id, { leaderIds: [user.id] }) });
    expect(fieldErrorsOf(result)).toEqual({ leaderIds: ["programme.leaderNotProjectLeader"] });
    expect(await db.experiment.count({ where: { leaders: { some: { id: user.id } } } })).toBe(0);
  });

  it("answers a field error for a slug in use, and allows keeping one's own slug", async () => {
    const municipality = await makeMunicipality();
    const existing = await makeExperiment(municipality.id);
    const clash = await createExperiment({ actor: coordinator, input: experimentInput(municipality.id, { title: existing.title }) });
    expect(clash).toEqual({ ok: false, error: "form.invalid", fieldErrors: { slug: ["programme.slugTaken"] } });

    const other = await makeExperiment(municipality.id);
    const rename = await updateExperiment({
      actor: coordinator,
      input: experimentInput(municipality.id, { experimentId: other.id, title: other.title, slug: existing.slug }),
    });
    expect(fieldErrorsOf(rename)).toEqual({ slug: ["programme.slugTaken"] });
    expect((await db.experiment.findUniqueOrThrow({ where: { id: other.id } })).slug).toBe(other.slug);
  });

  it("refuses an impossible start date, an unknown phase and an unknown municipality", async () => {
    const municipality = await makeMunicipality();
    const result = await createExperiment({
      actor: coordinator,
      input: experimentInput(municipality.id, { startDate: "2024-02-31", phase: "KLAAR" }),
    });
    expect(fieldErrorsOf(result)).toEqual({ startDate: ["programme.startDateInvalid"], phase: ["programme.phaseInvalid"] });
    const unknown = await createExperiment({ actor: coordinator, input: experimentInput("bestaat-niet") });
    expect(fieldErrorsOf(unknown)).toEqual({ municipalityId: ["municipality.unknown"] });
    const missing = await createExperiment({ actor: coordinator, input: experimentInput("", { title: "", summary: " " }) });
    expect(fieldErrorsOf(missing)).toEqual({
      title: ["programme.titleRequired"],
      summary: ["programme.summaryRequired"],
      municipalityId: ["programme.municipalityRequired"],
    });
  });

  it("answers notFound for an unknown experiment", async () => {
    const municipality = await makeMunicipality();
    const result = await updateExperiment({
      actor: coordinator,
      input: experimentInput(municipality.id, { experimentId: "bestaat-niet" }),
    });
    expect(result).toEqual({ ok: false, error: "programme.experimentNotFound" });
  });
});

describe("who may write", () => {
  const refused = [["MEMBER"], ["PROJECT_LEADER"], [null]] as const;

  async function snapshot() {
    const [municipalities, wijken, experiments, audit] = await Promise.all([
      db.municipality.findMany({ orderBy: { id: "asc" } }),
      db.neighbourhood.findMany({ orderBy: { id: "asc" } }),
      db.experiment.findMany({ orderBy: { id: "asc" }, include: { wijken: { select: { id: true } }, leaders: { select: { id: true } } } }),
      db.auditLog.count(),
    ]);
    return { municipalities, wijken, experiments, audit };
  }

  it.each(refused)("refuses a %s every programme write, and nothing is written", async (role: Role | null) => {
    // A project leader is refused even for their own municipality.
    const municipality = await makeMunicipality();
    const actor = role ? await createActor(role, { municipalityId: municipality.id }) : null;
    const [wijk, leader] = await Promise.all([
      makeWijk(municipality),
      createUser({ role: "PROJECT_LEADER", municipalityId: municipality.id }),
    ]);
    const experiment = await makeExperiment(municipality.id);
    const before = await snapshot();

    const attempts = [
      createMunicipality({ actor, input: { name: `Gemeente ${unique()}`, cbsCode: `GM${nextDigits()}` } }),
      updateMunicipality({ actor, input: { municipalityId: municipality.id, name: "Overgenomen", cbsCode: municipality.cbsCode } }),
      createWijk({
        actor,
        input: { municipalityId: municipality.id, name: `Wijk ${unique()}`, cbsCode: wijkCodeFor(municipality.cbsCode) },
      }),
      updateWijk({ actor, input: { wijkId: wijk.id, name: "Overgenomen", cbsCode: wijk.cbsCode } }),
      createExperiment({ actor, input: experimentInput(municipality.id, { wijkIds: [wijk.id], leaderIds: [leader.id] }) }),
      updateExperiment({
        actor,
        input: experimentInput(municipality.id, {
          experimentId: experiment.id,
          title: "Overgenomen",
          wijkIds: [wijk.id],
          leaderIds: [leader.id],
        }),
      }),
    ];
    for (const result of await Promise.all(attempts)) expect(result).toEqual({ ok: false, error: "permission.denied" });
    expect(await snapshot()).toEqual(before);
  });
});

async function makeTaxon(kind: "opgave" | "theme", sortOrder: number) {
  const name = `${kind} ${unique()}`;
  const data = { name, slug: slugify(name), color: "#1f4e79", sortOrder };
  return kind === "opgave" ? db.opgave.create({ data }) : db.theme.create({ data });
}

async function makeUpdate(options: {
  experimentId: string;
  authorId: string;
  status: UpdateStatus;
  publishedAt?: Date | null;
  opgaven?: string[];
  themes?: string[];
  milestone?: string;
}) {
  return db.update.create({
    data: {
      experimentId: options.experimentId,
      authorId: options.authorId,
      title: `Update ${unique()}`,
      body: "Wat we deden en wat we leerden.",
      phase: "UITVOERING",
      milestone: options.milestone ?? null,
      status: options.status,
      publishedAt: options.publishedAt ?? null,
      withdrawnAt: options.status === "WITHDRAWN" ? new Date() : null,
      opgaven: { create: (options.opgaven ?? []).map((opgaveId) => ({ opgaveId })) },
      themes: { create: (options.themes ?? []).map((themeId) => ({ themeId })) },
    },
  });
}

describe("getExperimentPage", () => {
  it("shows published updates newest first, and only the opgaven and themes those carry", async () => {
    const municipality = await makeMunicipality();
    const [wijk, leader, blockedLeader] = await Promise.all([
      makeWijk(municipality),
      createUser({ role: "PROJECT_LEADER", municipalityId: municipality.id, name: "Fatima (test)" }),
      createUser({ role: "PROJECT_LEADER", municipalityId: municipality.id, blocked: true }),
    ]);
    const experiment = await makeExperiment(municipality.id, { wijkIds: [wijk.id], leaderIds: [leader.id, blockedLeader.id] });
    const [opgaveA, opgaveB, draftOpgave, themeX, withdrawnTheme] = await Promise.all([
      makeTaxon("opgave", 1),
      makeTaxon("opgave", 2),
      makeTaxon("opgave", 3),
      makeTaxon("theme", 1),
      makeTaxon("theme", 2),
    ]);
    const base = { experimentId: experiment.id, authorId: leader.id };
    const older = await makeUpdate({ ...base, status: "PUBLISHED", publishedAt: new Date("2024-01-10T10:00:00Z"), opgaven: [opgaveB.id] });
    const newest = await makeUpdate({
      ...base,
      status: "PUBLISHED",
      publishedAt: new Date("2024-06-01T10:00:00Z"),
      opgaven: [opgaveA.id, opgaveB.id],
      themes: [themeX.id],
      milestone: "Eerste bewonersavond",
    });
    const middle = await makeUpdate({ ...base, status: "PUBLISHED", publishedAt: new Date("2024-03-05T10:00:00Z") });
    await makeUpdate({ ...base, status: "DRAFT", opgaven: [draftOpgave.id] });
    await makeUpdate({ ...base, status: "WITHDRAWN", publishedAt: new Date("2024-12-01T10:00:00Z"), themes: [withdrawnTheme.id] });

    const page = await getExperimentPage(experiment.slug);
    expect(page).not.toBeNull();
    if (!page) return;
    expect(page.timeline.map((update) => update.id)).toEqual([newest.id, middle.id, older.id]);
    expect(page.timeline[0]).toMatchObject({
      title: newest.title,
      milestone: "Eerste bewonersavond",
      author: { name: "Fatima (test)" },
      opgaven: [
        { id: opgaveA.id, name: opgaveA.name, color: opgaveA.color },
        { id: opgaveB.id, name: opgaveB.name, color: opgaveB.color },
      ],
      themes: [{ id: themeX.id, name: themeX.name, color: themeX.color }],
    });
    expect(page.opgaven.map((opgave) => opgave.id)).toEqual([opgaveA.id, opgaveB.id]);
    expect(page.themes.map((theme) => theme.id)).toEqual([themeX.id]);
    expect(page.municipality).toEqual({ id: municipality.id, name: municipality.name, slug: municipality.slug });
    expect(page.wijken).toEqual([{ id: wijk.id, name: wijk.name, cbsCode: wijk.cbsCode }]);
    expect(page.leaders).toEqual([{ id: leader.id, name: leader.name }]);
  });

  it("answers null for an unknown slug, and an empty timeline without published updates", async () => {
    expect(await getExperimentPage("bestaat-niet")).toBeNull();
    const municipality = await makeMunicipality();
    const author = await createUser({ role: "PROJECT_LEADER", municipalityId: municipality.id });
    const experiment = await makeExperiment(municipality.id);
    await makeUpdate({ experimentId: experiment.id, authorId: author.id, status: "DRAFT" });
    const page = await getExperimentPage(experiment.slug);
    expect(page).toMatchObject({ timeline: [], opgaven: [], themes: [] });
  });
});

describe("getMunicipalityPage and listMunicipalities", () => {
  it("shows wijken, experiments, the active project leaders and the latest ten published updates", async () => {
    const [municipality, other] = await Promise.all([makeMunicipality(), makeMunicipality()]);
    const [wijk, leader, member, blocked, foreignLeader] = await Promise.all([
      makeWijk(municipality),
      createUser({ role: "PROJECT_LEADER", municipalityId: municipality.id }),
      createUser({ role: "MEMBER", municipalityId: municipality.id }),
      createUser({ role: "PROJECT_LEADER", municipalityId: municipality.id, blocked: true }),
      createUser({ role: "PROJECT_LEADER", municipalityId: other.id }),
    ]);
    const [first, second, foreign] = await Promise.all([
      makeExperiment(municipality.id, { wijkIds: [wijk.id] }),
      makeExperiment(municipality.id),
      makeExperiment(other.id),
    ]);
    const published = [];
    for (let day = 1; day <= 12; day++) {
      published.push(
        await makeUpdate({
          experimentId: day % 2 ? first.id : second.id,
          authorId: leader.id,
          status: "PUBLISHED",
          publishedAt: new Date(Date.UTC(2024, 0, day)),
        }),
      );
    }
    await makeUpdate({ experimentId: first.id, authorId: leader.id, status: "DRAFT" });
    await makeUpdate({ experimentId: first.id, authorId: leader.id, status: "WITHDRAWN", publishedAt: new Date(Date.UTC(2025, 0, 1)) });
    await makeUpdate({
      experimentId: foreign.id,
      authorId: foreignLeader.id,
      status: "PUBLISHED",
      publishedAt: new Date(Date.UTC(2025, 0, 1)),
    });

    const page = await getMunicipalityPage(municipality.slug);
    expect(page).not.toBeNull();
    if (!page) return;
    expect(page.wijken).toEqual([{ id: wijk.id, name: wijk.name, cbsCode: wijk.cbsCode }]);
    expect(page.experiments.map((experiment) => experiment.id).sort()).toEqual([first.id, second.id].sort());
    expect(page.projectLeaders).toEqual([{ id: leader.id, name: leader.name }]);
    expect(page.projectLeaders.map((user) => user.id)).not.toContain(member.id);
    expect(page.projectLeaders.map((user) => user.id)).not.toContain(blocked.id);
    expect(page.latestUpdates.map((update) => update.id)).toEqual(
      published
        .slice(2)
        .reverse()
        .map((update) => update.id),
    );
    expect(page.latestUpdates[0]?.experiment).toEqual({ title: second.title, slug: second.slug });

    expect(await getMunicipalityPage("bestaat-niet")).toBeNull();

    const listed = (await listMunicipalities()).find((row) => row.id === municipality.id);
    expect(listed?._count).toEqual({ wijken: 1, experiments: 2, users: 1 });
  });
});
