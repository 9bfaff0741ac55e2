import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/policy/permissions";
import { ANONYMOUS_NAME } from "@/lib/privacy/anonymous";
import { anonymiseOnBehalf, recordExportOnBehalf } from "@/lib/privacy/service";
import { LocalDiskStorage } from "@/lib/uploads/storage";
import { createActor, createUser, unique } from "./support/factories";
import { seedPerson } from "./support/privacy-fixtures";

let storage: LocalDiskStorage;
let admin: Actor;

beforeAll(async () => {
  storage = new LocalDiskStorage(path.join(await mkdtemp(path.join(tmpdir(), "kk-privacy-behalf-")), "uploads"));
  admin = await createActor("ADMIN");
});

const auditRows = (targetId: string) =>
  db.auditLog.findMany({ where: { targetId, action: { in: ["user.anonymise", "user.export-on-behalf"] } } });

describe("an admin handling a request on someone's behalf", () => {
  it("deletes the account, with the admin as the audit actor and counts only", async () => {
    const person = await seedPerson(`Dirk${unique()}`, { storage });
    expect(await anonymiseOnBehalf({ actor: admin, input: { userId: person.user.id, removeComments: "on", confirm: "on" } })).toEqual({
      ok: true,
      data: null,
    });
    const after = await db.user.findUniqueOrThrow({ where: { id: person.user.id } });
    expect(after).toMatchObject({ name: ANONYMOUS_NAME, passwordHash: null });
    expect(after.anonymisedAt).not.toBeNull();
    expect((await db.comment.findUniqueOrThrow({ where: { id: person.comment.id } })).deletedAt).not.toBeNull();
    const rows = await auditRows(person.user.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: "user.anonymise",
      actorId: admin.id,
      data: { onBehalf: true, commentsRemoved: true, counts: { comments: 1 } },
    });
    expect(JSON.stringify(rows[0])).not.toContain(person.user.email);
  });

  it("records handing out someone's export in the audit log", async () => {
    const person = await createUser();
    expect(await recordExportOnBehalf({ actor: admin, input: { userId: person.id } })).toEqual({ ok: true, data: { userId: person.id } });
    expect(await auditRows(person.id)).toMatchObject([{ action: "user.export-on-behalf", actorId: admin.id, targetType: "User" }]);
  });

  it("needs the tick that the request was checked", async () => {
    const person = await createUser();
    expect(await anonymiseOnBehalf({ actor: admin, input: { userId: person.id } })).toEqual({
      ok: false,
      error: "form.invalid",
      fieldErrors: { confirm: ["privacy.confirmRequired"] },
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: person.id } })).anonymisedAt).toBeNull();
    expect(await auditRows(person.id)).toEqual([]);
  });

  it("sends an admin's own account to the profile page, and refuses an account deleted before or unknown", async () => {
    expect(await anonymiseOnBehalf({ actor: admin, input: { userId: admin.id, confirm: "on" } })).toEqual({
      ok: false,
      error: "privacy.ownAccount",
    });
    const person = await createUser();
    expect((await anonymiseOnBehalf({ actor: admin, input: { userId: person.id, confirm: "on" } })).ok).toBe(true);
    expect(await anonymiseOnBehalf({ actor: admin, input: { userId: person.id, confirm: "on" } })).toEqual({
      ok: false,
      error: "privacy.alreadyAnonymised",
    });
    expect(await auditRows(person.id)).toHaveLength(1);
    expect(await anonymiseOnBehalf({ actor: admin, input: { userId: "nobody", confirm: "on" } })).toEqual({
      ok: false,
      error: "user.notFound",
    });
    expect(await recordExportOnBehalf({ actor: admin, input: { userId: "nobody" } })).toEqual({ ok: false, error: "user.notFound" });
    expect(await db.auditLog.count({ where: { targetId: "nobody" } })).toBe(0);
  });

  it.each(["MEMBER", "PROJECT_LEADER", "COORDINATOR"] as const)(
    "is refused to a %s, who changes nothing and leaves no audit row",
    async (role) => {
      const actor = await createActor(role);
      const person = await createUser();
      expect(await anonymiseOnBehalf({ actor, input: { userId: person.id, confirm: "on" } })).toEqual({
        ok: false,
        error: "permission.denied",
      });
      expect(await recordExportOnBehalf({ actor, input: { userId: person.id } })).toEqual({ ok: false, error: "permission.denied" });
      const after = await db.user.findUniqueOrThrow({ where: { id: person.id } });
      expect(after).toMatchObject({ name: person.name, email: person.email, anonymisedAt: null });
      expect(await auditRows(person.id)).toEqual([]);
    },
  );

  it("is refused to a visitor without an account", async () => {
    const person = await createUser();
    expect(await anonymiseOnBehalf({ actor: null, input: { userId: person.id, confirm: "on" } })).toEqual({
      ok: false,
      error: "permission.denied",
    });
    expect(await recordExportOnBehalf({ actor: null, input: { userId: person.id } })).toEqual({ ok: false, error: "permission.denied" });
    expect(await auditRows(person.id)).toEqual([]);
  });
});
