import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/policy/permissions";
import { findMovedTaxonomySlug } from "@/lib/taxonomy/queries";
import type { TaxonomyKind } from "@/lib/taxonomy/schema";
import { mergeTaxonomy } from "@/lib/taxonomy/service";
import { createActor, createUser, unique } from "./support/factories";
import { createPublishedUpdate } from "./support/notification-fixtures";

let coordinator: Actor;
let authorId: string;

beforeAll(async () => {
  coordinator = await createActor("COORDINATOR");
  authorId = (await createUser({ role: "PROJECT_LEADER" })).id;
});

const kinds: TaxonomyKind[] = ["opgave", "theme"];
const FOLLOW = { opgave: "OPGAVE", theme: "THEME" } as const;

function make(kind: TaxonomyKind, data: { archivedAt?: Date } = {}) {
  const suffix = unique();
  const row = { name: `Taak ${suffix}`, slug: `taak-${suffix}`, ...data };
  return kind === "opgave" ? db.opgave.create({ data: row }) : db.theme.create({ data: row });
}

function tagged(kind: TaxonomyKind, tagIds: string[]) {
  return createPublishedUpdate({ authorId, ...(kind === "opgave" ? { opgaveIds: tagIds } : { themeIds: tagIds }) });
}

async function tagsOf(kind: TaxonomyKind, updateId: string) {
  const update = await db.update.findUniqueOrThrow({
    where: { id: updateId },
    select: { opgaven: { select: { opgaveId: true } }, themes: { select: { themeId: true } } },
  });
  return kind === "opgave" ? update.opgaven.map((tag) => tag.opgaveId) : update.themes.map((tag) => tag.themeId);
}

async function follow(kind: TaxonomyKind, userId: string, targetId: string) {
  await db.follow.create({ data: { userId, targetType: FOLLOW[kind], targetId } });
}

async function followsOf(kind: TaxonomyKind, userId: string) {
  return (await db.follow.findMany({ where: { userId, targetType: FOLLOW[kind] }, select: { targetId: true } })).map((row) => row.targetId);
}

describe.each(kinds)("merging one %s into another", (kind) => {
  it("moves every tag and follow exactly once, deletes the source and records the counts", async () => {
    const [source, target] = [await make(kind), await make(kind)];
    const both = await tagged(kind, [source.id, target.id]);
    const onlySource = await tagged(kind, [source.id]);
    const onlyTarget = await tagged(kind, [target.id]);
    const [followsBoth, followsSource, followsTarget] = [await createUser(), await createUser(), await createUser()];
    await follow(kind, followsBoth.id, source.id);
    await follow(kind, followsBoth.id, target.id);
    await follow(kind, followsSource.id, source.id);
    await follow(kind, followsTarget.id, target.id);

    const result = await mergeTaxonomy({ actor: coordinator, input: { kind, sourceId: source.id, targetId: target.id, confirm: "on" } });
    expect(result).toEqual({ ok: true, data: { id: target.id, slug: target.slug } });

    expect(await tagsOf(kind, both.id)).toEqual([target.id]);
    expect(await tagsOf(kind, onlySource.id)).toEqual([target.id]);
    expect(await tagsOf(kind, onlyTarget.id)).toEqual([target.id]);
    expect(await followsOf(kind, followsBoth.id)).toEqual([target.id]);
    expect(await followsOf(kind, followsSource.id)).toEqual([target.id]);
    expect(await followsOf(kind, followsTarget.id)).toEqual([target.id]);
    expect(await db.follow.count({ where: { targetId: source.id } })).toBe(0);
    const rows = kind === "opgave" ? db.opgave : db.theme;
    expect(await (rows as typeof db.opgave).findUnique({ where: { id: source.id } })).toBeNull();

    const log = await db.auditLog.findFirstOrThrow({ where: { action: `${kind}.merge`, targetId: target.id } });
    expect(log).toMatchObject({ actorId: coordinator.id, targetType: kind === "opgave" ? "Opgave" : "Theme" });
    expect(log.data).toEqual({
      before: {
        source: { id: source.id, name: source.name, slug: source.slug, updates: 2, follows: 2 },
        target: { id: target.id, name: target.name, slug: target.slug, updates: 2, follows: 2 },
      },
      after: { target: { id: target.id, name: target.name, slug: target.slug, updates: 3, follows: 3 } },
      moved: { updates: 1, follows: 1 },
    });
  });

  it("leaves the names in the revisions as they were, and sends the old address to the target", async () => {
    const [source, target] = [await make(kind), await make(kind)];
    const update = await tagged(kind, [source.id]);
    const names = kind === "opgave" ? { opgaven: [source.name], themes: [] } : { opgaven: [], themes: [source.name] };
    const revision = await db.updateRevision.create({
      data: { updateId: update.id, editorId: authorId, title: update.title, body: update.body, phase: update.phase, ...names },
    });
    expect((await mergeTaxonomy({ actor: coordinator, input: { kind, sourceId: source.id, targetId: target.id, confirm: "on" } })).ok).toBe(
      true,
    );
    expect(await db.updateRevision.findUniqueOrThrow({ where: { id: revision.id } })).toMatchObject(names);
    expect(await findMovedTaxonomySlug(kind, source.slug)).toBe(target.slug);

    // Merged once more: the oldest address follows along.
    const next = await make(kind);
    expect((await mergeTaxonomy({ actor: coordinator, input: { kind, sourceId: target.id, targetId: next.id, confirm: "on" } })).ok).toBe(
      true,
    );
    expect(await findMovedTaxonomySlug(kind, source.slug)).toBe(next.slug);
  });

  it("refuses a merge into itself, into an archived one, into an unknown one or without the tick, changing nothing", async () => {
    const [source, archived] = [await make(kind), await make(kind, { archivedAt: new Date() })];
    const target = await make(kind);
    const update = await tagged(kind, [source.id]);
    const follower = await createUser();
    await follow(kind, follower.id, source.id);
    const state = async () => ({
      tags: await tagsOf(kind, update.id),
      follows: await followsOf(kind, follower.id),
      rows: await (kind === "opgave" ? db.opgave : (db.theme as unknown as typeof db.opgave)).count({
        where: { id: { in: [source.id, archived.id, target.id] } },
      }),
      audit: await db.auditLog.count(),
    });
    const before = await state();
    const merge = (input: Record<string, string>) =>
      mergeTaxonomy({ actor: coordinator, input: { kind, sourceId: source.id, confirm: "on", ...input } });

    expect(await merge({ targetId: source.id })).toEqual({
      ok: false,
      error: "taxonomy.mergeSelf",
      fieldErrors: { targetId: ["taxonomy.mergeSelf"] },
    });
    expect(await merge({ targetId: archived.id })).toEqual({
      ok: false,
      error: "taxonomy.mergeTargetArchived",
      fieldErrors: { targetId: ["taxonomy.mergeTargetArchived"] },
    });
    expect(await merge({ targetId: "unknown0id" })).toMatchObject({ ok: false, error: "taxonomy.mergeTargetNotFound" });
    expect(await merge({ targetId: "" })).toEqual({
      ok: false,
      error: "form.invalid",
      fieldErrors: { targetId: ["taxonomy.mergeTargetRequired"] },
    });
    expect(await merge({ targetId: target.id, confirm: "" })).toEqual({
      ok: false,
      error: "form.invalid",
      fieldErrors: { confirm: ["taxonomy.mergeConfirmRequired"] },
    });
    expect(
      await mergeTaxonomy({ actor: coordinator, input: { kind, sourceId: "unknown0id", targetId: target.id, confirm: "on" } }),
    ).toEqual({
      ok: false,
      error: "taxonomy.notFound",
    });
    expect(await state()).toEqual(before);
  });

  it("merges an archived source into an active target", async () => {
    const [source, target] = [await make(kind, { archivedAt: new Date() }), await make(kind)];
    const update = await tagged(kind, [source.id]);
    expect((await mergeTaxonomy({ actor: coordinator, input: { kind, sourceId: source.id, targetId: target.id, confirm: "on" } })).ok).toBe(
      true,
    );
    expect(await tagsOf(kind, update.id)).toEqual([target.id]);
  });
});

describe("merging themes", () => {
  it("moves the inspiration book's examples to the target's chapter", async () => {
    const [source, target] = [await make("theme"), await make("theme")];
    const update = await tagged("theme", [source.id]);
    const entry = await db.inspirationEntry.create({ data: { updateId: update.id, themeId: source.id, requestedById: coordinator.id } });
    const input = { kind: "theme" as const, sourceId: source.id, targetId: target.id, confirm: "on" };
    expect((await mergeTaxonomy({ actor: coordinator, input })).ok).toBe(true);
    expect(await db.inspirationEntry.findUniqueOrThrow({ where: { id: entry.id }, select: { themeId: true } })).toEqual({
      themeId: target.id,
    });
  });
});
