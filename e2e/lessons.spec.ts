import { randomBytes } from "node:crypto";
import { baseURL } from "../playwright.config";
import { expect, expectNoA11yViolations, nl, signIn, test, waitForHydration } from "./fixtures";
import { databaseUrl, query } from "./support/database";
import { seedDiscussionWorld, type DiscussionWorld } from "./support/discussion-world";

/**
 * Lessons end to end, in a world of its own (no demo data): a project
 * leader's published update with a member's comment on it, a coordinator
 * who writes the lesson, and the member who reads it.
 */
type LessonWorld = DiscussionWorld & {
  coordinator: { email: string };
  updateTitle: string;
  commentId: string;
};

async function seedLessonWorld(): Promise<LessonWorld> {
  const world = await seedDiscussionWorld(databaseUrl(), { members: 1 });
  const tag = randomBytes(4).toString("hex");
  const coordinator = { id: `e2elc${tag}`, email: `e2e-lessons-coordinator-${tag}@example.nl` };
  // The same password as everyone in the world: copy the stored hash.
  await query(
    `INSERT INTO "User" (id, email, name, "passwordHash", role, "updatedAt")
     SELECT $1, $2, $3, "passwordHash", 'COORDINATOR', now() FROM "User" WHERE id = $4`,
    [coordinator.id, coordinator.email, `Coördinator ${tag} (e2e)`, world.author.id],
  );
  const commentId = `e2elr${tag}`;
  await query(`INSERT INTO "Comment" (id, "updateId", "authorId", body) VALUES ($1, $2, $3, $4)`, [
    commentId,
    world.updateId,
    world.members[0]!.id,
    `Bij ons hielp het om eerst met de buurt te praten (${tag}).`,
  ]);
  await query(`UPDATE "Update" SET "commentCount" = "commentCount" + 1 WHERE id = $1`, [world.updateId]);
  const [update] = await query<{ title: string }>(`SELECT title FROM "Update" WHERE id = $1`, [world.updateId]);
  return { ...world, coordinator, updateTitle: update!.title, commentId };
}

test("a coordinator writes a lesson citing an update and one of its comments; the update page and /lessen list it", async ({
  page,
  newContext,
}) => {
  test.setTimeout(120_000);
  const world = await seedLessonWorld();
  const title = `Praat vroeg met bewoners ${randomBytes(3).toString("hex")}`;
  await signIn(page, world.coordinator.email, world.password);

  await page.goto("/lessen");
  await page.getByRole("link", { name: nl("lessons.newLesson") }).click();
  await expect(page.locator("h1")).toHaveText(nl("lessons.editor.newTitle"));
  await waitForHydration(page);
  await page.getByLabel(nl("lessons.editor.titleField")).fill(title);
  await page.getByLabel(nl("lessons.editor.body")).fill("Wacht niet tot de plannen **af** zijn.");
  await page.getByRole("button", { name: nl("lessons.editor.create") }).click();
  await page.waitForURL((url) => /^\/lessen\/[a-z0-9]+$/.test(url.pathname) && url.pathname !== "/lessen/nieuw");
  await expect(page.locator("h1")).toHaveText(title);
  await expect(page.locator("main strong", { hasText: /^af$/ })).toBeVisible();

  // A link that names no update is refused, and the note typed stays.
  const cite = page.getByRole("form", { name: nl("lessons.citeForm.heading") });
  await waitForHydration(page, "main form button[type=submit]");
  const note = "Bewoners kozen zelf, nog voor er een tekening was.";
  await cite.getByLabel(nl("lessons.citeForm.link")).fill("https://example.nl/iets-anders");
  await cite.getByLabel(nl("lessons.citeForm.note")).fill(note);
  await cite.getByRole("button", { name: nl("lessons.citeForm.submit") }).click();
  await expect(cite.getByRole("alert")).toHaveText(nl("errors.form.invalid"));
  await expect(cite.getByText(nl("errors.lessons.citationUnrecognised"))).toBeVisible();
  await expect(cite.getByLabel(nl("lessons.citeForm.note"))).toHaveValue(note);

  // The update's address, as copied from the browser.
  await cite.getByLabel(nl("lessons.citeForm.link")).fill(`${baseURL}/updates/${world.updateId}`);
  await cite.getByRole("button", { name: nl("lessons.citeForm.submit") }).click();
  await expect(cite.getByRole("status")).toHaveText(nl("lessons.citeForm.added"));
  const evidence = page.getByRole("region", { name: nl("lessons.page.evidenceHeading"), exact: true }).getByRole("listitem");
  await expect(evidence).toHaveCount(1);
  await expect(evidence.first().getByRole("link", { name: world.updateTitle })).toBeVisible();
  await expect(evidence.first()).toContainText(note);

  // A comment's link cites the comment, with a link to it in its thread.
  await cite.getByLabel(nl("lessons.citeForm.link")).fill(`/updates/${world.updateId}#reactie-${world.commentId}`);
  await cite.getByRole("button", { name: nl("lessons.citeForm.submit") }).click();
  await expect(evidence).toHaveCount(2);
  await expect(evidence.nth(1).getByRole("link", { name: nl("lessons.page.viewComment") })).toHaveAttribute(
    "href",
    `/updates/${world.updateId}#reactie-${world.commentId}`,
  );
  await expect(evidence.nth(1)).toContainText("eerst met de buurt te praten");
  await expectNoA11yViolations(page);

  // The update page lists the lesson, with its status.
  await page.goto(`/updates/${world.updateId}`);
  const citing = page.getByRole("region", { name: nl("lessons.citing.heading") });
  await expect(citing.getByRole("link", { name: title })).toBeVisible();
  await expect(citing).toContainText(nl("lessons.status.HYPOTHESE"));
  await expectNoA11yViolations(page);

  // A member sees the same: on the update page, and on /lessen with the opgaven and count.
  const member = await (await newContext()).newPage();
  await signIn(member, world.members[0]!.email, world.password);
  await member.goto(`/updates/${world.updateId}`);
  await expect(member.getByRole("region", { name: nl("lessons.citing.heading") }).getByRole("link", { name: title })).toBeVisible();
  await member.goto("/lessen");
  const listed = member.getByRole("article", { name: title });
  await expect(listed).toBeVisible();
  await expect(member.getByRole("link", { name: nl("lessons.newLesson") })).toHaveCount(0);
  await listed.getByRole("link", { name: title }).click();
  await expect(member.locator("h1")).toHaveText(title);
  await expect(member.getByRole("form", { name: nl("lessons.citeForm.heading") })).toHaveCount(0);
});
