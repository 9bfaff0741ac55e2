import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { hashPassword } from "../lib/accounts/password";
import { FEEDBACK_QUESTION_MAX } from "../lib/feedback/limits";
import { expect, expectNoA11yViolations, nl, signIn, test, waitForHydration } from "./fixtures";
import { markdownBatches } from "./support/attack-batches";
import { armDetectors, expectInert, type Alarms } from "./support/attack-detectors";
import { fillText } from "./support/attack-ui";
import { query } from "./support/database";
import { BATCHABLE } from "./support/hostile-inputs";

/**
 * Feedback requests end to end, in a world of its own (no demo data): a
 * project leader in one municipality with a published update on two opgaven,
 * a project leader in another municipality who published on the same two
 * (so the form suggests her), and a member found only by the search.
 */
type Person = { id: string; email: string; name: string };
type FeedbackWorld = { password: string; updateId: string; author: Person; peer: Person; searched: Person; opgaven: string[] };

const newId = () => `e2e${randomBytes(10).toString("hex")}`;

async function seedFeedbackWorld(): Promise<FeedbackWorld> {
  const tag = randomBytes(4).toString("hex");
  const password = `Feedback-${tag}-2026`;
  const passwordHash = await hashPassword(password);
  const person = (label: string, name: string): Person => ({ id: newId(), email: `e2e-feedback-${label}-${tag}@example.nl`, name });
  const author = person("author", `Femke Vraagsteller ${tag} (e2e)`);
  const peer = person("peer", `Petra Meedenker ${tag} (e2e)`);
  const searched = person("member", `Zoekbaar Lid ${tag} (e2e)`);
  const opgaven = [`Aardgasvrij ${tag}`, `Armoede ${tag}`];
  const opgaveIds = [newId(), newId()];
  for (const [index, name] of opgaven.entries()) {
    await query(`INSERT INTO "Opgave" (id, name, slug, "sortOrder", "updatedAt") VALUES ($1, $2, $3, $4, now())`, [
      opgaveIds[index],
      name,
      `e2e-feedback-${index}-${tag}`,
      800 + index,
    ]);
  }

  const updateId = newId();
  for (const [index, leader] of [author, peer].entries()) {
    const municipalityId = newId();
    const experimentId = newId();
    await query(`INSERT INTO "Municipality" (id, name, slug, "cbsCode", "updatedAt") VALUES ($1, $2, $3, $4, now())`, [
      municipalityId,
      `Feedbackstad ${index + 1} ${tag}`,
      `feedbackstad-${index + 1}-${tag}`,
      `GMF${index}${tag}`,
    ]);
    await query(
      `INSERT INTO "Experiment" (id, title, slug, summary, "municipalityId", phase, "startDate", "updatedAt")
       VALUES ($1, $2, $3, 'Een experiment voor de feedbacktest.', $4, 'UITVOERING', '2026-01-05', now())`,
      [experimentId, `Warm en wel ${index + 1} ${tag}`, `warm-en-wel-${index + 1}-${tag}`, municipalityId],
    );
    await query(
      `INSERT INTO "User" (id, email, name, "passwordHash", role, "municipalityId", "updatedAt") VALUES ($1, $2, $3, $4, 'PROJECT_LEADER', $5, now())`,
      [leader.id, leader.email, leader.name, passwordHash, municipalityId],
    );
    await query(`INSERT INTO "_ExperimentLeaders" ("A", "B") VALUES ($1, $2)`, [experimentId, leader.id]);
    const id = index === 0 ? updateId : newId();
    await query(
      `INSERT INTO "Update" (id, "experimentId", "authorId", title, body, phase, status, "publishedAt", "updatedAt")
       VALUES ($1, $2, $3, $4, 'Wat we deden met de warmtetransitie en de energiearmoede.', 'UITVOERING', 'PUBLISHED', now(), now())`,
      [id, experimentId, leader.id, `Warmte voor iedereen ${index + 1} ${tag}`],
    );
    for (const opgaveId of opgaveIds) await query(`INSERT INTO "UpdateOpgave" ("updateId", "opgaveId") VALUES ($1, $2)`, [id, opgaveId]);
  }
  await query(`INSERT INTO "User" (id, email, name, "passwordHash", role, "updatedAt") VALUES ($1, $2, $3, $4, 'MEMBER', now())`, [
    searched.id,
    searched.email,
    searched.name,
    passwordHash,
  ]);
  return { password, updateId, author, peer, searched, opgaven };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Opens "Vraag feedback" on the update page and waits until its form is live. */
async function openAskForm(page: Page) {
  await waitForHydration(page, "#feedback form button[type=submit]");
  await page.locator("#feedback summary", { hasText: nl("feedback.ask.open") }).click();
  return page.getByRole("form", { name: nl("feedback.ask.formLabel") });
}

test("a project leader asks a suggested peer for feedback, the peer answers, and the request shows answered", async ({ newContext }) => {
  test.setTimeout(180_000);
  const world = await seedFeedbackWorld();
  const path = `/updates/${world.updateId}`;
  const question = `Hoe kregen jullie de huurders mee bij het aardgasvrij maken? (${world.updateId.slice(-6)})`;
  const reply = `Via de huurdersvereniging en een avond in de buurtkamer (${world.updateId.slice(-6)}).`;

  // --- The author asks, choosing the suggested peer -----------------------------------------------
  const authorAlarms: Alarms = [];
  const authorContext = await newContext();
  await armDetectors(authorContext, authorAlarms);
  const authorPage = await authorContext.newPage();
  await signIn(authorPage, world.author.email, world.password);
  await authorPage.goto(path);
  const form = await openAskForm(authorPage);
  await form.getByLabel(nl("feedback.ask.questionLabel"), { exact: true }).fill(question);
  const suggestion = form.getByRole("checkbox", { name: new RegExp(escape(world.peer.name)) });
  // The suggestion says why: both opgaven, in the programme's order.
  await expect(suggestion).toHaveAccessibleName(new RegExp(escape(nl("feedback.ask.worksOn", { opgaven: world.opgaven.join(", ") }))));
  await suggestion.check();
  await expect(form).toContainText("1 persoon gekozen");
  await form.getByRole("button", { name: nl("feedback.ask.submit") }).click();
  await expect(form.getByRole("status").filter({ hasText: nl("feedback.ask.sent") })).toBeVisible();
  const request = authorPage.locator("#feedback article", { hasText: question });
  await expect(request.getByTestId("feedback-state")).toHaveText(
    `${nl("feedback.open")}: ${nl("feedback.progress", { answered: 0, total: 1 })}`,
  );
  await expect(request).toContainText(`${world.peer.name}`);
  await expect(request).toContainText(nl("feedback.peerOpen"));
  await expectNoA11yViolations(authorPage);

  // --- The peer is notified, opens the request and answers it -------------------------------------
  const peerPage = await (await newContext()).newPage();
  await signIn(peerPage, world.peer.email, world.password);
  await peerPage.goto("/meldingen");
  const notice = peerPage.getByRole("button", { name: new RegExp(`^${escape(world.author.name)} vraagt je om feedback op`) }).first();
  await expect(notice).toBeVisible();
  await notice.click();
  await peerPage.waitForURL(new RegExp(`${path}#feedbackverzoek-`));
  const asked = peerPage.locator("#feedback article", { hasText: question });
  await expect(asked.getByRole("heading", { name: nl("feedback.forYou.heading", { name: world.author.name }) })).toBeVisible();
  await waitForHydration(peerPage, "#feedback article button");
  await asked.getByRole("button", { name: nl("feedback.forYou.answer"), exact: true }).click();
  const box = peerPage.getByRole("combobox", {
    name: new RegExp(`^${escape(nl("feedback.forYou.answerLabel", { name: world.author.name }))}`),
  });
  await box.fill(reply);
  await peerPage
    .locator("form", { has: box })
    .getByRole("button", { name: nl("comments.submit"), exact: true })
    .click();
  const posted = peerPage.locator("[data-comment]", { hasText: reply });
  await expect(posted).toBeVisible();
  await expect(posted.getByRole("link", { name: nl("comments.feedbackAnswer") })).toBeVisible();
  await expect(peerPage.locator("#feedback article", { hasText: question }).getByTestId("feedback-state")).toHaveText(
    `${nl("feedback.answered")}: ${nl("feedback.progress", { answered: 1, total: 1 })}`,
  );
  await expectNoA11yViolations(peerPage);

  // --- The author sees it answered, with a link to the answer ---------------------------------------
  await authorPage.reload();
  await expect(request.getByTestId("feedback-state")).toHaveText(
    `${nl("feedback.answered")}: ${nl("feedback.progress", { answered: 1, total: 1 })}`,
  );
  await expect(request).toContainText(nl("feedback.peerAnswered"));
  await request.getByRole("link", { name: new RegExp(`^${nl("feedback.readAnswer")}`) }).click();
  await expect(authorPage.locator("[data-comment]", { hasText: reply })).toBeInViewport();
  const [row] = await query<{ answeredAt: Date | null; feedbackRequestId: string | null }>(
    `SELECT p."answeredAt", c."feedbackRequestId" FROM "FeedbackRequestPeer" p
       JOIN "FeedbackRequest" r ON r.id = p."requestId"
       JOIN "Comment" c ON c."feedbackRequestId" = r.id
      WHERE r."updateId" = $1 AND p."userId" = $2`,
    [world.updateId, world.peer.id],
  );
  expect(row?.answeredAt).toBeTruthy();

  // --- A second request, to someone found by name, with a hostile question that stays text -----------
  const again = await openAskForm(authorPage);
  const hostile = markdownBatches(BATCHABLE, FEEDBACK_QUESTION_MAX)[0]!;
  await fillText(again.getByLabel(nl("feedback.ask.questionLabel"), { exact: true }), hostile);
  await again.getByLabel(nl("feedback.ask.searchLabel"), { exact: true }).fill(world.searched.name.split(" ").slice(0, 3).join(" "));
  await again.getByRole("button", { name: new RegExp(`^${nl("feedback.ask.pick")} ${escape(world.searched.name)}`) }).click();
  await expect(again.getByRole("checkbox", { name: new RegExp(escape(world.searched.name)) })).toBeChecked();
  await again.getByRole("button", { name: nl("feedback.ask.submit") }).click();
  await expect(again.getByRole("status").filter({ hasText: nl("feedback.ask.sent") })).toBeVisible();
  await expect(authorPage.locator("#feedback article", { hasText: "Proef-1-einde" })).toContainText(world.searched.name);
  await expectInert(authorPage, authorAlarms, "the update page with a hostile feedback question");
});
