import { randomBytes } from "node:crypto";
import { expect, expectNoA11yViolations, nl, signIn, test, waitForHydration } from "./fixtures";
import { databaseUrl, query } from "./support/database";
import { seedDiscussionWorld, type DiscussionWorld } from "./support/discussion-world";

/**
 * Richer lists (issue 9): the home page's latest updates with excerpt, author
 * and "… geleden"; page numbers in the updates table's pager; "nuttig" tells
 * the update's author. A world of its own: the discussion world's project
 * leader and members, her update rewritten in Markdown, and eleven more
 * updates so the table has a second page at ten per page.
 */
type ListsWorld = DiscussionWorld & { title: string; tag: string; authorName: string };

async function seedListsWorld(): Promise<ListsWorld> {
  const world = await seedDiscussionWorld(databaseUrl(), { members: 1 });
  const tag = randomBytes(4).toString("hex");
  const title = `Lijstjes en buurten ${tag}`;
  const [{ experimentId } = { experimentId: "" }] = await query<{ experimentId: string }>(
    `SELECT "experimentId" FROM "Update" WHERE id = $1`,
    [world.updateId],
  );
  for (let n = 1; n <= 11; n++) {
    await query(
      `INSERT INTO "Update" (id, "experimentId", "authorId", title, body, phase, status, "publishedAt", "updatedAt")
       VALUES ($1, $2, $3, $4, 'Nog een update.', 'UITVOERING', 'PUBLISHED', now() - interval '10 days', now())`,
      [`e2el${tag}${n}`, experimentId, world.author.id, `Vulupdate ${n} ${tag}`],
    );
  }
  // The newest update of the programme (other specs publish too: only "just now" keeps it among the five latest), with
  // Markdown the excerpt must strip. The wording of older times is tested in tests/list-helpers.test.ts.
  await query(`UPDATE "Update" SET title = $2, body = $3, "publishedAt" = now() WHERE id = $1`, [
    world.updateId,
    title,
    `## Wat we deden\n\nWe hielden een **bewonersavond** over _warmte_ in de wijk ${tag}.\n\n![foto](/beelden/geen.webp)`,
  ]);
  await query(`UPDATE "User" SET name = $2 WHERE id = $1`, [world.members[0]!.id, `Fatima ${tag} (e2e)`]);
  const [{ name: authorName } = { name: "" }] = await query<{ name: string }>(`SELECT name FROM "User" WHERE id = $1`, [world.author.id]);
  return { ...world, title, tag, authorName };
}

test("the home page shows the latest update with its excerpt, author and how long ago", async ({ page }) => {
  const world = await seedListsWorld();
  await signIn(page, world.members[0]!.email, world.password);
  await page.goto("/");
  const item = page.getByTestId("latest-update").filter({ hasText: world.title });
  await expect(item).toContainText(`Wat we deden We hielden een bewonersavond over warmte in de wijk ${world.tag}.`);
  await expect(item).not.toContainText("**");
  await expect(item).toContainText(nl("homeLatest.by", { name: world.authorName }));
  const time = item.locator("time");
  await expect(time).toHaveText(/^(nu|\d+ seconden? geleden|1 minuut geleden)$/);
  await expect(time).toHaveAttribute("title", /\d{4}/);
  await expectNoA11yViolations(page);

  // The pager: numbered links that keep the URL's state and mark the current page.
  await page.goto("/updates?perPage=10");
  const pager = page.getByRole("navigation", { name: nl("dataTable.pagination") });
  await expect(pager.getByRole("link", { name: nl("dataTable.pageNumber", { page: 1 }), exact: true })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await waitForHydration(page, "main nav button");
  await pager.getByRole("link", { name: nl("dataTable.pageNumber", { page: 2 }), exact: true }).click();
  await page.waitForURL((url) => url.searchParams.get("page") === "2" && url.searchParams.get("perPage") === "10");
  await expect(pager.getByRole("link", { name: nl("dataTable.pageNumber", { page: 2 }), exact: true })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expect(pager).toContainText(nl("dataTable.pageOf", { page: 2, pageCount: "" }).trim());
  await expectNoA11yViolations(page);
});

test("'nuttig' tells the update's author who found it useful", async ({ page, newContext }) => {
  const world = await seedListsWorld();
  const fatima = `Fatima ${world.tag} (e2e)`;
  await signIn(page, world.members[0]!.email, world.password);
  await page.goto(`/updates/${world.updateId}`);
  const button = page.getByRole("button", { name: nl("appreciation.button"), exact: true });
  await waitForHydration(page, "main button[aria-pressed]");
  await button.click();
  await expect(button).toHaveAttribute("aria-pressed", "true");

  const author = await (await newContext()).newPage();
  await signIn(author, world.author.email, world.password);
  await author.goto("/meldingen");
  const sentence = `${fatima} vond je update ‘${world.title}’ nuttig`;
  await expect(author.getByRole("listitem").filter({ hasText: sentence })).toHaveAttribute("data-read", "false");
  await expectNoA11yViolations(author);
});
