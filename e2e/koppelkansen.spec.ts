import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, expectNoA11yViolations, nl, signIn, test } from "./fixtures";
import { databaseUrl, query } from "./support/database";
import { seedDiscussionWorld, type DiscussionWorld } from "./support/discussion-world";

/**
 * The koppelkansen matrix end to end, in a world of its own: two new opgaven
 * and updates carrying them — two listed ones with both, one with only the
 * first, and a hidden, a withdrawn and a draft one with both that must not count.
 */
type MatrixWorld = DiscussionWorld & { first: string; second: string; both: string[]; uncounted: string[] };

async function seedMatrixWorld(): Promise<MatrixWorld> {
  const world = await seedDiscussionWorld(databaseUrl(), { members: 1 });
  const tag = randomBytes(4).toString("hex");
  const opgaven = [`Koppeltest warmte ${tag}`, `Koppeltest armoede ${tag}`];
  const ids: string[] = [];
  for (const [index, name] of opgaven.entries()) {
    const id = `e2eo${index}${tag}`;
    ids.push(id);
    await query(`INSERT INTO "Opgave" (id, name, slug, "sortOrder", "updatedAt") VALUES ($1, $2, $3, 900, now())`, [
      id,
      name,
      `koppeltest-${index}-${tag}`,
    ]);
  }
  const [experiment] = await query<{ experimentId: string }>(`SELECT "experimentId" FROM "Update" WHERE id = $1`, [world.updateId]);
  const updates: { title: string; opgaven: string[]; status: string; hidden?: boolean; daysAgo: number | null }[] = [
    { title: `Warmte en armoede samen, eerste ${tag}`, opgaven: ids, status: "PUBLISHED", daysAgo: 1 },
    { title: `Warmte en armoede samen, tweede ${tag}`, opgaven: ids, status: "PUBLISHED", daysAgo: 2 },
    { title: `Alleen warmte ${tag}`, opgaven: [ids[0]!], status: "PUBLISHED", daysAgo: 3 },
    { title: `Verborgen samen ${tag}`, opgaven: ids, status: "PUBLISHED", hidden: true, daysAgo: 4 },
    { title: `Ingetrokken samen ${tag}`, opgaven: ids, status: "WITHDRAWN", daysAgo: 5 },
    { title: `Concept samen ${tag}`, opgaven: ids, status: "DRAFT", daysAgo: null },
  ];
  for (const [index, update] of updates.entries()) {
    const id = `e2eu${index}${tag}`;
    await query(
      `INSERT INTO "Update" (id, "experimentId", "authorId", title, body, phase, status, "publishedAt", "withdrawnAt", "hiddenAt", "updatedAt")
       VALUES ($1, $2, $3, $4, 'Samen aangepakt (e2e).', 'UITVOERING', $5::"UpdateStatus",
               now() - make_interval(days => $6::int), CASE WHEN $5 = 'WITHDRAWN' THEN now() END, CASE WHEN $7 THEN now() END, now())`,
      [id, experiment!.experimentId, world.author.id, update.title, update.status, update.daysAgo ?? 0, update.hidden ?? false],
    );
    if (update.daysAgo === null) await query(`UPDATE "Update" SET "publishedAt" = NULL WHERE id = $1`, [id]);
    for (const opgaveId of update.opgaven)
      await query(`INSERT INTO "UpdateOpgave" ("updateId", "opgaveId") VALUES ($1, $2)`, [id, opgaveId]);
  }
  return {
    ...world,
    first: opgaven[0]!,
    second: opgaven[1]!,
    both: updates.slice(0, 2).map((update) => update.title),
    uncounted: updates.slice(3).map((update) => update.title),
  };
}

/** The matrix cell in the row of opgave `row` and the column of opgave `column`. */
async function matrixCell(page: Page, row: string, column: string) {
  const table = page.locator("main table").first();
  const headers = await table.locator("thead th").allInnerTexts();
  const index = headers.findIndex((text) => text.trim() === column);
  expect(index, `a column for ${column}`).toBeGreaterThan(0);
  return table
    .locator("tbody tr")
    .filter({ has: page.locator("th", { hasText: row }) })
    .locator("td")
    .nth(index - 1);
}

test("the matrix cell of two opgaven counts the listed updates carrying both, and leads to exactly those updates", async ({ page }) => {
  test.setTimeout(120_000);
  const world = await seedMatrixWorld();
  await signIn(page, world.members[0]!.email, world.password);

  await page.goto("/koppelkansen");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(nl("koppelkansen.heading"));
  await expect(await matrixCell(page, world.first, world.second)).toHaveText("2");
  await expect(await matrixCell(page, world.second, world.first)).toHaveText("2");
  await expect(await matrixCell(page, world.first, world.first)).toHaveText("3");
  await expectNoA11yViolations(page);

  await (await matrixCell(page, world.first, world.second)).getByRole("link").click();
  await page.waitForURL((url) => url.pathname === "/updates");
  expect(new URL(page.url()).searchParams.get("opgaveMode")).toBe("all");
  await expect(page.locator("main table tbody tr")).toHaveCount(2);
  const titles = await page.locator("main table tbody tr td:first-child a").allInnerTexts();
  expect(titles.map((title) => title.trim()).sort()).toEqual([...world.both].sort());
  for (const title of world.uncounted) await expect(page.getByText(title)).toHaveCount(0);
});

test("the matrix fits a phone by scrolling inside its own region; a reversed or empty period says so instead of a grid", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const world = await seedMatrixWorld();
  await signIn(page, world.members[0]!.email, world.password);
  await page.setViewportSize({ width: 375, height: 800 });

  await page.goto("/koppelkansen?view=themes&measure=municipalities");
  const region = page.getByRole("region", { name: nl("koppelkansen.table.region") });
  await expect(region).toBeVisible();
  await expect(region).toHaveAttribute("tabindex", "0");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  expect(await region.evaluate((node) => node.scrollWidth > node.clientWidth)).toBe(true);
  await expectNoA11yViolations(page);

  await page.goto("/koppelkansen?from=2025-02-01&to=2025-01-31");
  await expect(page.getByRole("alert").filter({ hasText: nl("koppelkansen.reversedPeriod") })).toBeVisible();
  await expect(page.locator("main table")).toHaveCount(0);

  await page.goto("/koppelkansen?from=2099-01-01");
  await expect(page.getByRole("status").filter({ hasText: nl("koppelkansen.empty") })).toBeVisible();
  await expect(page.locator("main table")).toHaveCount(0);

  // A bad parameter falls back to its default: the page still answers.
  expect((await page.goto("/koppelkansen?view=%00&measure=x&from=2025-13-45"))?.status()).toBe(200);
  await expect(page.locator("main table")).toHaveCount(1);
});
