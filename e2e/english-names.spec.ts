import { randomBytes } from "node:crypto";
import { hashPassword } from "../lib/accounts/password";
import { expect, expectNoA11yViolations, signIn, switchLanguage, test } from "./fixtures";
import { query } from "./support/database";

// An English reader sees an opgave's English name wherever the portal names it (issue 9): the matrix, "Elders ook", tags, follows.

/** Ids as the routes accept them (lib/route-params.ts: lowercase letters and digits). */
type World = { email: string; password: string; name: string; nameEn: string; updateId: string };

/** An opgave with an English name on two published updates in two municipalities, and a member following it. */
async function seedWorld(): Promise<World> {
  const tag = randomBytes(5).toString("hex");
  const world = {
    email: `e2e-english-${tag}@example.nl`,
    password: `English-${tag}-2026`,
    name: `Warmte en groen ${tag} (e2e)`,
    nameEn: `Heat and greenery ${tag} (e2e)`,
    updateId: `e2eenupdate${tag}`,
  };
  const personId = `e2eenreader${tag}`;
  const opgaveId = `e2eenopgave${tag}`;
  await query(`INSERT INTO "User" (id, email, name, "passwordHash", role, "updatedAt") VALUES ($1, $2, $3, $4, 'MEMBER', now())`, [
    personId,
    world.email,
    `Reader ${tag} (e2e)`,
    await hashPassword(world.password),
  ]);
  await query(`INSERT INTO "Opgave" (id, name, "nameEn", slug, "sortOrder", "updatedAt") VALUES ($1, $2, $3, $4, 0, now())`, [
    opgaveId,
    world.name,
    world.nameEn,
    `e2e-warmte-${tag}`,
  ]);
  // One experiment in each of two municipalities, so one update is "elsewhere" for the other.
  await query(
    `WITH picked AS (
       SELECT d.id, row_number() OVER (ORDER BY d."municipalityId") AS n
         FROM (SELECT DISTINCT ON ("municipalityId") id, "municipalityId" FROM "Experiment" ORDER BY "municipalityId", id) d
        LIMIT 2),
     author AS (SELECT id FROM "User" WHERE role = 'PROJECT_LEADER' ORDER BY email LIMIT 1),
     added AS (
       INSERT INTO "Update" (id, "experimentId", "authorId", title, body, phase, status, "publishedAt", "updatedAt")
       SELECT CASE WHEN p.n = 1 THEN $1 ELSE $1 || 'elders' END, p.id, author.id,
              'Warmte en groen ' || p.n || ' (e2e)', 'Bomen en warmtepompen in de straat (e2e).', 'UITVOERING', 'PUBLISHED', now(), now()
         FROM picked p, author RETURNING id)
     INSERT INTO "UpdateOpgave" ("updateId", "opgaveId") SELECT id, $2 FROM added`,
    [world.updateId, opgaveId],
  );
  await query(`INSERT INTO "Follow" (id, "userId", "targetType", "targetId") VALUES ($1, $2, 'OPGAVE', $3)`, [
    `e2eenfollow${tag}`,
    personId,
    opgaveId,
  ]);
  return world;
}

test("in English, the matrix, an update's tags and Elders ook, and the follows list name the opgave in English", async ({ page }) => {
  const world = await seedWorld();
  await signIn(page, world.email, world.password);
  expect(await switchLanguage(page)).toBe("en");

  await page.goto("/koppelkansen");
  const matrix = page.getByRole("table");
  await expect(matrix.getByRole("columnheader", { name: world.nameEn, exact: true })).toBeVisible();
  await expect(matrix.getByRole("rowheader", { name: world.nameEn, exact: true })).toBeVisible();
  await expect(matrix).not.toContainText(world.name);
  await expectNoA11yViolations(page);

  await page.goto(`/updates/${world.updateId}`);
  const main = page.getByRole("main");
  await expect(main.getByRole("link", { name: world.nameEn, exact: true }).first()).toBeVisible();
  await expect(page.getByTestId("related-elsewhere")).toContainText(world.nameEn);
  await expect(main).not.toContainText(world.name);

  await page.goto("/volgend");
  await expect(page.getByRole("main").getByRole("link", { name: world.nameEn, exact: true })).toBeVisible();
});
