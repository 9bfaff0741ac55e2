import type { Page, Request } from "@playwright/test";
import { DEMO_PASSWORD, demoAccounts, expect, expectNoA11yViolations, nl, signIn, test, waitForHydration } from "./fixtures";
import { query } from "./support/database";

const ENERGY = "Energietransitie / aardgasvrij";
const POVERTY = "Armoede en schulden";
const THEME = "Mensgerichte koppelkansen";
const EXPERIMENT = "[Demo] Legosessie: de toekomst van Tilburg-Noord";

/** The titles in the results table, in order. */
async function resultTitles(page: Page) {
  return page.locator("main table tbody tr td:first-child a").allInnerTexts();
}

test("a project leader publishes an update that a member then finds, and cannot edit", async ({ page, newContext }) => {
  test.setTimeout(180_000);
  const stamp = Date.now();
  const title = `Veertig warmtepompen in Tilburg-Noord ${stamp}`;
  const body = `We plaatsten **warmtepompen** bij veertig woningen.\n\nBewoners kregen uitleg van een energiecoach (${stamp}).`;

  // --- The project leader writes a draft -------------------------------------------------
  await signIn(page, demoAccounts.projectLeader.email, DEMO_PASSWORD);
  await page.goto("/updates/nieuw");
  await waitForHydration(page);
  await expectNoA11yViolations(page);
  await page.getByRole("combobox", { name: new RegExp(`^${nl("update.editor.experiment")}`) }).selectOption({ label: EXPERIMENT });
  await page.getByLabel(nl("update.editor.title"), { exact: true }).fill(title);
  await page.getByRole("combobox", { name: new RegExp(`^${nl("update.editor.phase")}`) }).selectOption({ label: nl("phases.UITVOERING") });
  await page.getByRole("textbox", { name: new RegExp(`^${nl("update.editor.body")} `) }).fill(body);
  await page.getByRole("button", { name: nl("update.editor.saveDraft"), exact: true }).click();
  await page.waitForURL((url) => /^\/updates\/[^/]+$/.test(url.pathname) && url.pathname !== "/updates/nieuw");
  const updatePath = new URL(page.url()).pathname;
  const updateId = updatePath.split("/").pop()!;
  await expect(page.getByText(nl("update.page.draftBadge"))).toBeVisible();
  await expectNoA11yViolations(page);

  // --- previews it, and publishes it with two opgaven and a theme ---------------------------
  await page.getByRole("link", { name: nl("update.page.edit"), exact: true }).click();
  await page.waitForURL(`**${updatePath}/bewerken`);
  await waitForHydration(page);
  await page.getByRole("tab", { name: nl("update.editor.preview"), exact: true }).click();
  const preview = page.getByRole("tabpanel", { name: nl("update.editor.preview") });
  await expect(preview.locator("strong", { hasText: "warmtepompen" })).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByLabel(ENERGY, { exact: true }).check();
  await page.getByLabel(POVERTY, { exact: true }).check();
  await page.getByLabel(THEME, { exact: true }).check();
  await page.getByRole("button", { name: nl("update.editor.publish"), exact: true }).click();
  await page.waitForURL(`**${updatePath}`);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText(nl("update.page.draftBadge"))).toHaveCount(0);

  // --- and edits it once more (the edit request is kept to replay as the member) ------------
  await page.getByRole("link", { name: nl("update.page.edit"), exact: true }).click();
  await page.waitForURL(`**${updatePath}/bewerken`);
  await waitForHydration(page);
  const editedTitle = `${title} (bijgewerkt)`;
  await page.getByLabel(nl("update.editor.title"), { exact: true }).fill(editedTitle);
  const actionRequest: Promise<Request> = page.waitForRequest(
    (request) => request.method() === "POST" && Boolean(request.headers()["next-action"]),
  );
  await page.getByRole("button", { name: nl("update.editor.saveChanges"), exact: true }).click();
  const editRequest = await actionRequest;
  await page.waitForURL(`**${updatePath}`);
  await expect(page.getByRole("heading", { level: 1, name: editedTitle })).toBeVisible();

  // --- A member finds it by opgave filter and by a stemmed word from its body ---------------
  const memberContext = await newContext();
  const member = await memberContext.newPage();
  await signIn(member, demoAccounts.member.email, DEMO_PASSWORD);
  await member.goto("/updates");
  await expectNoA11yViolations(member);
  await member.getByText(nl("updatesTable.filters"), { exact: true }).click();
  await member
    .getByRole("group", { name: nl("updatesTable.opgaven") })
    .getByLabel(POVERTY, { exact: true })
    .check();
  await member.getByRole("button", { name: nl("updatesTable.apply"), exact: true }).click();
  await member.waitForURL(/opgave=armoede-en-schulden/);
  expect(await resultTitles(member)).toContain(editedTitle);
  await expectNoA11yViolations(member);

  await member.getByLabel(nl("updatesTable.search"), { exact: true }).fill("warmtepomp");
  await member.getByRole("button", { name: nl("updatesTable.apply"), exact: true }).click();
  await member.waitForURL(/q=warmtepomp/);
  const found = await resultTitles(member);
  expect(found).toContain(editedTitle);
  await expect(member.locator("main mark").first()).toBeVisible();
  await expectNoA11yViolations(member);

  // The URL is the whole state: a new page with it shows the same results.
  const shared = await memberContext.newPage();
  await shared.goto(member.url());
  expect(await resultTitles(shared)).toEqual(found);
  await expect(shared.getByLabel(nl("updatesTable.search"), { exact: true })).toHaveValue("warmtepomp");

  // --- The member sees no edit control, and the server refuses an edit ----------------------
  await member.goto(updatePath);
  await expect(member.getByRole("heading", { level: 1, name: editedTitle })).toBeVisible();
  await expect(member.getByRole("link", { name: nl("update.page.edit"), exact: true })).toHaveCount(0);
  await expect(member.getByRole("button", { name: nl("update.page.withdraw"), exact: true })).toHaveCount(0);
  await expectNoA11yViolations(member);
  // They may read it, so the edit page says they may not edit it (e2e/defects.spec.ts has the 404 for a draft).
  expect((await member.goto(`${updatePath}/bewerken`))?.status()).toBe(403);

  const replayed = await member.request.fetch(editRequest.url(), {
    method: "POST",
    headers: { ...editRequest.headers(), cookie: "" },
    data: editRequest
      .postDataBuffer()!
      .toString("latin1")
      .replace(encodeURIComponent(editedTitle), "Gekaapt")
      .replace(editedTitle, "Gekaapt"),
  });
  expect(replayed.status()).toBeLessThan(500);
  const [row] = await query<{ title: string }>(`SELECT title FROM "Update" WHERE id = $1`, [updateId]);
  expect(row?.title).toBe(editedTitle);

  // --- The revision history shows the author's later edit -----------------------------------
  await member.goto(`${updatePath}/versies`);
  await expect(member.getByText(editedTitle).first()).toBeVisible();
  await expect(member.getByText(title, { exact: true }).first()).toBeVisible();
  await expectNoA11yViolations(member);
});
