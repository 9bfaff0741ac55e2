import { beforeAll, describe, expect, it } from "vitest";
import { getUserForStaff, listUsers, usersTableWhere } from "@/lib/accounts/queries";
import { parseUsersTableParams } from "@/lib/accounts/table-params";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/policy/permissions";
import { actorOf, createUser, unique } from "./support/factories";

let coordinator: Actor;
let tag: string;
const people: Record<string, string> = {};

beforeAll(async () => {
  tag = `lijst${unique()}`;
  coordinator = actorOf(await createUser({ role: "COORDINATOR" }));
  const make = async (key: string, name: string, role: "MEMBER" | "PROJECT_LEADER" | "ADMIN") =>
    (people[key] = (await createUser({ role, name: `${name} ${tag}`, email: `${key}-${tag}@example.nl` })).id);
  await make("anna", "Anna Aalders", "MEMBER");
  await make("bert", "Bert Bakker", "PROJECT_LEADER");
  await make("cor", "Cor Claassen", "ADMIN");
  await make("dina", "Dina Dekker", "MEMBER");
  await db.user.update({ where: { id: people.dina }, data: { blockedAt: new Date(), blockReason: "test" } });
});

const names = async (query: Record<string, string>, actor: Actor = coordinator) =>
  (await listUsers(actor, parseUsersTableParams({ q: tag, ...query }))).rows.map((user) => user.name.split(" ")[0]);

describe("the people list", () => {
  it("searches name and email, filters by role and status, and sorts", async () => {
    expect(await names({})).toEqual(["Anna", "Bert", "Cor", "Dina"]);
    expect(await names({ q: `bakker ${tag}` })).toEqual(["Bert"]);
    expect(await names({ q: `cor-${tag}@` })).toEqual(["Cor"]);
    expect(await names({ role: "MEMBER" })).toEqual(["Anna", "Dina"]);
    expect(await names({ status: "blocked" })).toEqual(["Dina"]);
    expect(await names({ status: "active", role: "MEMBER" })).toEqual(["Anna"]);
    expect(await names({ dir: "desc" })).toEqual(["Dina", "Cor", "Bert", "Anna"]);
    // Bad values fall back: an unknown role filters nothing.
    expect(await names({ role: "GOD", status: "weg" })).toEqual(["Anna", "Bert", "Cor", "Dina"]);
  });

  it("pages, with the total over all pages", async () => {
    const result = await listUsers(coordinator, parseUsersTableParams({ q: tag, perPage: "25", page: "2" }));
    expect(result).toMatchObject({ rows: [], total: 4, pageCount: 1 });
  });

  it("keeps its filters in one condition", () => {
    expect(usersTableWhere({ q: "", role: null, status: null }, new Date())).toEqual({ AND: [] });
  });

  it.each(["MEMBER", "PROJECT_LEADER"] as const)("shows a %s nobody", async (role) => {
    const actor = actorOf(await createUser({ role }));
    expect(await listUsers(actor, parseUsersTableParams({}))).toEqual({ rows: [], total: 0, pageCount: 1 });
    expect(await getUserForStaff(actor, people.anna!)).toBeNull();
  });
});
