import AxeBuilder from "@axe-core/playwright";
import { en, expect, expectNoA11yViolations, nl, signIn, signOut, switchLanguage, test } from "./fixtures";
import { query } from "./support/database";
import { seedPerson } from "./support/defects-world";

// The defects found when the portal was tried as a new user would (issue 9), each pinned by a test.

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

test("the language saved on the account comes back at the next sign-in in another browser", async ({ page, newContext }) => {
  const person = await seedPerson("locale");
  await signIn(page, person.email, person.password);
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  expect(await switchLanguage(page)).toBe("en");
  await signOut(page);

  const elsewhere = await (await newContext()).newPage();
  await signIn(elsewhere, person.email, person.password);
  await expect(elsewhere.locator("html")).toHaveAttribute("lang", "en");
});

test("the notification bell's accessible name contains its visible text while notifications are unread", async ({ page }) => {
  const person = await seedPerson("bell");
  await query(
    `INSERT INTO "Notification" (id, "userId", kind, "updateId")
     SELECT 'e2e-bell-' || md5(random()::text), $1, 'FOLLOWED_UPDATE', id FROM "Update" WHERE status = 'PUBLISHED' AND "hiddenAt" IS NULL LIMIT 2`,
    [person.id],
  );
  await signIn(page, person.email, person.password);
  const bell = page.getByTestId("notification-bell");
  await expect(bell).toContainText("2");
  await expect(bell).toHaveAccessibleName(new RegExp(`^${escapeRegExp(nl("notifications.bell.label"))}\\b.*2`));
  const mismatch = await new AxeBuilder({ page })
    .include('[data-testid="notification-bell"]')
    .withRules(["label-content-name-mismatch"])
    .analyze();
  expect(mismatch.violations.map((violation) => violation.id)).toEqual([]);
  await expectNoA11yViolations(page);
});

test("editing an update one may read but not edit says so (403); one they may not see stays 404", async ({ page }) => {
  const person = await seedPerson("edit");
  const [published] = await query<{ id: string }>(
    `SELECT id FROM "Update" WHERE status = 'PUBLISHED' AND "hiddenAt" IS NULL AND "authorId" <> $1 LIMIT 1`,
    [person.id],
  );
  const [draft] = await query<{ id: string }>(
    `INSERT INTO "Update" (id, "experimentId", "authorId", title, body, phase, status, "updatedAt")
     SELECT 'e2e-draft-' || md5(random()::text), "experimentId", "authorId", 'Concept van iemand anders (e2e)', 'Nog niet klaar.', phase, 'DRAFT', now()
       FROM "Update" WHERE id = $1 RETURNING id`,
    [published!.id],
  );
  await signIn(page, person.email, person.password);

  const forbidden = await page.goto(`/updates/${published!.id}/bewerken`);
  expect(forbidden?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(nl("update.editForbidden.title"));
  await expectNoA11yViolations(page);

  const missing = await page.goto(`/updates/${draft!.id}/bewerken`);
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(nl("notFound.title"));
});

test("a comment heading names its writer and badge apart", async ({ page }) => {
  // The update's own author answers under it, so the comment carries the author badge.
  const [comment] = await query<{ updateId: string; name: string }>(
    `WITH target AS (SELECT id, "authorId" FROM "Update" WHERE status = 'PUBLISHED' AND "hiddenAt" IS NULL AND "authorId" IS NOT NULL LIMIT 1),
          added AS (INSERT INTO "Comment" (id, "updateId", "authorId", body)
                    SELECT 'e2e-heading-' || md5(random()::text), id, "authorId", 'De schrijver antwoordt (e2e).' FROM target
                    RETURNING "updateId", "authorId")
     SELECT added."updateId", u.name FROM added JOIN "User" u ON u.id = added."authorId"`,
  );
  const person = await seedPerson("heading");
  await signIn(page, person.email, person.password);
  await page.goto(`/updates/${comment!.updateId}`);
  // (The name may be a link: Chromium then puts a space before the comma.)
  const name = new RegExp(`^${escapeRegExp(comment!.name)} ?, (.+, )?${escapeRegExp(nl("comments.authorBadge"))}$`);
  await expect(page.getByRole("heading", { name }).first()).toBeVisible();
});

test("in English, opgaven show their English names", async ({ page }) => {
  const [opgave] = await query<{ name: string; nameEn: string }>(
    `SELECT name, "nameEn" FROM "Opgave" WHERE "nameEn" IS NOT NULL AND "archivedAt" IS NULL ORDER BY "sortOrder" LIMIT 1`,
  );
  expect(opgave, "the demo opgaven have English names").toBeTruthy();
  const person = await seedPerson("english");
  await signIn(page, person.email, person.password);
  await switchLanguage(page);
  await page.goto("/opgaven");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en("taxonomy.opgaven.title"));
  const main = page.getByRole("main");
  await expect(main.getByRole("link", { name: opgave!.nameEn, exact: true })).toBeVisible();
  await expect(main.getByRole("link", { name: opgave!.name, exact: true })).toHaveCount(0);
});
