import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { DEMO_PASSWORD, demoAccounts, expect, expectNoA11yViolations, nl, signIn, test, waitForHydration } from "./fixtures";
import { query } from "./support/database";

/**
 * The editor never loses work: an autosaved draft survives a closed tab,
 * unsaved text survives a reload, leaving with unsaved changes asks first,
 * and an unsent comment survives a reload.
 */

const EXPERIMENT = "[Demo] Legosessie: de toekomst van Tilburg-Noord";

const titleField = (page: Page) => page.getByLabel(nl("update.editor.title"), { exact: true });
const bodyField = (page: Page) => page.getByRole("textbox", { name: new RegExp(`^${nl("update.editor.body")} `) });
const savedAt = (page: Page) => page.getByRole("status").filter({ hasText: nl("autosave.savedAt", { time: "" }).trim() });

/** A published update of the demo project leader, on their own experiment, made for this test alone. */
async function seedPublishedUpdate(): Promise<{ id: string; title: string; body: string }> {
  const id = `e2eauto${randomBytes(8).toString("hex")}`;
  const title = `Gepubliceerd om te bewerken ${id.slice(-6)}`;
  const body = "De tekst zoals hij op de server staat.";
  await query(
    `INSERT INTO "Update" (id, "experimentId", "authorId", title, body, phase, status, "publishedAt", "updatedAt")
     SELECT $1, e.id, u.id, $2, $3, 'UITVOERING', 'PUBLISHED', now(), now()
       FROM "Experiment" e, "User" u WHERE e.title = $4 AND u.email = $5`,
    [id, title, body, EXPERIMENT, demoAccounts.projectLeader.email],
  );
  return { id, title, body };
}

test("a typed update is autosaved as a draft, and is back after closing the tab", async ({ page, newContext }) => {
  test.setTimeout(120_000);
  const title = `Automatisch bewaard ${Date.now()}`;
  const body = "Wat we deden, nog niet af.";
  await signIn(page, demoAccounts.projectLeader.email, DEMO_PASSWORD);
  await page.goto("/updates/nieuw");
  await waitForHydration(page);
  await page.getByRole("combobox", { name: new RegExp(`^${nl("update.editor.experiment")}`) }).selectOption({ label: EXPERIMENT });
  await page.getByRole("combobox", { name: new RegExp(`^${nl("update.editor.phase")}`) }).selectOption({ label: nl("phases.UITVOERING") });
  await titleField(page).fill(title);
  await bodyField(page).fill(body);

  // The first autosave makes it a draft, and the address becomes that draft's editor.
  await expect(savedAt(page)).toBeVisible();
  await page.waitForURL(/\/updates\/[^/]+\/bewerken$/);
  const editorPath = new URL(page.url()).pathname;
  await expectNoA11yViolations(page);
  await page.close();

  const reopened = await page.context().newPage();
  await reopened.goto("/updates/concepten");
  await expect(reopened.getByRole("link", { name: title, exact: true })).toBeVisible();
  await reopened.goto(editorPath);
  await waitForHydration(reopened);
  await expect(titleField(reopened)).toHaveValue(title);
  await expect(bodyField(reopened)).toHaveValue(body);
  // A later autosave writes the same draft, never a second one.
  await bodyField(reopened).fill(`${body} Nu wel.`);
  await bodyField(reopened).blur();
  await expect(savedAt(reopened)).toBeVisible();
  const drafts = await query<{ body: string }>(`SELECT body FROM "Update" WHERE title = $1 AND status = 'DRAFT'`, [title]);
  expect(drafts).toEqual([{ body: `${body} Nu wel.` }]);

  // Another browser has no copy of its own: the server's draft is what it opens.
  const elsewhere = await (await newContext()).newPage();
  await signIn(elsewhere, demoAccounts.projectLeader.email, DEMO_PASSWORD);
  await elsewhere.goto(editorPath);
  await expect(bodyField(elsewhere)).toHaveValue(`${body} Nu wel.`);
});

test("unsaved changes to a published update stay on the device, are restored after a reload and ask before leaving", async ({ page }) => {
  test.setTimeout(120_000);
  const update = await seedPublishedUpdate();
  await signIn(page, demoAccounts.projectLeader.email, DEMO_PASSWORD);
  await page.goto(`/updates/${update.id}/bewerken`);
  await waitForHydration(page);
  await expect(page.getByText(nl("autosave.localOnlyPublished"))).toBeVisible();
  // Typed keys (not a filled value): the browser asks before unloading only a page someone used.
  await bodyField(page).click();
  await bodyField(page).press("End");
  await page.keyboard.type(" Half geschreven.");

  // "Annuleren" asks first; the safe choice has the focus and keeps the text.
  await page.getByRole("link", { name: nl("update.editor.cancel"), exact: true }).click();
  const dialog = page.getByRole("dialog", { name: nl("autosave.leaveHeading") });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: nl("autosave.stay") })).toBeFocused();
  await expectNoA11yViolations(page);
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`/updates/${update.id}/bewerken$`));

  // Reloading asks the browser's own question; the text comes back with a notice.
  page.on("dialog", (question) => void question.accept());
  await page.reload();
  await waitForHydration(page);
  await expect(page.getByText(nl("autosave.restored"))).toBeVisible();
  await expect(bodyField(page)).toHaveValue(`${update.body} Half geschreven.`);
  // Nothing reached the server: the published text is unchanged.
  expect(await query(`SELECT body FROM "Update" WHERE id = $1`, [update.id])).toEqual([{ body: update.body }]);
  await expectNoA11yViolations(page);

  // Closing the tab with restored, unsaved text warns (beforeunload).
  const unloadQuestion = page.waitForEvent("dialog");
  await page.close({ runBeforeUnload: true });
  expect((await unloadQuestion).type()).toBe("beforeunload");
});

test("discarding restored text opens the server's version, and leaving after confirming goes on", async ({ page }) => {
  const update = await seedPublishedUpdate();
  await signIn(page, demoAccounts.projectLeader.email, DEMO_PASSWORD);
  await page.goto(`/updates/${update.id}/bewerken`);
  await waitForHydration(page);
  await bodyField(page).fill(`${update.body} Weg ermee.`);
  page.on("dialog", (question) => void question.accept());
  await page.reload();
  await waitForHydration(page);
  await page.getByRole("button", { name: nl("autosave.discardRestored") }).click();
  await expect(page.getByText(nl("autosave.restored"))).toHaveCount(0);
  await expect(bodyField(page)).toHaveValue(update.body);

  await bodyField(page).fill("Toch iets anders.");
  await page.getByRole("link", { name: nl("update.editor.cancel"), exact: true }).click();
  await page.getByRole("button", { name: nl("autosave.leave") }).click();
  await page.waitForURL(new RegExp(`/updates/${update.id}$`));
  await page.goto(`/updates/${update.id}/bewerken`);
  await waitForHydration(page);
  await expect(page.getByText(nl("autosave.restored"))).toHaveCount(0);
  await expect(bodyField(page)).toHaveValue(update.body);
});

test("an unsent comment survives a reload, and is forgotten once sent", async ({ page }) => {
  const update = await seedPublishedUpdate();
  const text = `Een reactie die nog niet weg is ${Date.now()}`;
  await signIn(page, demoAccounts.member.email, DEMO_PASSWORD);
  await page.goto(`/updates/${update.id}`);
  await waitForHydration(page, "#reacties form button[type=submit]");
  const box = page.getByRole("combobox", { name: new RegExp(`^${nl("comments.newLabel")}`) });
  await box.fill(text);
  await page.reload();
  await waitForHydration(page, "#reacties form button[type=submit]");
  await expect(box).toHaveValue(text);
  await expect(page.getByText(nl("autosave.commentRestored"))).toBeVisible();

  await page.getByRole("button", { name: nl("comments.submit"), exact: true }).click();
  await expect(page.locator("[data-comment]", { hasText: text })).toBeVisible();
  await expect(box).toHaveValue("");
  await page.reload();
  await waitForHydration(page, "#reacties form button[type=submit]");
  await expect(box).toHaveValue("");
  await expect(page.getByText(nl("autosave.commentRestored"))).toHaveCount(0);
});
