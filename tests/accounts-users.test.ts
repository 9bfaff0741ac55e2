import { beforeAll, describe, expect, it } from "vitest";
import { changeUserRole, setUserBlocked } from "@/lib/accounts/service";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/policy/permissions";
import { actorOf, createActor, createMunicipality, createUser } from "./support/factories";

let coordinator: Actor;
let admin: Actor;
let municipalityId: string;

beforeAll(async () => {
  [coordinator, admin, { id: municipalityId }] = await Promise.all([
    createActor("COORDINATOR"),
    createActor("ADMIN"),
    createMunicipality(),
  ]);
});

const reload = (id: string) => db.user.findUniqueOrThrow({ where: { id } });
/** A block needs a reason (shown to the person at sign-in). */
const reason = "Herhaaldelijk ongepaste reacties (test)";

describe("setUserBlocked", () => {
  it("lets a coordinator block a member: blockedAt is set, sessionVersion raised, audit logged", async () => {
    const member = await createUser();
    const before = Date.now();
    expect(await setUserBlocked({ actor: coordinator, input: { userId: member.id, reason }, blocked: true })).toEqual({
      ok: true,
      data: null,
    });

    const after = await reload(member.id);
    expect(after.blockedAt).not.toBeNull();
    expect(after.blockedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(after.sessionVersion).toBe(member.sessionVersion + 1);
    const log = await db.auditLog.findMany({ where: { targetId: member.id } });
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ actorId: coordinator.id, action: "user.block", targetType: "User" });
  });

  it("lets a coordinator unblock again, and logs that too", async () => {
    const member = await createUser({ blocked: true });
    expect(await setUserBlocked({ actor: coordinator, input: { userId: member.id }, blocked: false })).toEqual({ ok: true, data: null });
    const after = await reload(member.id);
    expect(after.blockedAt).toBeNull();
    expect(after.sessionVersion).toBe(member.sessionVersion);
    expect(await db.auditLog.count({ where: { targetId: member.id, action: "user.unblock", actorId: coordinator.id } })).toBe(1);
  });

  it("lets a coordinator block a project leader and another coordinator", async () => {
    const [leader, colleague] = await Promise.all([createUser({ role: "PROJECT_LEADER" }), createUser({ role: "COORDINATOR" })]);
    for (const user of [leader, colleague]) {
      expect((await setUserBlocked({ actor: coordinator, input: { userId: user.id, reason }, blocked: true })).ok).toBe(true);
      expect((await reload(user.id)).blockedAt).not.toBeNull();
    }
  });

  it("lets an admin block another admin", async () => {
    const other = await createUser({ role: "ADMIN" });
    expect(await setUserBlocked({ actor: admin, input: { userId: other.id, reason }, blocked: true })).toEqual({ ok: true, data: null });
    expect((await reload(other.id)).blockedAt).not.toBeNull();
  });

  it.each(["MEMBER", "PROJECT_LEADER"] as const)("refuses a %s", async (role) => {
    const [actor, target] = await Promise.all([createActor(role), createUser()]);
    expect(await setUserBlocked({ actor, input: { userId: target.id, reason }, blocked: true })).toEqual({
      ok: false,
      error: "permission.denied",
    });
    const after = await reload(target.id);
    expect(after.blockedAt).toBeNull();
    expect(after.sessionVersion).toBe(target.sessionVersion);
    expect(await db.auditLog.count({ where: { targetId: target.id } })).toBe(0);
  });

  it("refuses a visitor without an account", async () => {
    const target = await createUser();
    expect(await setUserBlocked({ actor: null, input: { userId: target.id, reason }, blocked: true })).toEqual({
      ok: false,
      error: "permission.denied",
    });
    expect((await reload(target.id)).blockedAt).toBeNull();
  });

  it("refuses a member who tries to unblock someone", async () => {
    const [actor, target] = await Promise.all([createActor("MEMBER"), createUser({ blocked: true })]);
    expect(await setUserBlocked({ actor, input: { userId: target.id }, blocked: false })).toEqual({
      ok: false,
      error: "permission.denied",
    });
    expect((await reload(target.id)).blockedAt).not.toBeNull();
  });

  it("does not let a coordinator block an admin", async () => {
    const target = await createUser({ role: "ADMIN" });
    expect(await setUserBlocked({ actor: coordinator, input: { userId: target.id, reason }, blocked: true })).toEqual({
      ok: false,
      error: "user.notFound",
    });
    const after = await reload(target.id);
    expect(after.blockedAt).toBeNull();
    expect(after.sessionVersion).toBe(target.sessionVersion);
    expect(await db.auditLog.count({ where: { targetId: target.id } })).toBe(0);
  });

  it("does not let a coordinator block themselves", async () => {
    const self = await createActor("COORDINATOR");
    expect(await setUserBlocked({ actor: self, input: { userId: self.id, reason }, blocked: true })).toEqual({
      ok: false,
      error: "user.notFound",
    });
    expect((await reload(self.id)).blockedAt).toBeNull();
  });

  it("does not let an admin block themselves", async () => {
    expect(await setUserBlocked({ actor: admin, input: { userId: admin.id, reason }, blocked: true })).toEqual({
      ok: false,
      error: "user.notFound",
    });
    expect((await reload(admin.id)).blockedAt).toBeNull();
  });

  it("answers notFound for an unknown user and a form error for a missing id", async () => {
    expect(await setUserBlocked({ actor: coordinator, input: { userId: "bestaat-niet", reason }, blocked: true })).toEqual({
      ok: false,
      error: "user.notFound",
    });
    const missing = await setUserBlocked({ actor: coordinator, input: {}, blocked: true });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error).toBe("form.invalid");
  });
});

describe("changeUserRole", () => {
  it("lets an admin make a member a coordinator and logs it", async () => {
    const member = await createUser();
    expect(await changeUserRole({ actor: admin, input: { userId: member.id, role: "COORDINATOR" } })).toEqual({
      ok: true,
      data: { role: "COORDINATOR" },
    });
    expect(await reload(member.id)).toMatchObject({ role: "COORDINATOR", municipalityId: null });
    const log = await db.auditLog.findFirstOrThrow({ where: { targetId: member.id, action: "user.role" } });
    expect(log).toMatchObject({ actorId: admin.id, targetType: "User", data: { role: "COORDINATOR", municipalityId: null } });
  });

  it("lets an admin make a member a project leader of a municipality", async () => {
    const member = await createUser();
    const result = await changeUserRole({ actor: admin, input: { userId: member.id, role: "PROJECT_LEADER", municipalityId } });
    expect(result).toEqual({ ok: true, data: { role: "PROJECT_LEADER" } });
    expect(await reload(member.id)).toMatchObject({ role: "PROJECT_LEADER", municipalityId });
    expect(await db.auditLog.count({ where: { targetId: member.id, action: "user.role", actorId: admin.id } })).toBe(1);
  });

  it("lets an admin make someone an admin", async () => {
    const coordinatorUser = await createUser({ role: "COORDINATOR" });
    expect((await changeUserRole({ actor: admin, input: { userId: coordinatorUser.id, role: "ADMIN" } })).ok).toBe(true);
    expect((await reload(coordinatorUser.id)).role).toBe("ADMIN");
  });

  it("requires a municipality for a project leader", async () => {
    const member = await createUser();
    for (const missing of [undefined, null, ""]) {
      const result = await changeUserRole({ actor: admin, input: { userId: member.id, role: "PROJECT_LEADER", municipalityId: missing } });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error).toBe("form.invalid");
      expect(result.fieldErrors?.municipalityId).toEqual(["municipality.requiredForProjectLeader"]);
    }
    expect((await reload(member.id)).role).toBe("MEMBER");
    expect(await db.auditLog.count({ where: { targetId: member.id } })).toBe(0);
  });

  it("refuses an unknown municipality", async () => {
    const member = await createUser();
    const result = await changeUserRole({
      actor: admin,
      input: { userId: member.id, role: "PROJECT_LEADER", municipalityId: "bestaat-niet" },
    });
    expect(result).toEqual({ ok: false, error: "form.invalid", fieldErrors: { municipalityId: ["municipality.unknown"] } });
    expect((await reload(member.id)).role).toBe("MEMBER");
  });

  it.each(["MEMBER", "PROJECT_LEADER", "COORDINATOR"] as const)("refuses a %s", async (role) => {
    const [actor, target] = await Promise.all([createActor(role), createUser()]);
    expect(await changeUserRole({ actor, input: { userId: target.id, role: "COORDINATOR" } })).toEqual({
      ok: false,
      error: "permission.denied",
    });
    expect((await reload(target.id)).role).toBe("MEMBER");
    expect(await db.auditLog.count({ where: { targetId: target.id } })).toBe(0);
  });

  it("refuses a coordinator who tries to promote themselves", async () => {
    const self = await createActor("COORDINATOR");
    expect(await changeUserRole({ actor: self, input: { userId: self.id, role: "ADMIN" } })).toEqual({
      ok: false,
      error: "permission.denied",
    });
    expect((await reload(self.id)).role).toBe("COORDINATOR");
  });

  it("does not let an admin change their own role", async () => {
    const self = actorOf(await createUser({ role: "ADMIN" }));
    expect(await changeUserRole({ actor: self, input: { userId: self.id, role: "MEMBER" } })).toEqual({
      ok: false,
      error: "user.notFound",
    });
    expect((await reload(self.id)).role).toBe("ADMIN");
  });

  it("answers notFound for an unknown user and refuses an unknown role", async () => {
    expect(await changeUserRole({ actor: admin, input: { userId: "bestaat-niet", role: "MEMBER" } })).toEqual({
      ok: false,
      error: "user.notFound",
    });
    const member = await createUser();
    const result = await changeUserRole({ actor: admin, input: { userId: member.id, role: "GOD" } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.fieldErrors?.role).toEqual(["role.invalid"]);
  });
});
