import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fail, ok } from "@/lib/action-result";
import { AUDIT_EVENT_TYPES, auditRow, auditTargetType } from "@/lib/audit/events";
import { db } from "@/lib/db";
import { mutation } from "@/lib/mutation";
import { createActor, unique } from "./support/factories";

const nameInput = z.object({ name: z.string().min(2) });

/** A test-only write through the real pipeline: creates a municipality, then refuses when asked to. */
const createThenMaybeRefuse = mutation("programme:manage", {
  schema: nameInput.extend({ refuse: z.boolean().default(false), badEvent: z.boolean().default(false) }),
  run: async ({ tx, data, record }) => {
    const suffix = unique();
    const created = await tx.municipality.create({
      data: { name: data.name, slug: `audit-${suffix}`, cbsCode: `GMA${suffix}` },
      select: { id: true },
    });
    record({ type: "municipality.create", targetId: created.id, data: { name: data.name } });
    if (data.refuse) return fail("programme.municipalityNotFound");
    return ok(created);
  },
  // A "user.role" event must carry a role: a bad event is a bug, and the whole write rolls back.
  audit: ({ data, result }) => (data.badEvent ? ({ type: "user.role", targetId: result.id, data: {} } as never) : null),
});

describe("the write pipeline", () => {
  it("writes the change and its audit row in one transaction", async () => {
    const coordinator = await createActor("COORDINATOR");
    const result = await createThenMaybeRefuse({ actor: coordinator, input: { name: "Auditstad" } });
    expect(result.ok).toBe(true);
    const id = result.ok ? result.data.id : "";
    expect(await db.municipality.count({ where: { id } })).toBe(1);
    expect(await db.auditLog.findMany({ where: { targetId: id } })).toEqual([
      expect.objectContaining({
        actorId: coordinator.id,
        action: "municipality.create",
        targetType: "Municipality",
        data: { name: "Auditstad" },
      }),
    ]);
  });

  it("leaves neither the write nor an audit row when the action fails", async () => {
    const coordinator = await createActor("COORDINATOR");
    const before = await db.auditLog.count();
    const result = await createThenMaybeRefuse({ actor: coordinator, input: { name: "Weigerstad", refuse: true } });
    expect(result).toEqual({ ok: false, error: "programme.municipalityNotFound" });
    expect(await db.municipality.count({ where: { name: "Weigerstad" } })).toBe(0);
    expect(await db.auditLog.count()).toBe(before);
  });

  it("rolls the write back when its audit event does not fit its type", async () => {
    const coordinator = await createActor("COORDINATOR");
    await expect(createThenMaybeRefuse({ actor: coordinator, input: { name: "Foutstad", badEvent: true } })).rejects.toThrow();
    expect(await db.municipality.count({ where: { name: "Foutstad" } })).toBe(0);
  });

  it.each(["MEMBER", "PROJECT_LEADER"] as const)("refuses a %s before parsing or writing anything", async (role) => {
    const actor = await createActor(role);
    const before = await db.auditLog.count();
    expect(await createThenMaybeRefuse({ actor, input: { name: "Ledenstad" } })).toEqual({ ok: false, error: "permission.denied" });
    expect(await createThenMaybeRefuse({ actor: null, input: { name: "Ledenstad" } })).toEqual({ ok: false, error: "permission.denied" });
    expect(await db.municipality.count({ where: { name: "Ledenstad" } })).toBe(0);
    expect(await db.auditLog.count()).toBe(before);
  });

  it("answers input the schema refuses with field errors", async () => {
    const coordinator = await createActor("COORDINATOR");
    const result = await createThenMaybeRefuse({ actor: coordinator, input: { name: "x" } });
    expect(result).toMatchObject({ ok: false, error: "form.invalid", fieldErrors: { name: [expect.any(String)] } });
  });
});

describe("the audit log", () => {
  async function someRow() {
    const coordinator = await createActor("COORDINATOR");
    const result = await createThenMaybeRefuse({ actor: coordinator, input: { name: "Historie" } });
    return db.auditLog.findFirstOrThrow({ where: { targetId: result.ok ? result.data.id : "" } });
  }

  it("refuses UPDATE, also through raw SQL", async () => {
    const row = await someRow();
    await expect(db.auditLog.update({ where: { id: row.id }, data: { action: "user.block" } })).rejects.toThrow();
    await expect(db.$executeRaw`UPDATE "AuditLog" SET "reason" = 'herschreven' WHERE id = ${row.id}`).rejects.toThrow(/auditlog/i);
    expect(await db.auditLog.findUniqueOrThrow({ where: { id: row.id } })).toEqual(row);
  });

  it("refuses DELETE, also through raw SQL", async () => {
    const row = await someRow();
    await expect(db.auditLog.delete({ where: { id: row.id } })).rejects.toThrow();
    await expect(db.auditLog.deleteMany({})).rejects.toThrow();
    await expect(db.$executeRaw`DELETE FROM "AuditLog" WHERE id = ${row.id}`).rejects.toThrow(/auditlog/i);
    expect(await db.auditLog.count({ where: { id: row.id } })).toBe(1);
  });

  it("keeps a person who has audit rows from being deleted (they are anonymised instead)", async () => {
    const coordinator = await createActor("COORDINATOR");
    await createThenMaybeRefuse({ actor: coordinator, input: { name: "Blijfstad" } });
    await expect(db.user.delete({ where: { id: coordinator.id } })).rejects.toThrow();
    expect(await db.user.count({ where: { id: coordinator.id } })).toBe(1);
  });

  it("describes every event type with a target type, and refuses unknown types", () => {
    for (const type of AUDIT_EVENT_TYPES) expect(auditTargetType(type)).toMatch(/^[A-Z][A-Za-z]+$/);
    expect(() => auditRow({ type: "made.up", targetId: "x" } as never, null)).toThrow();
    expect(() => auditRow({ type: "user.unblock", targetId: "x", data: { secret: 1 } } as never, null)).toThrow();
    expect(auditRow({ type: "user.unblock", targetId: "u1", reason: "  spam  " }, "a1")).toEqual({
      actorId: "a1",
      action: "user.unblock",
      targetType: "User",
      targetId: "u1",
      reason: "spam",
      data: {},
    });
  });

  it("is written only by the write pipeline", async () => {
    const root = path.resolve(import.meta.dirname, "..");
    const writers: string[] = [];
    async function walk(dir: string) {
      for (const entry of await readdir(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (!["node_modules", "generated", ".next"].includes(entry.name)) await walk(full);
        } else if (
          /\.(ts|tsx)$/.test(entry.name) &&
          /auditLog\.(create|createMany|update|upsert|delete)/.test(await readFile(full, "utf8"))
        ) {
          writers.push(path.relative(root, full));
        }
      }
    }
    await Promise.all(["lib", "app", "components", "scripts"].map((dir) => walk(path.join(root, dir))));
    expect(writers).toEqual(["lib/mutation.ts"]);
  });
});
