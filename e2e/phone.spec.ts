import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, expectNoA11yViolations, nl, submitSignIn, test } from "./fixtures";
import { databaseUrl, query } from "./support/database";
import { seedDiscussionWorld, type DiscussionWorld } from "./support/discussion-world";

/**
 * The portal on a phone (375 px): the collapsed main menu by keyboard, the
 * sort select of the updates' card view, breadcrumbs, and the "Nieuwe update"
 * call to action, in a world of its own (no demo data).
 */
test.use({ viewport: { width: 375, height: 740 } });

type PhoneWorld = DiscussionWorld & { slug: string; titles: string[] };

/** The discussion world plus two more updates in its municipality, titled so the alphabet orders them. */
async function seedPhoneWorld(): Promise<PhoneWorld> {
  const world = await seedDiscussionWorld(databaseUrl(), { members: 1 });
  const tag = randomBytes(4).toString("hex");
  const [{ slug, experimentId } = { slug: "", experimentId: "" }] = await query<{ slug: string; experimentId: string }>(
    `SELECT m.slug, e.id AS "experimentId" FROM "Update" u JOIN "Experiment" e ON e.id = u."experimentId"
     JOIN "Municipality" m ON m.id = e."municipalityId" WHERE u.id = $1`,
    [world.updateId],
  );
  const titles = [`Appelboom ${tag}`, `Berkenlaan ${tag}`, `Citroenplein ${tag}`];
  await query(`UPDATE "Update" SET title = $1 WHERE id = $2`, [titles[1], world.updateId]);
  // Published on different days, so newest first is neither alphabetical order.
  for (const [title, days] of [
    [titles[0], 1],
    [titles[2], 2],
  ] as const) {
    await query(
      `INSERT INTO "Update" (id, "experimentId", "authorId", title, body, phase, status, "publishedAt", "updatedAt")
       VALUES ($1, $2, $3, $4, 'Een update voor de telefoontest.', 'UITVOERING', 'PUBLISHED', now() - make_interval(days => $5::int), now())`,
      [`e2ep${randomBytes(8).toString("hex")}`, experimentId, world.author.id, title, days],
    );
  }
  return { ...world, slug, titles };
}

/** Signs in at phone width: the person's name sits in the collapsed menu, so wait for the page instead. */
async function signInOnPhone(page: Page, email: string, password: string) {
  await submitSignIn(page, email, password);
  await page.waitForURL((url) => url.pathname !== "/inloggen");
  await expect(page.getByRole("button", { name: nl("nav.menu"), exact: true })).toBeVisible();
}

let world: PhoneWorld;
test.beforeAll(async () => {
  world = await seedPhoneWorld();
});

test("the menu button opens and closes the main menu with the keyboard, and a menu link navigates", async ({ page }) => {
  await signInOnPhone(page, world.members[0]!.email, world.password);
  const button = page.getByRole("button", { name: nl("nav.menu"), exact: true });
  const menu = page.getByRole("navigation", { name: nl("nav.label") });
  await expect(button).toHaveAttribute("aria-expanded", "false");
  await expect(menu).toBeHidden();
  await expect(page.getByTestId("current-user")).toBeHidden();
  // The header is one row: it stays low on the phone.
  expect((await page.locator("header").first().boundingBox())!.height).toBeLessThan(80);

  await button.focus();
  await page.keyboard.press("Enter");
  await expect(button).toHaveAttribute("aria-expanded", "true");
  await expect(menu).toBeVisible();
  await expect(page.getByTestId("current-user")).toBeVisible();
  await expectNoA11yViolations(page);

  // Escape from inside the menu closes it and puts focus back on the button.
  await page.keyboard.press("Tab");
  await expect(menu.getByRole("link").first()).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await expect(button).toBeFocused();
  await expect(button).toHaveAttribute("aria-expanded", "false");

  await page.keyboard.press("Space");
  await expect(menu).toBeVisible();
  await expect(menu.getByRole("link", { name: nl("nav.home"), exact: true })).toHaveAttribute("aria-current", "page");
  await menu.getByRole("link", { name: nl("nav.opgaven"), exact: true }).click();
  await expect(page).toHaveURL("/opgaven");
  // A new page starts with the menu closed, and marks where you are.
  await expect(menu).toBeHidden();
  await button.click();
  await expect(menu.getByRole("link", { name: nl("nav.opgaven"), exact: true })).toHaveAttribute("aria-current", "page");
  // Members see no admin group.
  await expect(page.getByText(nl("nav.admin"), { exact: true })).toHaveCount(0);
});

test("the card view of /updates sorts by the select and keeps the filter in the address", async ({ page }) => {
  await signInOnPhone(page, world.members[0]!.email, world.password);
  await page.goto(`/updates?municipality=${world.slug}`);
  const cards = page.getByRole("list", { name: nl("updatesTable.caption") });
  const titles = cards
    .getByRole("listitem")
    .getByRole("link")
    .filter({ hasText: /Appelboom|Berkenlaan|Citroenplein/ });
  const [apple, birch, lemon] = world.titles;
  // Newest first by default.
  await expect(titles).toHaveText([birch!, apple!, lemon!]);

  const select = page.getByLabel(nl("dataTable.sortLabel"), { exact: true });
  const column = nl("updatesTable.columns.title");
  await select.selectOption({ label: nl("dataTable.sortAscending", { column }) });
  await expect(page).toHaveURL(/sort=title/);
  await expect(titles).toHaveText([apple!, birch!, lemon!]);
  await select.selectOption({ label: nl("dataTable.sortDescending", { column }) });
  await expect(titles).toHaveText([lemon!, birch!, apple!]);
  const url = new URL(page.url());
  expect(url.searchParams.get("municipality")).toBe(world.slug);
  expect(url.searchParams.get("sort")).toBe("title");
  // Descending is the default direction, left out of the address.
  expect(url.searchParams.get("dir") ?? "desc").toBe("desc");
  await expect(select).toHaveValue("title:desc");
  // The table's own headers are not on a phone; the page still fits it.
  await expect(page.getByRole("region", { name: nl("updatesTable.caption") })).toBeHidden();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await expectNoA11yViolations(page);
});

test("the breadcrumbs on an update page link back to the updates", async ({ page }) => {
  await signInOnPhone(page, world.members[0]!.email, world.password);
  await page.goto(`/updates/${world.updateId}`);
  const trail = page.getByRole("navigation", { name: nl("nav.breadcrumbs") });
  await expect(trail.getByRole("link")).toHaveText([nl("nav.home"), nl("nav.updates")]);
  await expect(trail.locator('[aria-current="page"]')).toHaveText(world.titles[1]!);
  await trail.getByRole("link", { name: nl("nav.updates"), exact: true }).click();
  await expect(page).toHaveURL("/updates");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("a project leader has the call to action Nieuwe update; a member has none", async ({ page, newContext }) => {
  await signInOnPhone(page, world.author.email, world.password);
  const cta = page.getByRole("main").getByRole("link", { name: nl("nav.newUpdate"), exact: true });
  await expect(cta).toBeVisible();
  await page.getByRole("button", { name: nl("nav.menu"), exact: true }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: nl("nav.newUpdate"), exact: true })).toBeVisible();
  await cta.click();
  await expect(page).toHaveURL("/updates/nieuw");

  const member = await (await newContext({ viewport: { width: 375, height: 740 } })).newPage();
  await signInOnPhone(member, world.members[0]!.email, world.password);
  await member.getByRole("button", { name: nl("nav.menu"), exact: true }).click();
  await expect(member.getByRole("navigation", { name: nl("nav.label") })).toBeVisible();
  await expect(member.getByRole("link", { name: nl("nav.newUpdate") })).toHaveCount(0);
});
