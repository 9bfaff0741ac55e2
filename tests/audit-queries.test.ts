import { beforeAll, describe, expect, it } from "vitest";
import { describeAuditData } from "@/lib/audit/details";
import { AUDIT_EVENT_TYPES, auditTargetType } from "@/lib/audit/events";
import { auditEventLabelKey, auditFallbackLabel, auditTargetLabelKey } from "@/lib/audit/labels";
import { auditLogWhere, listAuditLog } from "@/lib/audit/queries";
import { parseAuditTableParams } from "@/lib/audit/table-params";
import { db } from "@/lib/db";
import en from "@/lib/i18n/messages/en.json";
import nl from "@/lib/i18n/messages/nl.json";
import type { Actor } from "@/lib/policy/permissions";
import { actorOf, createMunicipality, createUser, unique } from "./support/factories";
import { createPublishedUpdate } from "./support/notification-fixtures";

let coordinator: Actor;
const ids = {} as Record<"block" | "role" | "municipality" | "edit" | "draft" | "future", string>;
let anna: { name: string; email: string };
let memberId: string;
let municipality: { id: string; name: string };
let published: { id: string; title: string };
let draftId: string;

function row(input: {
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string;
  at: string;
  reason?: string;
  data?: object;
}) {
  return db.auditLog.create({
    data: {
      actorId: input.actorId,
      action: input.action,
      targetType: input.targetType,
      targetId: input.targetId,
      reason: input.reason ?? null,
      data: input.data ?? {},
      createdAt: new Date(input.at),
    },
    select: { id: true },
  });
}

beforeAll(async () => {
  const suffix = unique();
  const annaUser = await createUser({ role: "COORDINATOR", name: `Anna Auditsma ${suffix}`, email: `anna.audit-${suffix}@example.nl` });
  const bram = await createUser({ role: "ADMIN", name: `Bram Beheer ${suffix}` });
  const member = await createUser();
  coordinator = actorOf(annaUser);
  anna = annaUser;
  memberId = member.id;
  municipality = await createMunicipality();
  published = await createPublishedUpdate({ authorId: member.id, title: `Gepubliceerd ${suffix}` });
  const draft = await createPublishedUpdate({ authorId: member.id, title: `Geheim concept ${suffix}` });
  await db.update.update({ where: { id: draft.id }, data: { status: "DRAFT", publishedAt: null } });
  draftId = draft.id;

  ids.block = (
    await row({
      actorId: annaUser.id,
      action: "user.block",
      targetType: "User",
      targetId: member.id,
      at: "2026-03-01T10:00:00Z",
      reason: "Test",
      data: { until: null },
    })
  ).id;
  // 23:30 UTC on 1 March is 00:30 on 2 March in Amsterdam.
  ids.role = (
    await row({
      actorId: bram.id,
      action: "user.role",
      targetType: "User",
      targetId: member.id,
      at: "2026-03-01T23:30:00Z",
      data: { role: "COORDINATOR", municipalityId: null },
    })
  ).id;
  ids.municipality = (
    await row({
      actorId: annaUser.id,
      action: "municipality.update",
      targetType: "Municipality",
      targetId: municipality.id,
      at: "2026-03-05T12:00:00Z",
      data: { before: { name: "Oud", slug: "s" }, after: { name: "Nieuw", slug: "s" } },
    })
  ).id;
  ids.edit = (
    await row({
      actorId: bram.id,
      action: "update.edit-any",
      targetType: "Update",
      targetId: published.id,
      at: "2026-03-10T09:00:00Z",
      data: { before: {}, after: {} },
    })
  ).id;
  ids.draft = (
    await row({
      actorId: annaUser.id,
      action: "update.edit-any",
      targetType: "Update",
      targetId: draftId,
      at: "2026-03-11T09:00:00Z",
      data: { before: {}, after: {} },
    })
  ).id;
  ids.future = (await row({ actorId: null, action: "future.thing", targetType: "Widget", targetId: "w1", at: "2026-03-12T09:00:00Z" })).id;
});

const list = (query: Record<string, string>, actor: Actor | null = coordinator) => listAuditLog(actor, parseAuditTableParams(query));
const idsOf = async (query: Record<string, string>) => (await list(query)).rows.map((entry) => entry.id);

describe("the audit log's filters", () => {
  it("by who: part of a name or an email, any case", async () => {
    const expected = [ids.draft, ids.municipality, ids.block];
    expect(await idsOf({ actor: anna.name.split(" ")[1]!.toUpperCase() })).toEqual(expected);
    expect(await idsOf({ actor: anna.email.slice(0, 12) })).toEqual(expected);
  });

  it("by event type", async () => {
    expect(await idsOf({ type: "user.role" })).toEqual([ids.role]);
    expect(await idsOf({ type: "update.edit-any" })).toEqual([ids.draft, ids.edit]);
    // A type no longer (or not yet) in the registry still filters.
    expect(await idsOf({ type: "future.thing" })).toEqual([ids.future]);
  });

  it("by target: its kind, or its kind and id", async () => {
    expect(await idsOf({ targetType: "User", targetId: memberId })).toEqual([ids.role, ids.block]);
    expect(await idsOf({ targetType: "Municipality" })).toEqual([ids.municipality]);
    expect(await idsOf({ targetType: "User", targetId: "bestaat-niet" })).toEqual([]);
  });

  it("by period, in Amsterdam days, both ends included", async () => {
    expect(await idsOf({ from: "2026-03-02", to: "2026-03-05" })).toEqual([ids.municipality, ids.role]);
    expect(await idsOf({ from: "2026-03-01", to: "2026-03-01" })).toEqual([ids.block]);
    expect(await idsOf({ from: "2026-03-12" })).toEqual([ids.future]);
    expect(await idsOf({ to: "2026-02-28" })).toEqual([]);
    // A reversed period matches nothing; a day that does not exist is ignored.
    expect(await idsOf({ from: "2026-03-05", to: "2026-03-01" })).toEqual([]);
    expect(parseAuditTableParams({ from: "2026-02-30", to: "2026-13-01" })).toMatchObject({ from: null, to: null });
  });

  it("combines filters, and sorts oldest first on request", async () => {
    expect(await idsOf({ actor: anna.email, from: "2026-03-02", to: "2026-03-10" })).toEqual([ids.municipality]);
    expect(await idsOf({ targetType: "User", dir: "asc" })).toEqual([ids.block, ids.role]);
  });

  it("builds one condition per filter, without touching the database", () => {
    const where = auditLogWhere(
      parseAuditTableParams({ actor: "x", type: "user.block", targetType: "User", targetId: "u1", from: "2026-01-01", to: "2026-01-31" }),
    );
    expect(where.AND).toHaveLength(6);
    expect(auditLogWhere(parseAuditTableParams({})).AND).toEqual([]);
  });

  it("pages by 25, with the total over all pages", async () => {
    const actor = await createUser({ name: `Pagina Persoon ${unique()}` });
    for (let index = 0; index < 30; index++) {
      await row({
        actorId: actor.id,
        action: "paging.test",
        targetType: "User",
        targetId: actor.id,
        at: `2026-04-01T10:${String(index).padStart(2, "0")}:00Z`,
      });
    }
    const first = await list({ type: "paging.test" });
    expect(first).toMatchObject({ total: 30, pageCount: 2 });
    expect(first.rows).toHaveLength(25);
    const second = await list({ type: "paging.test", page: "2" });
    expect(second.rows).toHaveLength(5);
    expect(new Set([...first.rows, ...second.rows].map((entry) => entry.id)).size).toBe(30);
  });
});

describe("who may read the audit log", () => {
  it.each(["MEMBER", "PROJECT_LEADER"] as const)("a %s gets an empty page, whatever the filters", async (role) => {
    const actor = actorOf(await createUser({ role }));
    expect(await list({}, actor)).toEqual({ rows: [], total: 0, pageCount: 1 });
    expect(await list({ targetType: "User", targetId: actor.id }, actor)).toEqual({ rows: [], total: 0, pageCount: 1 });
    expect(await list({}, null)).toEqual({ rows: [], total: 0, pageCount: 1 });
  });

  it("an admin reads it too", async () => {
    const admin = actorOf(await createUser({ role: "ADMIN" }));
    expect((await list({ type: "user.role" }, admin)).rows.map((entry) => entry.id)).toEqual([ids.role]);
  });
});

describe("targets", () => {
  it("names a person, a municipality and a published update, and links to their pages", async () => {
    const rows = (await list({ to: "2026-03-10" })).rows;
    const target = (id: string) => rows.find((entry) => entry.id === id)?.target;
    expect(target(ids.block)).toEqual({ label: expect.any(String), href: `/beheer/gebruikers/${memberId}` });
    expect(target(ids.municipality)).toEqual({ label: municipality.name, href: `/beheer/programma/gemeenten/${municipality.id}` });
    expect(target(ids.edit)).toEqual({ label: published.title, href: `/updates/${published.id}` });
  });

  it("keeps a draft's title to its author, and leaves an unknown kind of target unnamed", async () => {
    const rows = (await list({ from: "2026-03-11", to: "2026-03-12" })).rows;
    expect(rows.find((entry) => entry.id === ids.draft)?.target).toEqual({ label: null, href: null });
    expect(rows.find((entry) => entry.id === ids.future)?.target).toEqual({ label: null, href: null });
  });
});

describe("details and labels", () => {
  it("shows only the changed fields of a before/after pair, and every field otherwise", () => {
    expect(describeAuditData({ before: { name: "Oud", slug: "s" }, after: { name: "Nieuw", slug: "s" } })).toEqual([
      { field: "name", before: "Oud", after: "Nieuw" },
    ]);
    expect(describeAuditData({ role: "COORDINATOR", municipalityId: null })).toEqual([
      { field: "role", value: "COORDINATOR" },
      { field: "municipalityId", value: "—" },
    ]);
    expect(describeAuditData({ ids: ["a", "b"], counts: { comments: 2 } })).toEqual([
      { field: "ids", value: "a, b" },
      { field: "counts", value: '{"comments":2}' },
    ]);
    expect(describeAuditData({})).toEqual([]);
    expect(describeAuditData(null)).toEqual([]);
    expect(describeAuditData({ body: "x".repeat(500) })[0]).toMatchObject({ value: expect.stringMatching(/^x{159}…$/) });
  });

  /** Whether `key` (dots as nesting) is a string in `catalog`. */
  const has = (catalog: object, key: string) =>
    typeof key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalog) === "string";

  it("every registered event type and kind of target has a label in both catalogs", () => {
    for (const catalog of [nl, en]) {
      expect(AUDIT_EVENT_TYPES.filter((type) => !has(catalog, auditEventLabelKey(type)))).toEqual([]);
      expect([...new Set(AUDIT_EVENT_TYPES.map(auditTargetType))].filter((type) => !has(catalog, auditTargetLabelKey(type)))).toEqual([]);
    }
  });

  it("gives a readable stand-in for a type the catalogs do not name", () => {
    expect(has(nl, auditEventLabelKey("comment.delete-any"))).toBe(true);
    expect(auditEventLabelKey("feedToken.create")).toBe("audit.events.feedToken_create");
    expect(auditFallbackLabel("comment.delete-any")).toBe("Comment: delete any");
    expect(auditFallbackLabel("future")).toBe("Future");
  });
});
