import { randomBytes } from "node:crypto";
import type { Locator, Page } from "@playwright/test";
import { expect, expectNoA11yViolations, nl, signIn, test, waitForHydration } from "./fixtures";
import { databaseUrl, query } from "./support/database";
import { seedDiscussionWorld, type DiscussionWorld } from "./support/discussion-world";

/**
 * Moderation end to end, in a world of its own (no demo data): a project
 * leader's published update, members, a coordinator, and a comment to report.
 */
type ModerationWorld = DiscussionWorld & {
  coordinator: { email: string };
  commentId: string;
  commentText: string;
  commenter: { id: string; email: string };
};

async function seedModerationWorld(): Promise<ModerationWorld> {
  const world = await seedDiscussionWorld(databaseUrl(), { members: 5 });
  const tag = randomBytes(4).toString("hex");
  const coordinator = { id: `e2ec${tag}`, email: `e2e-moderation-coordinator-${tag}@example.nl` };
  // The same password as everyone in the world: copy the stored hash.
  await query(
    `INSERT INTO "User" (id, email, name, "passwordHash", role, "updatedAt")
     SELECT $1, $2, $3, "passwordHash", 'COORDINATOR', now() FROM "User" WHERE id = $4`,
    [coordinator.id, coordinator.email, `Coördinator ${tag} (e2e)`, world.author.id],
  );
  const commenter = world.members[4]!;
  const commentText = `Bel gerust mevrouw Jansen op 06-12345678 (${tag})`;
  const commentId = `e2em${tag}`;
  await query(`INSERT INTO "Comment" (id, "updateId", "authorId", body) VALUES ($1, $2, $3, $4)`, [
    commentId,
    world.updateId,
    commenter.id,
    commentText,
  ]);
  await query(`UPDATE "Update" SET "commentCount" = "commentCount" + 1 WHERE id = $1`, [world.updateId]);
  return { ...world, coordinator, commentId, commentText, commenter };
}

const reasonLabel = nl("moderation.report.reasonLabel");

/** One moderation step's disclosure (its summary, the reason field and the submit button), by its label. */
function step(scope: Locator, label: string): Locator {
  return scope.locator("details").filter({ has: scope.page().locator("summary", { hasText: label }) });
}

/** Reports the world's comment; the report that reaches the threshold hides it from the reporter too. */
async function reportComment(page: Page, world: ModerationWorld, { hides }: { hides: boolean }) {
  await page.goto(`/updates/${world.updateId}`);
  const comment = page.locator(`#reactie-${world.commentId}`);
  await expect(comment).toContainText(world.commentText);
  await waitForHydration(page, `#reactie-${world.commentId} summary`);
  await comment.locator("summary", { hasText: nl("moderation.report.open") }).click();
  await comment.getByLabel(reasonLabel).selectOption("PERSONAL_DATA");
  await comment.getByRole("button", { name: nl("moderation.report.submit") }).click();
  if (hides) await expect(comment).toHaveCount(0);
  else await expect(comment.getByRole("status")).toHaveText(nl("moderation.report.alreadyReported"));
}

test("three members report a comment: it hides itself; a coordinator restores it from the queue with a reason; the author is told; the audit log keeps each step", async ({
  newContext,
}) => {
  test.setTimeout(240_000);
  const world = await seedModerationWorld();
  const pages = await Promise.all([0, 1, 2, 3].map(async () => (await newContext()).newPage()));
  for (const [index, page] of pages.entries()) await signIn(page, world.members[index]!.email, world.password);

  for (const [index, page] of pages.slice(0, 3).entries()) await reportComment(page, world, { hides: index === 2 });
  await expectNoA11yViolations(pages[0]!);

  // A fourth member no longer sees it: not on the page, and the count says 0.
  const fourth = pages[3]!;
  await fourth.goto(`/updates/${world.updateId}`);
  await expect(fourth.getByText(world.commentText)).toHaveCount(0);
  await expect(fourth.locator("#reacties-titel")).toHaveText(nl("comments.heading", { count: 0 }));

  // The coordinator finds it in the queue, opens it in context (with the banner), and restores it.
  const coordinatorPage = await (await newContext()).newPage();
  await signIn(coordinatorPage, world.coordinator.email, world.password);
  await coordinatorPage.goto("/beheer/moderatie");
  await expectNoA11yViolations(coordinatorPage);
  const row = coordinatorPage.getByRole("row", { name: new RegExp(world.commentText.slice(0, 20)) });
  await expect(row).toContainText("3");
  await row.getByRole("link").first().click();
  await coordinatorPage.waitForURL(new RegExp(`#reactie-${world.commentId}$`));
  await expect(coordinatorPage.locator(`#reactie-${world.commentId}`)).toContainText(nl("moderation.hiddenBanner"));
  await coordinatorPage.goto("/beheer/moderatie");
  await waitForHydration(coordinatorPage, "main table form button[type=submit]");
  const queueRow = coordinatorPage.getByRole("row", { name: new RegExp(world.commentText.slice(0, 20)) });
  await queueRow.getByRole("button", { name: new RegExp(`^${nl("moderationQueue.claim")}`) }).click();
  await expect(queueRow.getByRole("button", { name: new RegExp(`^${nl("moderationQueue.release")}`) })).toBeVisible();
  const reason = `Geen echt telefoonnummer, na overleg teruggezet (${world.commentId})`;
  const unhide = step(queueRow, nl("moderation.unhide"));
  await unhide.locator("summary").click();
  await unhide.getByLabel(nl("moderation.reasonLabel")).fill(reason);
  await unhide.getByRole("button", { name: new RegExp(`^${nl("moderation.unhide")}`) }).click();
  // Restored with its reports closed: it leaves the queue of open reports.
  await expect(queueRow).toHaveCount(0);

  // Visible again for the fourth member.
  await fourth.reload();
  await expect(fourth.locator(`#reactie-${world.commentId}`)).toContainText(world.commentText);

  // The comment's author got a notification with the reason.
  const authorPage = await (await newContext()).newPage();
  await signIn(authorPage, world.commenter.email, world.password);
  await authorPage.goto("/meldingen");
  await expect(authorPage.getByRole("button", { name: new RegExp("is weer zichtbaar") }).first()).toBeVisible();
  await expect(authorPage.getByText(reason)).toBeVisible();
  await expectNoA11yViolations(authorPage);

  // The audit log holds every step, in order.
  const steps = await query<{ action: string; reason: string | null }>(
    `SELECT action, reason FROM "AuditLog" WHERE "targetId" = $1 ORDER BY "createdAt", id`,
    [world.commentId],
  );
  expect(steps.map((step) => step.action)).toEqual([
    "comment.report",
    "comment.report",
    "comment.report",
    "comment.auto-hide",
    "comment.unhide",
  ]);
  expect(steps.at(-1)?.reason).toBe(reason);
});

test("a locked discussion has no comment form, and refuses a post from a page opened before the lock", async ({ newContext }) => {
  test.setTimeout(120_000);
  const world = await seedModerationWorld();
  const member = await (await newContext()).newPage();
  await signIn(member, world.members[0]!.email, world.password);
  await member.goto(`/updates/${world.updateId}`);
  await waitForHydration(member, "#reacties form button[type=submit]");

  const coordinatorPage = await (await newContext()).newPage();
  await signIn(coordinatorPage, world.coordinator.email, world.password);
  await coordinatorPage.goto(`/updates/${world.updateId}`);
  await waitForHydration(coordinatorPage, "header summary");
  const steps = coordinatorPage.getByRole("group", { name: new RegExp(`^${nl("moderation.actionsLabel")}`) }).first();
  const lock = step(steps, nl("moderation.lock"));
  await lock.locator("summary").click();
  await lock.getByLabel(nl("moderation.reasonLabel")).fill("De discussie loopt uit de hand");
  await lock.getByRole("button", { name: new RegExp(`^${nl("moderation.lock")}`) }).click();
  // The page refreshes: the step to open it again takes the place of the lock.
  await expect(step(steps, nl("moderation.unlock")).locator("summary")).toBeVisible();

  // The member's page was opened before the lock: posting from it is refused by the server.
  const box = member.getByRole("combobox", { name: new RegExp(`^${nl("comments.newLabel")}`) });
  await box.fill("Nog één reactie na het sluiten");
  await member.getByRole("button", { name: nl("comments.submit"), exact: true }).click();
  await expect(member.getByRole("alert").filter({ hasText: nl("errors.comment.threadLocked") })).toBeVisible();

  await member.reload();
  await expect(member.getByText(nl("moderation.lockedNotice"))).toBeVisible();
  await expect(member.getByRole("combobox", { name: new RegExp(`^${nl("comments.newLabel")}`) })).toHaveCount(0);
  await expectNoA11yViolations(member);
  expect(await query(`SELECT id FROM "Comment" WHERE body = 'Nog één reactie na het sluiten'`)).toHaveLength(0);
});
