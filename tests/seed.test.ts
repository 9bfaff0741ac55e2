import { describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/accounts/password";
import { db } from "@/lib/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { isListedUpdate } from "@/lib/policy/updates";
import { DEMO_MARK, DEMO_PASSWORD, demoExperiments, demoMunicipalities, demoOpgaven, demoThemes, demoUsers } from "@/lib/seed/demo-data";
import { demoLessons } from "@/lib/seed/demo-lessons";
import { demoUpdates } from "@/lib/seed/demo-updates";
import { isDatabaseEmpty, seedDemo } from "@/lib/seed/seed";
import { createUser, uniqueEmail } from "./support/factories";

// lib/db's proxy forwards to a real PrismaClient; seedDemo takes the client type.
const prisma = db as unknown as PrismaClient;

/** Row counts of everything the seed writes. */
async function counts() {
  const [municipalities, wijken, opgaven, themes, users, experiments, settings, updates] = await Promise.all([
    db.municipality.count(),
    db.neighbourhood.count(),
    db.opgave.count(),
    db.theme.count(),
    db.user.count(),
    db.experiment.count(),
    db.setting.count(),
    db.update.count({ where: { status: "PUBLISHED" } }),
  ]);
  return { municipalities, wijken, opgaven, themes, users, experiments, settings, updates };
}

// The tests build on each other: an empty database, a first seed, a refused
// second seed, a forced re-seed. This file has its own database.
describe.sequential("seedDemo", () => {
  let firstSeed: Awaited<ReturnType<typeof counts>>;

  it("starts from an empty database", async () => {
    expect(await isDatabaseEmpty(prisma)).toBe(true);
  });

  it("seeds an empty database with the demo programme", async () => {
    expect(await seedDemo(prisma)).toEqual({ seeded: true });
    expect(await isDatabaseEmpty(prisma)).toBe(false);
    firstSeed = await counts();
    expect(firstSeed).toEqual({
      municipalities: demoMunicipalities.length,
      wijken: demoMunicipalities.reduce((sum, municipality) => sum + municipality.wijken.length, 0),
      opgaven: demoOpgaven.length,
      themes: 3,
      users: demoUsers.length,
      experiments: demoExperiments.length,
      settings: 1,
      updates: demoUpdates.length,
    });
  });

  it("creates the municipalities named in the programme, with their CBS codes", async () => {
    const municipalities = await db.municipality.findMany({ select: { name: true, cbsCode: true } });
    expect(municipalities).toEqual(
      expect.arrayContaining([
        { name: "Tilburg", cbsCode: "GM0855" },
        { name: "Dordrecht", cbsCode: "GM0505" },
        { name: "Den Haag", cbsCode: "GM0518" },
        { name: "Groningen", cbsCode: "GM0014" },
      ]),
    );
    const tilburg = await db.municipality.findUniqueOrThrow({ where: { cbsCode: "GM0855" }, include: { wijken: true } });
    expect(tilburg.wijken.map((wijk) => wijk.cbsCode)).toContain("WK085501");
  });

  it("creates the opgaven and the programme's three themes", async () => {
    const opgaven = await db.opgave.findMany({ select: { name: true } });
    expect(opgaven.map((opgave) => opgave.name)).toEqual(expect.arrayContaining(["Energietransitie / aardgasvrij", "Armoede en schulden"]));
    const themes = await db.theme.findMany({ orderBy: { sortOrder: "asc" }, select: { name: true } });
    expect(themes.map((theme) => theme.name)).toEqual(demoThemes.map((theme) => theme.name));
    expect(themes.map((theme) => theme.name)).toEqual([
      "De leefwereld van bewoners",
      "Mensgerichte koppelkansen",
      "Gebiedsgerichte koppelkansen",
    ]);
  });

  it("creates at least one user per role, marked as demo, with the demo password", async () => {
    const users = await db.user.findMany({ select: { email: true, name: true, role: true, municipalityId: true, passwordHash: true } });
    for (const role of ["MEMBER", "PROJECT_LEADER", "COORDINATOR", "ADMIN"] as const) {
      expect(users.filter((user) => user.role === role).length, role).toBeGreaterThanOrEqual(1);
    }
    for (const user of users) expect(user.name).toMatch(/\(demo\)$/);
    for (const leader of users.filter((user) => user.role === "PROJECT_LEADER")) expect(leader.municipalityId).not.toBeNull();
    const admin = users.find((user) => user.email === "beheerder@example.nl");
    expect(admin?.role).toBe("ADMIN");
    expect(admin?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(admin?.passwordHash, DEMO_PASSWORD)).toBe(true);
  });

  it("creates experiments titled with the demo mark, linked to wijken and leaders", async () => {
    const experiments = await db.experiment.findMany({ include: { wijken: true, leaders: true, municipality: true } });
    expect(experiments.length).toBeGreaterThan(0);
    for (const experiment of experiments) {
      expect(experiment.title.startsWith(`${DEMO_MARK} `)).toBe(true);
      expect(experiment.title).toContain("[Demo]");
      for (const wijk of experiment.wijken) expect(wijk.municipalityId).toBe(experiment.municipalityId);
    }
    const lego = experiments.find((experiment) => experiment.title.includes("Legosessie"));
    expect(lego?.municipality.cbsCode).toBe("GM0855");
    expect(lego?.leaders.length).toBeGreaterThan(0);
    expect(await db.setting.findUnique({ where: { key: "demo" } })).toMatchObject({ value: true });
  });

  it("refuses a second seed without force and changes nothing", async () => {
    const result = await seedDemo(prisma);
    expect(result.seeded).toBe(false);
    expect(result.reason).toBeTruthy();
    expect(await counts()).toEqual(firstSeed);
  });

  it("refuses any non-empty database without force, keeping what a person made", async () => {
    const email = uniqueEmail("echt");
    await createUser({ email });
    expect((await seedDemo(prisma)).seeded).toBe(false);
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it("re-seeds with force: the same counts as the first seed, and other data is wiped", async () => {
    expect(await db.user.count()).toBe(firstSeed.users + 1);
    expect(await seedDemo(prisma, { force: true })).toEqual({ seeded: true });
    expect(await counts()).toEqual(firstSeed);
    expect(await db.user.count({ where: { email: { startsWith: "echt-" } } })).toBe(0);
    expect(await db.user.count({ where: { email: "beheerder@example.nl" } })).toBe(1);
  });
  it("writes demo updates that say they are demo text, each with a revision", async () => {
    const updates = await db.update.findMany({ include: { _count: { select: { revisions: true, opgaven: true, themes: true } } } });
    expect(updates.length).toBe(demoUpdates.length);
    for (const update of updates) {
      expect(update.body).toContain("demotekst");
      expect(update._count).toMatchObject({ revisions: 1 });
      expect(update._count.opgaven).toBeGreaterThan(0);
      expect(update._count.themes).toBeGreaterThan(0);
    }
  });

  it("writes the demo lessons in every status, each marked as demo text and citing listed demo updates", async () => {
    const lessons = await db.lesson.findMany({ include: { evidence: { include: { update: true } } } });
    expect(lessons.map((lesson) => lesson.title).sort()).toEqual(demoLessons.map((lesson) => lesson.title).sort());
    expect(new Set(lessons.map((lesson) => lesson.status))).toEqual(new Set(["HYPOTHESE", "ONDERBOUWD", "BEVESTIGD"]));
    for (const lesson of lessons) {
      expect(lesson.body).toContain("demotekst");
      expect(lesson.evidence.length).toBeGreaterThan(0);
      for (const evidence of lesson.evidence) expect(evidence.update && isListedUpdate(evidence.update)).toBe(true);
    }
  });
});
