import type { BrowserContext, BrowserContextOptions, Locator, Page } from "@playwright/test";
import { expect, latestEmailTo, linkFrom, nl, signIn, waitForHydration } from "../fixtures";
import { batchMarker } from "./attack-batches";
import { armDetectors, expectInert, scanForActiveContent, type Alarms } from "./attack-detectors";
import { query } from "./database";

/** The attack suite's way through the real UI: every form is filled and submitted as a person would. */

type NewContext = (options?: BrowserContextOptions) => Promise<BrowserContext>;

/** A field's label, also when the form adds "(optioneel)" after it. */
export const labelled = (label: string) => new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}( \\(|$)`);

/**
 * Fills a text field. Chromium's editing command behind fill() takes seconds
 * for thousands of line breaks (10 s for 5,000, in a bare textarea too), so
 * such texts are set the way a paste lands: the value at once, one input event.
 */
export async function fillText(field: Locator, text: string): Promise<void> {
  if ((text.match(/\n/g) ?? []).length < 200) return field.fill(text);
  await field.evaluate((element, value) => {
    const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(element), "value")!.set!;
    setter.call(element, value);
    element.dispatchEvent(new Event("input", { bubbles: true }));
  }, text);
}

/** A page in a fresh context with the detectors armed, signed in as `email` when given. */
export async function armedPage(newContext: NewContext, alarms: Alarms, email?: string, password?: string): Promise<Page> {
  const context = await newContext();
  await armDetectors(context, alarms);
  const page = await context.newPage();
  if (email) await signIn(page, email, password!);
  return page;
}

/**
 * Shows the detectors are live on this page: a flag write, a dialog, and an
 * inline handler the CSP blocks are each reported (and a scan finds the
 * handler). Clears the alarms afterwards.
 */
export async function expectDetectorsWork(page: Page, alarms: Alarms): Promise<void> {
  await page.evaluate(() => {
    window.__xss = "zelftest";
    document.body.insertAdjacentHTML("beforeend", `<img id="attack-selftest" alt="" src="data:," onerror="void 0">`);
    setTimeout(() => alert("zelftest"), 0);
  });
  await expect.poll(() => alarms.some((alarm) => alarm.startsWith("CSP ")), { message: "the CSP violation is reported" }).toBe(true);
  await expect.poll(() => alarms.some((alarm) => alarm.includes("dialog: zelftest"))).toBe(true);
  expect(alarms.some((alarm) => alarm.includes("window.__xss was set to zelftest"))).toBe(true);
  expect((await scanForActiveContent(page)).some((finding) => finding.startsWith("event handler onerror"))).toBe(true);
  await page.evaluate(() => document.getElementById("attack-selftest")?.remove());
  alarms.length = 0;
}

/** Opens `path` and checks it: no 5xx (the fixtures), no alarm, no active content. */
export async function visitInert(page: Page, alarms: Alarms, path: string): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), `${path} answers`).toBeLessThan(500);
  await expectInert(page, alarms, path);
}

/** Visits each path in turn on `page` (see visitInert). */
export async function visitAllInert(page: Page, alarms: Alarms, paths: readonly string[]): Promise<void> {
  for (const path of paths) await visitInert(page, alarms, path);
}

const editorBody = (page: Page) => page.getByRole("textbox", { name: new RegExp(`^${nl("update.editor.body")} `) });

export type UpdateFields = {
  experimentId?: string;
  title: string;
  body: string;
  milestone?: string;
  opgaven?: string[];
  themes?: string[];
};

/** Fills the update editor on the current page (new or edit). */
export async function fillEditor(page: Page, fields: UpdateFields): Promise<void> {
  await waitForHydration(page);
  if (fields.experimentId) {
    await page.getByRole("combobox", { name: new RegExp(`^${nl("update.editor.experiment")}`) }).selectOption(fields.experimentId);
  }
  await page.getByLabel(nl("update.editor.title"), { exact: true }).fill(fields.title);
  const phase = page.getByRole("combobox", { name: new RegExp(`^${nl("update.editor.phase")}`) });
  if (await phase.count()) await phase.selectOption({ label: nl("phases.UITVOERING") });
  if (fields.milestone !== undefined) await page.getByLabel(labelled(nl("update.editor.milestone"))).fill(fields.milestone);
  await fillText(editorBody(page), fields.body);
  for (const name of [...(fields.opgaven ?? []), ...(fields.themes ?? [])]) await page.getByLabel(name, { exact: true }).check();
}

/** Every payload's marker is visible text in `region`: no payload swallowed the ones after it. */
export async function expectEveryMarker(region: Locator, count: number): Promise<void> {
  const text = await region.innerText();
  const missing = Array.from({ length: count }, (_, index) => batchMarker(index)).filter((marker) => !text.includes(marker));
  expect(missing, "every payload of the batch was rendered").toEqual([]);
}

/** Shows the editor's preview tab (the same Markdown, rendered in the browser) and checks it, and its markers when `markers` is given. */
export async function expectPreviewInert(page: Page, alarms: Alarms, markers?: number): Promise<void> {
  await page.getByRole("tab", { name: nl("update.editor.preview"), exact: true }).click();
  const preview = page.getByRole("tabpanel", { name: nl("update.editor.preview") });
  await expect(preview).not.toContainText(nl("update.editor.previewLoading"));
  await expectInert(page, alarms, "the editor's preview");
  if (markers) await expectEveryMarker(preview, markers);
  await page.getByRole("tab", { name: nl("update.editor.write"), exact: true }).click();
}

/** Publishes the editor's update (or saves an edit) and answers its path. */
export async function submitEditor(page: Page, button: "publish" | "saveChanges"): Promise<string> {
  await page.getByRole("button", { name: nl(`update.editor.${button}`), exact: true }).click();
  const refusal = page.getByRole("main").getByRole("alert").first();
  await Promise.race([
    page.waitForURL((url) => /^\/updates\/[^/]+$/.test(url.pathname) && url.pathname !== "/updates/nieuw"),
    refusal.waitFor().then(async () => {
      const fieldErrors = await page.locator("[id$=-error]").allInnerTexts();
      throw new Error(`The editor refused: ${await refusal.innerText()} ${fieldErrors.join(" ")}`);
    }),
  ]);
  return new URL(page.url()).pathname;
}

/** Posts a comment through the form under an update (the page must be open); waits until it is posted, or refused with `refusedWith`. */
export async function postComment(page: Page, body: string, { refusedWith }: { refusedWith?: string } = {}): Promise<void> {
  const box = page.getByRole("combobox", { name: new RegExp(`^${nl("comments.newLabel")}`) });
  const form = page.locator("form", { has: box });
  await fillText(box, body);
  await box.press("Escape");
  await clickAndAwaitAction(page, form.getByRole("button", { name: nl("comments.submit"), exact: true }));
  if (refusedWith) {
    await expect(form.getByRole("alert")).toContainText(refusedWith);
    return;
  }
  await expect(box).toHaveValue("");
  await expect(form.getByText(nl("comments.posted"), { exact: true })).toBeVisible();
}

/** Clicks `button` and waits for the server action's answer (never a 5xx). */
export async function clickAndAwaitAction(page: Page, button: Locator): Promise<void> {
  const answered = page.waitForResponse(
    (response) => response.request().method() === "POST" && response.request().headers()["next-action"] !== undefined,
  );
  await button.click();
  expect((await answered).status(), "the server action answers").toBeLessThan(500);
}

/** The coordinator invites `email` (the invitations page must be open); answers the link from the outbox, or null when the form refused it. */
export async function invite(page: Page, email: string, { refused = false }: { refused?: boolean } = {}): Promise<string | null> {
  await waitForHydration(page);
  await page.getByRole("textbox", { name: nl("admin.invitations.email") }).fill(email);
  await clickAndAwaitAction(page, page.getByRole("button", { name: nl("admin.invitations.submit") }));
  const main = page.getByRole("main");
  if (refused) {
    await expect(main.getByRole("alert").first()).toBeVisible();
    await expect(main.getByRole("status")).toHaveCount(0);
    return null;
  }
  await expect(main.getByRole("status")).toHaveText(nl("admin.invitations.sent", { email }));
  return linkFrom((await latestEmailTo(email, { subject: "Uitnodiging voor Koppelkans" })).text, "/uitnodiging/");
}

/** Accepts an invitation with `name` in a context of its own. */
export async function acceptInvitation(
  newContext: NewContext,
  alarms: Alarms,
  link: string,
  name: string,
  password: string,
): Promise<void> {
  const page = await armedPage(newContext, alarms);
  await page.goto(link);
  await waitForHydration(page);
  await page.getByRole("textbox", { name: nl("invitation.name") }).fill(name);
  await page.getByLabel(nl("invitation.password"), { exact: true }).fill(password);
  await page.getByLabel(nl("invitation.passwordConfirm"), { exact: true }).fill(password);
  await page.getByRole("button", { name: nl("invitation.submit") }).click();
  await page.waitForURL((url) => url.pathname === "/inloggen" && url.searchParams.get("status") === "accountCreated");
  await expectInert(page, alarms, "the sign-in page after an invitation");
  await page.context().close();
}

/**
 * Submits the action form named `formName` on the current page with `fields`
 * (label → value) and checks it said ok (or refused, when `refused`). The
 * form is pinned first: its name may change with what it saved.
 */
export async function submitForm(
  page: Page,
  formName: string,
  fields: Record<string, string>,
  submit: string,
  { refused = false, prepare }: { refused?: boolean; prepare?: (form: Locator) => Promise<void> } = {},
): Promise<Locator> {
  await waitForHydration(page, "main form button[type=submit]");
  const pin = `attack-${Math.random().toString(36).slice(2)}`;
  await page
    .getByRole("form", { name: formName, exact: true })
    .evaluate((element, value) => element.setAttribute("data-attack-form", value), pin);
  const form = page.locator(`[data-attack-form="${pin}"]`);
  await prepare?.(form);
  for (const [label, value] of Object.entries(fields)) await fillText(form.getByLabel(labelled(label)), value);
  await clickAndAwaitAction(page, form.getByRole("button", { name: submit, exact: true }));
  const [shown, absent] = refused
    ? [form.getByRole("alert"), form.getByRole("status")]
    : [form.getByRole("status"), form.getByRole("alert")];
  await expect(shown.first(), `${formName}: ${refused ? "refused" : "saved"}`).toBeVisible();
  await expect(absent).toHaveCount(0);
  return form;
}

/** The ids of `authorId`'s comments, oldest first. */
export async function commentIdsOf(authorId: string): Promise<string[]> {
  const rows = await query<{ id: string }>(`SELECT id FROM "Comment" WHERE "authorId" = $1 ORDER BY "createdAt", id`, [authorId]);
  return rows.map((row) => row.id);
}

/** The id of the account with `email`. */
export async function userIdOf(email: string): Promise<string> {
  const [row] = await query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [email.toLowerCase()]);
  return row!.id;
}
