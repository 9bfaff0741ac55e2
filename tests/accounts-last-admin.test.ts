import { beforeEach, describe, expect, it } from "vitest";
import { blockUser, changeUserRole } from "@/lib/accounts/service";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/policy/permissions";
import { actorOf, createActor, createUser } from "./support/factories";

// This file's database is its own: each test starts with no admins but the ones it makes.
beforeEach(async () => {
  await db.user.updateMany({ where: { role: "ADMIN" }, data: { role: "MEMBER" } });
});

const reason = "Laatste-beheerdertest";
const reload = (id: string) => db.user.findUniqueOrThrow({ where: { id } });

/** Two admins; `first` has just been blocked by someone else, but still acts with the actor read before that. */
async function lastActiveAdmin(): Promise<{ stale: Actor; last: Actor }> {
  const [stale, last] = await Promise.all([createActor("ADMIN"), createActor("ADMIN")]);
  await db.user.update({ where: { id: stale.id }, data: { blockedAt: new Date(), blockReason: "elders geblokkeerd" } });
  return { stale, last };
}

describe("the last admin", () => {
  it("cannot be blocked: an admin blocked a moment ago cannot block the only active one", async () => {
    const { stale, last } = await lastActiveAdmin();
    expect(await blockUser({ actor: stale, input: { userId: last.id, reason } })).toEqual({ ok: false, error: "user.lastAdmin" });
    expect((await reload(last.id)).blockedAt).toBeNull();
    expect(await db.auditLog.count({ where: { targetId: last.id } })).toBe(0);
  });

  it("cannot be demoted", async () => {
    const { stale, last } = await lastActiveAdmin();
    expect(await changeUserRole({ actor: stale, input: { userId: last.id, role: "COORDINATOR" } })).toEqual({
      ok: false,
      error: "user.lastAdmin",
    });
    expect((await reload(last.id)).role).toBe("ADMIN");
    expect(await db.auditLog.count({ where: { targetId: last.id } })).toBe(0);
  });

  it("can still be given the admin role again (no demotion) and have another admin's role changed", async () => {
    const { stale, last } = await lastActiveAdmin();
    expect((await changeUserRole({ actor: stale, input: { userId: last.id, role: "ADMIN" } })).ok).toBe(true);
    // The blocked admin is no active admin: demoting them leaves `last`.
    expect((await changeUserRole({ actor: actorOf(await reload(last.id)), input: { userId: stale.id, role: "MEMBER" } })).ok).toBe(true);
  });

  it("is not the last while another admin is active: one admin blocks or demotes another", async () => {
    const [first, second, third] = await Promise.all([createActor("ADMIN"), createActor("ADMIN"), createActor("ADMIN")]);
    expect((await blockUser({ actor: first, input: { userId: second.id, reason } })).ok).toBe(true);
    expect((await changeUserRole({ actor: first, input: { userId: third.id, role: "COORDINATOR" } })).ok).toBe(true);
  });

  it("counts an admin whose block ran out as active", async () => {
    const [back, other] = await Promise.all([createActor("ADMIN"), createActor("ADMIN")]);
    await db.user.update({
      where: { id: back.id },
      data: { blockedAt: new Date(Date.now() - 86_400_000), blockedUntil: new Date(Date.now() - 1000) },
    });
    expect((await blockUser({ actor: back, input: { userId: other.id, reason } })).ok).toBe(true);
  });

  it("survives two admins blocking each other at the same moment: exactly one block goes through", async () => {
    const [a, b] = await Promise.all([createActor("ADMIN"), createActor("ADMIN")]);
    const results = await Promise.all([
      blockUser({ actor: a, input: { userId: b.id, reason } }),
      blockUser({ actor: b, input: { userId: a.id, reason } }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, error: "user.lastAdmin" }]);
    const blocked = (await Promise.all([reload(a.id), reload(b.id)])).filter((user) => user.blockedAt !== null);
    expect(blocked).toHaveLength(1);
    expect(await db.auditLog.count({ where: { action: "user.block", targetId: { in: [a.id, b.id] } } })).toBe(1);
  });

  it("survives two admins demoting each other at the same moment: one admin remains", async () => {
    const [a, b] = await Promise.all([createActor("ADMIN"), createActor("ADMIN")]);
    const results = await Promise.all([
      changeUserRole({ actor: a, input: { userId: b.id, role: "MEMBER" } }),
      changeUserRole({ actor: b, input: { userId: a.id, role: "MEMBER" } }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(await db.user.count({ where: { id: { in: [a.id, b.id] }, role: "ADMIN" } })).toBe(1);
  });

  it("refuses blocking oneself and changing one's own role, for an admin who is the last one too", async () => {
    const only = await createActor("ADMIN");
    expect(await blockUser({ actor: only, input: { userId: only.id, reason } })).toEqual({ ok: false, error: "user.notFound" });
    expect(await changeUserRole({ actor: only, input: { userId: only.id, role: "MEMBER" } })).toEqual({
      ok: false,
      error: "user.notFound",
    });
    expect(await reload(only.id)).toMatchObject({ role: "ADMIN", blockedAt: null });
    expect(await db.auditLog.count({ where: { targetId: only.id } })).toBe(0);
  });

  it("a coordinator cannot block an admin at all", async () => {
    const [coordinator, target, other] = await Promise.all([
      createActor("COORDINATOR"),
      createUser({ role: "ADMIN" }),
      createActor("ADMIN"),
    ]);
    expect(other.role).toBe("ADMIN");
    expect(await blockUser({ actor: coordinator, input: { userId: target.id, reason } })).toEqual({ ok: false, error: "user.notFound" });
  });
});
