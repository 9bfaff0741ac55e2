import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, expectNoA11yViolations, nl, signIn, test, waitForHydration } from "./fixtures";
import { databaseUrl, query } from "./support/database";
import { seedDiscussionWorld, type DiscussionWorld } from "./support/discussion-world";

/**
 * The public inspiration book, in a world of its own (no demo data): a
 * consented and published example with a comment, links into the portal and
 * an image in its text; an unconsented one and one whose update was
 * withdrawn; a confirmed and an unconfirmed lesson; an update to propose.
 */
type InspirationWorld = DiscussionWorld & {
  tag: string;
  coordinator: { email: string };
  theme: string;
  title: { published: string; unconsented: string; withdrawn: string; proposed: string };
  proposedId: string;
  introduction: string;
  commentText: string;
  lessons: { confirmed: string; hypothesis: string };
  authorName: string;
};

const newId = (tag: string) => `e2ei${tag}${randomBytes(6).toString("hex")}`;

async function seedInspirationWorld(): Promise<InspirationWorld> {
  const world = await seedDiscussionWorld(databaseUrl(), { members: 1 });
  const tag = randomBytes(4).toString("hex");
  const coordinator = { id: newId(tag), email: `e2e-inspiration-coordinator-${tag}@example.nl` };
  await query(
    `INSERT INTO "User" (id, email, name, "passwordHash", role, "updatedAt")
     SELECT $1, $2, $3, "passwordHash", 'COORDINATOR', now() FROM "User" WHERE id = $4`,
    [coordinator.id, coordinator.email, `Coördinator ${tag} (e2e)`, world.author.id],
  );
  const themeId = newId(tag);
  const theme = `Gebiedsgericht ${tag}`;
  await query(`INSERT INTO "Theme" (id, name, slug, "sortOrder", "updatedAt") VALUES ($1, $2, $3, 0, now())`, [
    themeId,
    theme,
    `thema-${tag}`,
  ]);
  const [seeded] = await query<{ experimentId: string; title: string; authorName: string }>(
    `SELECT u."experimentId", u.title, a.name AS "authorName" FROM "Update" u JOIN "User" a ON a.id = u."authorId" WHERE u.id = $1`,
    [world.updateId],
  );
  const { experimentId, authorName } = seeded!;
  const title = {
    published: seeded!.title,
    unconsented: `Nog zonder toestemming ${tag}`,
    withdrawn: `Later ingetrokken ${tag}`,
    proposed: `Een plein met de buurt ${tag}`,
  };
  const addUpdate = async (updateTitle: string, status = "PUBLISHED") => {
    const id = newId(tag);
    await query(
      `INSERT INTO "Update" (id, "experimentId", "authorId", title, body, phase, status, "publishedAt", "withdrawnAt", "updatedAt")
       VALUES ($1, $2, $3, $4, 'Een tekst (e2e).', 'UITVOERING', $5, now(), $6, now())`,
      [id, experimentId, world.author.id, updateTitle, status, status === "WITHDRAWN" ? new Date() : null],
    );
    return id;
  };
  const unconsentedId = await addUpdate(title.unconsented);
  const withdrawnId = await addUpdate(title.withdrawn, "WITHDRAWN");
  const proposedId = await addUpdate(title.proposed);
  // The published example's text links into the portal and shows an upload: neither may reach a visitor.
  await query(`UPDATE "Update" SET body = $2 WHERE id = $1`, [
    world.updateId,
    `We spraken **iedereen** tegelijk. Zie ook [de andere update](/updates/${unconsentedId}).\n\n![Foto van de buurtavond](/beelden/cabc${tag})`,
  ]);
  const introduction = `Hoe een wijk samen reageert (${tag})`;
  const addEntry = async (updateId: string, consent: string, published: boolean, intro = "Inleiding (e2e)") =>
    query(
      `INSERT INTO "InspirationEntry" (id, "updateId", "themeId", introduction, "requestedById", consent, "respondedAt", "publishedAt", "updatedAt")
       VALUES ($1, $2, $3, $4, $5, $6::"InspirationConsent", now(), $7, now())`,
      [newId(tag), updateId, themeId, intro, coordinator.id, consent, published ? new Date() : null],
    );
  await addEntry(world.updateId, "ACCEPTED", true, introduction);
  // Published by hand, but never consented to: the rule keeps it out.
  await addEntry(unconsentedId, "REQUESTED", true);
  await addEntry(withdrawnId, "ACCEPTED", true);
  const commentText = `Alleen voor leden bedoeld ${tag}`;
  await query(`INSERT INTO "Comment" (id, "updateId", "authorId", body) VALUES ($1, $2, $3, $4)`, [
    newId(tag),
    world.updateId,
    world.members[0]!.id,
    commentText,
  ]);
  await query(`UPDATE "Update" SET "commentCount" = "commentCount" + 1 WHERE id = $1`, [world.updateId]);
  const lessons = { confirmed: `Praat vroeg met bewoners ${tag}`, hypothesis: `Misschien werkt een loterij ${tag}` };
  for (const [lessonTitle, status] of [
    [lessons.confirmed, "BEVESTIGD"],
    [lessons.hypothesis, "HYPOTHESE"],
  ] as const) {
    await query(`INSERT INTO "Lesson" (id, title, body, status, "authorId", "updatedAt") VALUES ($1, $2, $3, $4, $5, now())`, [
      newId(tag),
      lessonTitle,
      `De tekst van de les: ${lessonTitle}.`,
      status,
      coordinator.id,
    ]);
  }
  return { ...world, tag, coordinator, theme, title, proposedId, introduction, commentText, lessons, authorName };
}

/** The example's article in the book, by its title. */
const example = (page: Page, title: string) =>
  page.locator("article").filter({ has: page.getByRole("heading", { name: title, exact: true }) });

test("a visitor reads the inspiration book without signing in, sees only consented examples and confirmed lessons, and reaches nothing else", async ({
  page,
}) => {
  const world = await seedInspirationWorld();
  const response = await page.goto("/inspiratie");
  expect(response?.status()).toBe(200);
  await expect(page).toHaveURL(/\/inspiratie$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(nl("inspiration.book.title"));

  const published = example(page, world.title.published);
  await expect(published).toContainText(world.introduction);
  await expect(published).toContainText(world.authorName);
  await expect(published).toContainText("Duurzaamdorp");
  await expect(published).toContainText("iedereen");
  // The link into the portal is plain text, the image its alt text.
  await expect(published).toContainText("de andere update");
  await expect(published.locator("img")).toHaveCount(0);
  await expect(published).toContainText("Foto van de buurtavond");
  await expect(page.getByRole("heading", { name: world.theme, level: 2 })).toBeVisible();

  await expect(page.getByRole("heading", { level: 3, name: world.lessons.confirmed })).toBeVisible();
  for (const hidden of [
    world.title.unconsented,
    world.title.withdrawn,
    world.title.proposed,
    world.lessons.hypothesis,
    world.commentText,
  ]) {
    await expect(page.getByText(hidden)).toHaveCount(0);
  }
  expect(await page.content()).not.toContain(world.author.email);

  // No site navigation for visitors, and every link stays in the book or goes to sign in (or the public privacy statement).
  await expect(page.getByRole("navigation", { name: nl("nav.label") })).toHaveCount(0);
  const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
  expect(hrefs.length).toBeGreaterThan(2);
  const outside = hrefs
    .map((href) => new URL(href))
    .filter((url) => !(url.pathname === "/inspiratie" || url.pathname === "/inloggen" || url.pathname === "/privacy"))
    .map((url) => url.href);
  expect(outside, "links out of the book").toEqual([]);
  await expectNoA11yViolations(page);

  // The example's own page stays behind the sign-in.
  await page.goto(`/updates/${world.updateId}`);
  await expect(page).toHaveURL(/\/inloggen\?callbackUrl=/);
});

test("a coordinator proposes an update, its author consents, the coordinator publishes it, and withdrawn consent takes it out at once", async ({
  newContext,
}) => {
  test.setTimeout(180_000);
  const world = await seedInspirationWorld();
  const coordinator = await (await newContext()).newPage();
  await signIn(coordinator, world.coordinator.email, world.password);
  await coordinator.goto(`/updates/${world.proposedId}`);
  const notice = coordinator.locator("section", { has: coordinator.locator("#inspiratie-titel") });
  await waitForHydration(coordinator, "#inspiratie-titel ~ details summary");
  await notice.locator("summary", { hasText: nl("inspiration.propose.open") }).click();
  await notice.getByLabel(nl("inspiration.propose.chapter")).selectOption({ label: world.theme });
  await notice.getByLabel(nl("inspiration.propose.introduction")).fill(`Een voorbeeld om van te leren (${world.tag})`);
  await notice.getByRole("button", { name: nl("inspiration.propose.submit") }).click();
  // The form makes way for the entry's state.
  await expect(notice).toContainText(
    nl("inspiration.staff.state", { consent: nl("inspiration.consentState.REQUESTED"), published: nl("inspiration.staff.notPublic") }),
  );

  // The author finds the request on the profile page and accepts it on the update's page.
  const author = await (await newContext()).newPage();
  await signIn(author, world.author.email, world.password);
  await author.goto("/profiel");
  await author.getByRole("link", { name: world.title.proposed }).click();
  await expect(author).toHaveURL(new RegExp(`/updates/${world.proposedId}#inspiratie-titel$`));
  await waitForHydration(author, "#inspiratie-titel ~ div form button[type=submit]");
  const authorNotice = author.locator("section", { has: author.locator("#inspiratie-titel") });
  await authorNotice.getByRole("button", { name: nl("inspiration.consent.accept") }).click();
  await expect(authorNotice.getByRole("status")).toHaveText(nl("inspiration.consent.doneAccept"));
  await expectNoA11yViolations(author);

  // Not public before the coordinator publishes it.
  const visitor = await (await newContext()).newPage();
  await visitor.goto("/inspiratie");
  await expect(visitor.getByText(world.title.proposed)).toHaveCount(0);

  await coordinator.goto("/beheer/inspiratie");
  await expectNoA11yViolations(coordinator);
  const card = coordinator.locator("article").filter({ has: coordinator.getByRole("link", { name: world.title.proposed }) });
  await waitForHydration(coordinator, "main article form button[type=submit]");
  await card.getByRole("button", { name: nl("inspiration.curation.publish") }).click();
  await expect(card.getByRole("status")).toHaveText(nl("inspiration.curation.published"));

  await visitor.reload();
  await expect(example(visitor, world.title.proposed)).toBeVisible();

  await author.reload();
  await waitForHydration(author, "#inspiratie-titel ~ div form button[type=submit]");
  await authorNotice.getByRole("button", { name: nl("inspiration.consent.withdraw") }).click();
  await expect(authorNotice.getByRole("status")).toHaveText(nl("inspiration.consent.doneWithdraw"));
  await visitor.reload();
  await expect(visitor.getByText(world.title.proposed)).toHaveCount(0);

  const steps = await query<{ action: string }>(`SELECT action FROM "AuditLog" WHERE "targetId" = $1 ORDER BY "createdAt", id`, [
    world.proposedId,
  ]);
  expect(steps.map((step) => step.action)).toEqual([
    "inspiration.propose",
    "inspiration.accept",
    "inspiration.publish",
    "inspiration.withdraw-consent",
  ]);
});
