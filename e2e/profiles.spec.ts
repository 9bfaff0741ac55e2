import sharp from "sharp";
import { initialsOf } from "../lib/people/avatar-colour";
import { expect, expectNoA11yViolations, nl, signIn, test, waitForHydration } from "./fixtures";
import { databaseUrl, query } from "./support/database";
import { seedDiscussionWorld, type DiscussionWorld } from "./support/discussion-world";

/**
 * Profiles and avatars, in a world of its own: a project leader's published
 * update, and a member's comment on it that mentions the project leader.
 */
type ProfileWorld = DiscussionWorld & {
  authorName: string;
  commenter: { id: string; email: string; name: string };
  commentId: string;
  updateTitle: string;
};

async function seedProfileWorld(): Promise<ProfileWorld> {
  const world = await seedDiscussionWorld(databaseUrl(), { members: 2 });
  const [author] = await query<{ name: string }>(`SELECT name FROM "User" WHERE id = $1`, [world.author.id]);
  const [commenter] = await query<{ name: string }>(`SELECT name FROM "User" WHERE id = $1`, [world.members[0]!.id]);
  const [update] = await query<{ title: string }>(`SELECT title FROM "Update" WHERE id = $1`, [world.updateId]);
  const commentId = `${world.updateId}c`;
  await query(`INSERT INTO "Comment" (id, "updateId", "authorId", body) VALUES ($1, $2, $3, $4)`, [
    commentId,
    world.updateId,
    world.members[0]!.id,
    `Mooi werk, @[${author!.name}](user:${world.author.id}). Hoe ging het met de bewoners?`,
  ]);
  await query(`INSERT INTO "Mention" ("commentId", "userId") VALUES ($1, $2)`, [commentId, world.author.id]);
  await query(`UPDATE "Update" SET "commentCount" = "commentCount" + 1 WHERE id = $1`, [world.updateId]);
  return {
    ...world,
    authorName: author!.name,
    commenter: { ...world.members[0]!, name: commenter!.name },
    commentId,
    updateTitle: update!.title,
  };
}

test.describe("profiles", () => {
  let world: ProfileWorld;
  test.beforeAll(async () => {
    world = await seedProfileWorld();
  });

  test("a profile page shows a person's updates, and a mention links to it", async ({ page }) => {
    await signIn(page, world.members[1]!.email, world.password);
    await page.goto(`/updates/${world.updateId}`);
    const comment = page.locator(`#reactie-${world.commentId}`);
    const mention = comment.getByRole("link", { name: `@${world.authorName}`, exact: true });
    await expect(mention).toHaveAttribute("href", `/mensen/${world.author.id}`);
    await mention.click();
    await page.waitForURL(`**/mensen/${world.author.id}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(world.authorName);
    await expect(page.locator("[data-profile-updates]").getByRole("link", { name: world.updateTitle })).toBeVisible();
    await expectNoA11yViolations(page);
  });

  test("the initials avatar stands beside a comment, hidden from screen readers", async ({ page }) => {
    await signIn(page, world.members[1]!.email, world.password);
    await page.goto(`/updates/${world.updateId}`);
    const heading = page.locator(`#reactie-${world.commentId}-kop`);
    const avatar = heading.locator("[data-avatar=initials]");
    await expect(avatar).toHaveText(initialsOf(world.commenter.name));
    await expect(avatar).toHaveAttribute("aria-hidden", "true");
    await expect(heading.getByRole("link", { name: world.commenter.name, exact: true })).toHaveAttribute(
      "href",
      `/mensen/${world.commenter.id}`,
    );
  });

  test("a photo uploaded on /profiel/gegevens shows on the profile", async ({ page }) => {
    await signIn(page, world.commenter.email, world.password);
    await page.goto("/profiel/gegevens");
    await expectNoA11yViolations(page);
    const photo = await sharp({ create: { width: 320, height: 240, channels: 3, background: { r: 30, g: 110, b: 60 } } })
      .jpeg()
      .toBuffer();
    await page.getByLabel(nl("people.settings.photo.file")).setInputFiles({ name: "ik.jpg", mimeType: "image/jpeg", buffer: photo });
    await page.getByRole("button", { name: nl("people.settings.photo.upload") }).click();
    await expect(page.getByRole("main").getByRole("status")).toHaveText(nl("people.settings.photo.saved"));

    await page.goto(`/mensen/${world.commenter.id}`);
    const avatar = page.locator("header [data-avatar=photo]");
    await expect(avatar).toHaveAttribute("src", /^\/beelden\/[a-z0-9]+$/);
    await expect.poll(() => avatar.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBe(256);

    // And back to initials.
    await page.goto("/profiel/gegevens");
    await waitForHydration(page);
    await page.getByRole("button", { name: nl("people.settings.photo.remove") }).click();
    await expect(page.getByRole("main").getByRole("status")).toHaveText(nl("people.settings.photo.removed"));
    await expect(page.locator("main [data-avatar=initials]")).toHaveText(initialsOf(world.commenter.name));
  });

  test("name, bio and language are saved; a too long bio is refused and the form keeps it", async ({ page }) => {
    await signIn(page, world.members[1]!.email, world.password);
    await page.goto("/profiel/gegevens");
    await waitForHydration(page);
    const bio = page.getByLabel(nl("people.settings.bio"));
    // maxlength stops typing past the limit; a pasted or scripted value can still be longer.
    await bio.evaluate((field: HTMLTextAreaElement) => {
      field.removeAttribute("maxlength");
      field.value = "x".repeat(501);
    });
    await page.getByRole("button", { name: nl("people.settings.save") }).click();
    await expect(page.getByText(nl("errors.profile.bioTooLong"))).toBeVisible();
    await expect(bio).toHaveValue("x".repeat(501));

    await bio.fill("Ik werk aan warmte in de wijk.");
    await page.getByRole("button", { name: nl("people.settings.save") }).click();
    await expect(page.getByRole("main").getByRole("status")).toHaveText(nl("people.settings.saved"));
    await page.goto(`/mensen/${world.members[1]!.id}`);
    await expect(page.getByText("Ik werk aan warmte in de wijk.")).toBeVisible();
  });
});
