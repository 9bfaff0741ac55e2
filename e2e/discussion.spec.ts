import type { Page } from "@playwright/test";
import { DEMO_PASSWORD, demoAccounts, expect, expectNoA11yViolations, nl, signIn, test, waitForHydration } from "./fixtures";
import { query } from "./support/database";

// The demo update by the Tilburg project leader (lib/seed/demo-updates.ts).
const UPDATE_TITLE = "Legosessie: bewoners bouwen hun wijk van morgen";

/** The unread count the header bell announces ("Meldingen, 3 ongelezen"), 0 when it says just "Meldingen". */
async function unreadCount(page: Page): Promise<number> {
  const name = (await page.getByTestId("notification-bell").textContent()) ?? "";
  return Number(name.match(/(\d+)/)?.[1] ?? 0);
}

async function updatePath(): Promise<string> {
  const [row] = await query<{ id: string }>(`SELECT id FROM "Update" WHERE title = $1`, [UPDATE_TITLE]);
  return `/updates/${row!.id}`;
}

test("two people discuss an update: mention, notification, reply, and the thread survives a reload", async ({ newContext }) => {
  test.setTimeout(180_000);
  const path = await updatePath();
  const stamp = Date.now();
  const question = `Hoe kregen jullie zoveel bewoners naar de Legosessie? (${stamp})`;
  const answer = `Via de school: kinderen namen hun ouders mee (${stamp}).`;

  const authorPage = await (await newContext()).newPage();
  const memberPage = await (await newContext()).newPage();
  await signIn(authorPage, demoAccounts.projectLeader.email, DEMO_PASSWORD);
  await signIn(memberPage, demoAccounts.member.email, DEMO_PASSWORD);
  const authorUnreadBefore = await unreadCount(authorPage);

  // --- The member comments on the author's update and mentions her --------------------------
  await memberPage.goto(path);
  await waitForHydration(memberPage, "#reacties form button[type=submit]");
  const box = memberPage.getByRole("combobox", { name: new RegExp(`^${nl("comments.newLabel")}`) });
  await box.click();
  await box.pressSequentially(`${question} @Fati`);
  const option = memberPage.getByRole("option", { name: new RegExp(demoAccounts.projectLeader.name.replace(/[()]/g, "\\$&")) });
  await expect(option).toBeVisible();
  await box.press("Enter");
  // The picked member becomes a mention token (the name without brackets or parentheses).
  await expect(box).toHaveValue(/@\[Fatima El Idrissi[^\]]*\]\(user:[a-z0-9]+\)/);
  await memberPage.getByRole("button", { name: nl("comments.submit"), exact: true }).click();
  const posted = memberPage.locator("[data-comment]", { hasText: question });
  await expect(posted).toBeVisible();
  await expectNoA11yViolations(memberPage);

  // --- The author sees the unread count rise, opens the notification, lands on the comment ---
  await authorPage.goto("/");
  await expect.poll(() => unreadCount(authorPage)).toBeGreaterThan(authorUnreadBefore);
  await authorPage.getByTestId("notification-bell").click();
  await authorPage.waitForURL("**/meldingen");
  await expectNoA11yViolations(authorPage);
  // Opening a notification is a POST (it marks it read), so it is a button; the first match is its own, before "Markeer als gelezen".
  const mention = authorPage.getByRole("button", { name: new RegExp(`noemde je in een reactie bij ‘${UPDATE_TITLE}’`) }).first();
  await mention.click();
  await authorPage.waitForURL(new RegExp(`${path}#reactie-`));
  const commentId = new URL(authorPage.url()).hash.slice("#reactie-".length);
  const target = authorPage.locator(`#reactie-${commentId}`);
  await expect(target).toContainText(question);
  await expect(target).toBeInViewport();
  await expectNoA11yViolations(authorPage);

  // --- and replies to it -----------------------------------------------------------------------
  await waitForHydration(authorPage, "#reacties form button[type=submit]");
  const memberUnreadBefore = await unreadCount(memberPage);
  await target.getByRole("button", { name: new RegExp(`^${nl("comments.reply")}`) }).click();
  const replyBox = authorPage.getByRole("combobox", {
    name: new RegExp(`^${nl("comments.replyLabel", { name: demoAccounts.member.name }).replace(/[()]/g, "\\$&")}`),
  });
  await replyBox.fill(answer);
  await authorPage
    .locator("form", { has: replyBox })
    .getByRole("button", { name: nl("comments.submit"), exact: true })
    .click();
  await expect(authorPage.locator("[data-comment]", { hasText: answer })).toBeVisible();

  // --- The member gets the reply notification ----------------------------------------------------
  await memberPage.goto("/meldingen");
  await expect.poll(async () => (await memberPage.reload(), unreadCount(memberPage))).toBeGreaterThan(memberUnreadBefore);
  await expect(
    memberPage.getByRole("button", { name: new RegExp(`antwoordde op je reactie bij ‘${UPDATE_TITLE}’`) }).first(),
  ).toBeVisible();

  // --- Both find the thread intact after a reload ------------------------------------------------
  for (const page of [authorPage, memberPage]) {
    await page.goto(path);
    const thread = page.locator("article", { has: page.locator(`#reactie-${commentId}`) }).first();
    const replies = thread.getByRole("list", { name: nl("comments.repliesLabel", { name: demoAccounts.member.name }) });
    await expect(replies).toContainText(answer);
    await expect(page.locator(`#reactie-${commentId}`)).toContainText(question);
  }
  const [{ count } = { count: 0 }] = await query<{ count: number }>(`SELECT count(*)::int AS count FROM "Comment" WHERE body LIKE $1`, [
    `%${stamp}%`,
  ]);
  expect(count).toBe(2);
});

test("a comment can be written and posted with the keyboard alone", async ({ page }) => {
  const path = await updatePath();
  const text = `Geschreven zonder muis (${Date.now()})`;
  await signIn(page, demoAccounts.coordinator.email, DEMO_PASSWORD);
  await page.goto(path);
  await waitForHydration(page, "#reacties form button[type=submit]");

  // Tab through the page until the comment field has focus.
  const box = page.getByRole("combobox", { name: new RegExp(`^${nl("comments.newLabel")}`) });
  for (let presses = 0; presses < 200 && !(await box.evaluate((node) => node === document.activeElement)); presses++) {
    await page.keyboard.press("Tab");
  }
  await expect(box).toBeFocused();
  await page.keyboard.type(text);
  // From the field, Tab reaches "Plaatsen" and Enter posts.
  const submit = page.locator("form", { has: box }).getByRole("button", { name: nl("comments.submit"), exact: true });
  for (let presses = 0; presses < 10 && !(await submit.evaluate((node) => node === document.activeElement)); presses++) {
    await page.keyboard.press("Tab");
  }
  await expect(submit).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("[data-comment]", { hasText: text })).toBeVisible();
  await expect(box).toHaveValue("");
  await expectNoA11yViolations(page);
});
