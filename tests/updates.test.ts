import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/policy/permissions";
import { getUpdateForEditing, getUpdateForReader, listRevisions } from "@/lib/updates/queries";
import { saveUpdate, withdrawUpdate } from "@/lib/updates/service";
import { createActor, createMunicipality, unique } from "./support/factories";

let tilburg: { id: string };
let dordrecht: { id: string };
let experiment: { id: string };
let otherExperiment: { id: string };
let opgaven: { id: string }[];
let theme: { id: string };
let archivedOpgave: { id: string };
let author: Actor;
let colleague: Actor;
let outsider: Actor;
let member: Actor;
let coordinator: Actor;
let admin: Actor;

async function createExperiment(municipalityId: string) {
  const suffix = unique();
  return db.experiment.create({
    data: {
      title: `Experiment ${suffix}`,
      slug: `experiment-${suffix}`,
      summary: "Samenvatting",
      municipalityId,
      startDate: new Date("2022-01-01"),
    },
  });
}

function input(overrides: Record<string, unknown> = {}) {
  return {
    experimentId: experiment.id,
    title: "Bewonersavond over warmtepompen",
    body: "We spraken met bewoners van drie wijken over **warmtepompen**.",
    phase: "UITVOERING",
    milestone: "Eerste avond",
    opgaveIds: opgaven.map((opgave) => opgave.id),
    themeIds: [theme.id],
    intent: "publish",
    ...overrides,
  };
}

beforeAll(async () => {
  tilburg = await createMunicipality();
  dordrecht = await createMunicipality();
  experiment = await createExperiment(tilburg.id);
  otherExperiment = await createExperiment(dordrecht.id);
  opgaven = await Promise.all(
    ["Energietransitie", "Armoede"].map((name, index) =>
      db.opgave.create({ data: { name: `${name} ${unique()}`, slug: `opgave-${unique()}`, sortOrder: index } }),
    ),
  );
  archivedOpgave = await db.opgave.create({ data: { name: `Oud ${unique()}`, slug: `oud-${unique()}`, archivedAt: new Date() } });
  theme = await db.theme.create({ data: { name: `Thema ${unique()}`, slug: `thema-${unique()}` } });
  [author, colleague, outsider, member, coordinator, admin] = await Promise.all([
    createActor("PROJECT_LEADER", { municipalityId: tilburg.id }),
    createActor("PROJECT_LEADER", { municipalityId: tilburg.id }),
    createActor("PROJECT_LEADER", { municipalityId: dordrecht.id }),
    createActor("MEMBER"),
    createActor("COORDINATOR"),
    createActor("ADMIN"),
  ]);
});

describe("writing updates", () => {
  it("a project leader publishes an update on their own municipality's experiment", async () => {
    const result = await saveUpdate({ actor: author, input: input() });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const saved = await db.update.findUniqueOrThrow({
      where: { id: result.data.id },
      include: { opgaven: true, themes: true, revisions: true },
    });
    expect(saved).toMatchObject({ status: "PUBLISHED", authorId: author.id, milestone: "Eerste avond" });
    expect(saved.publishedAt).toBeInstanceOf(Date);
    expect(saved.opgaven).toHaveLength(2);
    expect(saved.revisions).toHaveLength(1);
  });

  it("a project leader cannot post on another municipality's experiment", async () => {
    const before = await db.update.count();
    const result = await saveUpdate({ actor: outsider, input: input() });
    expect(result).toMatchObject({ ok: false, error: "update.experimentNotAllowed" });
    expect(await db.update.count()).toBe(before);
  });

  for (const role of ["member", "coordinator", "admin"] as const) {
    it(`a ${role} cannot write an update`, async () => {
      const actor = { member, coordinator, admin }[role];
      const before = await db.update.count();
      expect(await saveUpdate({ actor, input: input() })).toMatchObject({ ok: false, error: "permission.denied" });
      expect(await db.update.count()).toBe(before);
    });
  }

  it("a visitor without an account cannot write an update", async () => {
    expect(await saveUpdate({ actor: null, input: input() })).toMatchObject({ ok: false, error: "permission.denied" });
  });

  it("refuses bad input with a message per field", async () => {
    const empty = await saveUpdate({ actor: author, input: input({ title: "   ", body: "", opgaveIds: [], themeIds: [] }) });
    expect(empty).toMatchObject({
      ok: false,
      error: "form.invalid",
      fieldErrors: {
        title: ["update.titleRequired"],
        body: ["update.bodyRequired"],
        opgaveIds: ["update.opgaveRequired"],
        themeIds: ["update.themeRequired"],
      },
    });
    const long = await saveUpdate({ actor: author, input: input({ body: "x".repeat(50_001) }) });
    expect(long).toMatchObject({ ok: false, fieldErrors: { body: ["update.bodyTooLong"] } });
    const archived = await saveUpdate({ actor: author, input: input({ opgaveIds: [archivedOpgave.id] }) });
    expect(archived).toMatchObject({ ok: false, fieldErrors: { opgaveIds: ["update.opgaveUnknown"] } });
    const unknown = await saveUpdate({ actor: author, input: input({ themeIds: ["no-such-theme"] }) });
    expect(unknown).toMatchObject({ ok: false, fieldErrors: { themeIds: ["update.themeUnknown"] } });
  });

  it("an edit keeps an archived opgave the update already carries, but cannot add one", async () => {
    const created = await saveUpdate({ actor: author, input: input() });
    if (!created.ok) throw new Error("setup");
    const old = await db.opgave.create({ data: { name: `Vroeger ${unique()}`, slug: `vroeger-${unique()}` } });
    await db.update.update({ where: { id: created.data.id }, data: { opgaven: { create: [{ opgaveId: old.id }] } } });
    await db.opgave.update({ where: { id: old.id }, data: { archivedAt: new Date() } });
    const kept = await saveUpdate({
      actor: author,
      updateId: created.data.id,
      input: input({ opgaveIds: [...(input().opgaveIds as string[]), old.id] }),
    });
    expect(kept).toMatchObject({ ok: true });
    const tags = await db.update.findUniqueOrThrow({ where: { id: created.data.id }, select: { opgaven: { select: { opgaveId: true } } } });
    expect(tags.opgaven.map((opgave) => opgave.opgaveId)).toContain(old.id);
    const added = await saveUpdate({ actor: author, updateId: created.data.id, input: input({ opgaveIds: [old.id, archivedOpgave.id] }) });
    expect(added).toMatchObject({ ok: false, fieldErrors: { opgaveIds: ["update.opgaveUnknown"] } });
  });

  it("a draft needs only a title and is visible to its author alone", async () => {
    const result = await saveUpdate({ actor: author, input: input({ body: "", opgaveIds: [], themeIds: [], intent: "save" }) });
    expect(result).toMatchObject({ ok: true, data: { status: "DRAFT" } });
    if (!result.ok) return;
    expect(await getUpdateForReader(author, result.data.id)).not.toBeNull();
    for (const reader of [colleague, outsider, member, coordinator, admin]) {
      expect(await getUpdateForReader(reader, result.data.id)).toBeNull();
    }
    const row = await db.update.findUniqueOrThrow({ where: { id: result.data.id }, include: { revisions: true } });
    expect(row.publishedAt).toBeNull();
    expect(row.revisions).toHaveLength(0);
  });
});

describe("images in an update", () => {
  it("ties the author's own uploads shown in the body to the update, and nobody else's", async () => {
    const upload = (uploaderId: string) =>
      db.upload.create({
        data: { uploaderId, storageKey: `2026/11/c${unique()}x.png`, contentType: "image/png", byteSize: 10, width: 1, height: 1 },
      });
    const mine = await upload(author.id);
    const theirs = await upload(colleague.id);
    const result = await saveUpdate({
      actor: author,
      input: input({ body: `Foto: ![](/beelden/${mine.id}) en ![](/beelden/${theirs.id})`, intent: "save" }),
    });
    if (!result.ok) throw new Error("save failed");
    expect((await db.upload.findUniqueOrThrow({ where: { id: mine.id } })).updateId).toBe(result.data.id);
    expect((await db.upload.findUniqueOrThrow({ where: { id: theirs.id } })).updateId).toBeNull();
  });
});

describe("editing and withdrawing", () => {
  let updateId: string;

  beforeAll(async () => {
    const result = await saveUpdate({ actor: author, input: input({ title: "Origineel" }) });
    if (!result.ok) throw new Error("setup failed");
    updateId = result.data.id;
  });

  it("the author edits and every edit keeps a revision readers can see", async () => {
    const edited = await saveUpdate({ actor: author, updateId, input: input({ title: "Herzien", body: "Nieuwe tekst", intent: "save" }) });
    expect(edited).toMatchObject({ ok: true, data: { status: "PUBLISHED" } });
    const history = await listRevisions(member, updateId);
    expect(history?.revisions.map((revision) => revision.title)).toEqual(["Origineel", "Herzien"]);
    expect(history?.revisions[1]?.body).toBe("Nieuwe tekst");
  });

  it("a coordinator may edit a published update, and the revision names them", async () => {
    expect(await saveUpdate({ actor: coordinator, updateId, input: input({ title: "Gecorrigeerd" }) })).toMatchObject({ ok: true });
    const last = (await listRevisions(member, updateId))?.revisions.at(-1);
    expect(last?.title).toBe("Gecorrigeerd");
    expect(last?.editor.name).toContain("coordinator");
  });

  it("a member, another project leader (even of the same municipality) cannot edit it", async () => {
    for (const actor of [member, colleague, outsider]) {
      expect(await saveUpdate({ actor, updateId, input: input({ title: "Gekaapt" }) })).toMatchObject({ ok: false });
      expect(await getUpdateForEditing(actor, updateId)).toBeNull();
    }
    expect((await db.update.findUniqueOrThrow({ where: { id: updateId } })).title).not.toBe("Gekaapt");
    const forMember = await getUpdateForReader(member, updateId);
    expect(forMember).toMatchObject({ canEdit: false, canWithdraw: false });
  });

  it("only the author withdraws it; then it is hidden from members but not from staff", async () => {
    for (const actor of [member, colleague, coordinator, admin]) {
      expect(await withdrawUpdate({ actor, input: { updateId } })).toMatchObject({ ok: false, error: "update.notFound" });
    }
    expect(await withdrawUpdate({ actor: null, input: { updateId } })).toMatchObject({ ok: false, error: "permission.denied" });
    expect(await withdrawUpdate({ actor: author, input: { updateId } })).toEqual({ ok: true, data: null });
    expect(await getUpdateForReader(member, updateId)).toBeNull();
    expect(await getUpdateForReader(coordinator, updateId)).toMatchObject({ status: "WITHDRAWN" });
    expect(await getUpdateForReader(author, updateId)).toMatchObject({ status: "WITHDRAWN", canEdit: true });
  });

  it("a coordinator cannot edit someone's draft", async () => {
    const draft = await saveUpdate({ actor: author, input: input({ intent: "save" }) });
    if (!draft.ok) throw new Error("setup failed");
    expect(await saveUpdate({ actor: coordinator, updateId: draft.data.id, input: input({ title: "Nee" }) })).toMatchObject({
      ok: false,
      error: "update.notFound",
    });
  });

  it("a project leader moved to another municipality can no longer edit their old updates", async () => {
    const result = await saveUpdate({ actor: colleague, input: input() });
    if (!result.ok) throw new Error("setup failed");
    const moved = { ...colleague, municipalityId: dordrecht.id };
    expect(await saveUpdate({ actor: moved, updateId: result.data.id, input: input({ experimentId: otherExperiment.id }) })).toMatchObject({
      ok: false,
      error: "update.notFound",
    });
  });
});
