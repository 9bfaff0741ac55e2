import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/policy/permissions";
import { autosaveUpdate, saveUpdate } from "@/lib/updates/service";
import { createActor, createMunicipality, unique } from "./support/factories";
import { createExperiment, createOpgave, createTheme } from "./support/notification-fixtures";

let experiment: { id: string };
let opgave: { id: string };
let otherOpgave: { id: string };
let theme: { id: string };
let author: Actor;
let colleague: Actor;
let member: Actor;
let coordinator: Actor;

function typed(overrides: Record<string, unknown> = {}) {
  return {
    experimentId: experiment.id,
    title: `Half af ${unique()}`,
    body: "Eerste zin",
    phase: "UITVOERING",
    milestone: "",
    ...overrides,
  };
}

const auditRows = () => db.auditLog.count();

beforeAll(async () => {
  const municipality = await createMunicipality();
  experiment = await createExperiment(municipality.id);
  [opgave, otherOpgave, theme] = await Promise.all([createOpgave(), createOpgave(), createTheme()]);
  [author, colleague, member, coordinator] = await Promise.all([
    createActor("PROJECT_LEADER", { municipalityId: municipality.id }),
    createActor("PROJECT_LEADER", { municipalityId: municipality.id }),
    createActor("MEMBER"),
    createActor("COORDINATOR"),
  ]);
});

describe("autosaving an update while typing", () => {
  it("makes a new update a draft once, then writes that same draft", async () => {
    const title = `Bewonersavond ${unique()}`;
    // Even an input that asks to publish is only ever saved as a draft.
    const first = await autosaveUpdate({ actor: author, input: typed({ title, opgaveIds: [opgave.id], intent: "publish" }) });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.data.status).toBe("DRAFT");

    const second = await autosaveUpdate({
      actor: author,
      input: typed({ title: `${title} in de wijk`, body: "Eerste zin. Tweede zin.", opgaveIds: [otherOpgave.id], themeIds: [theme.id] }),
      updateId: first.data.id,
    });
    expect(second).toMatchObject({ ok: true, data: { id: first.data.id, status: "DRAFT" } });
    if (!second.ok) return;
    expect(second.data.updatedAt.getTime()).toBeGreaterThanOrEqual(first.data.updatedAt.getTime());

    const drafts = await db.update.findMany({
      where: { authorId: author.id, title: { startsWith: title } },
      include: { opgaven: true, themes: true, revisions: true },
    });
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ status: "DRAFT", publishedAt: null, title: `${title} in de wijk`, body: "Eerste zin. Tweede zin." });
    expect(drafts[0]!.opgaven.map((row) => row.opgaveId)).toEqual([otherOpgave.id]);
    expect(drafts[0]!.themes.map((row) => row.themeId)).toEqual([theme.id]);
    expect(drafts[0]!.revisions).toHaveLength(0);
  });

  it("asks for a title, as saving a draft does", async () => {
    const result = await autosaveUpdate({ actor: author, input: typed({ title: "  " }) });
    expect(result).toMatchObject({ ok: false, error: "form.invalid", fieldErrors: { title: ["update.titleRequired"] } });
  });

  it("refuses a member, writing nothing and no audit row", async () => {
    const before = await auditRows();
    const title = `Van een deelnemer ${unique()}`;
    const result = await autosaveUpdate({ actor: member, input: typed({ title }) });
    expect(result).toEqual({ ok: false, error: "permission.denied" });
    expect(await db.update.count({ where: { title } })).toBe(0);
    expect(await auditRows()).toBe(before);
  });

  it("refuses someone else's draft, also for staff, leaving it as it was and writing no audit row", async () => {
    const draft = await autosaveUpdate({ actor: author, input: typed({ title: `Van de auteur ${unique()}` }) });
    if (!draft.ok) throw new Error("setup");
    const before = await auditRows();

    const byColleague = await autosaveUpdate({ actor: colleague, input: typed({ title: "Overgenomen" }), updateId: draft.data.id });
    expect(byColleague).toEqual({ ok: false, error: "update.notFound" });
    const byCoordinator = await autosaveUpdate({ actor: coordinator, input: typed({ title: "Overgenomen" }), updateId: draft.data.id });
    expect(byCoordinator).toEqual({ ok: false, error: "permission.denied" });

    const stored = await db.update.findUniqueOrThrow({ where: { id: draft.data.id } });
    expect(stored.title).not.toBe("Overgenomen");
    expect(stored.authorId).toBe(author.id);
    expect(await auditRows()).toBe(before);
  });

  it("never writes a published update (that would publish half-written changes)", async () => {
    const published = await saveUpdate({
      actor: author,
      input: typed({ title: `Gepubliceerd ${unique()}`, body: "Klaar.", opgaveIds: [opgave.id], themeIds: [theme.id], intent: "publish" }),
    });
    if (!published.ok) throw new Error("setup");
    const result = await autosaveUpdate({ actor: author, input: typed({ title: "Half geschreven" }), updateId: published.data.id });
    expect(result).toEqual({ ok: false, error: "update.notFound" });
    const stored = await db.update.findUniqueOrThrow({ where: { id: published.data.id }, include: { revisions: true } });
    expect(stored).toMatchObject({ status: "PUBLISHED", body: "Klaar." });
    expect(stored.revisions).toHaveLength(1);
  });

  it("refuses an experiment of another municipality for a new draft", async () => {
    const elsewhere = await createExperiment((await createMunicipality()).id);
    const title = `Elders ${unique()}`;
    const result = await autosaveUpdate({ actor: author, input: typed({ title, experimentId: elsewhere.id }) });
    expect(result).toMatchObject({ ok: false, error: "update.experimentNotAllowed" });
    expect(await db.update.count({ where: { title } })).toBe(0);
  });
});
