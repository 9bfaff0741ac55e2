import type { Locator, Page } from "@playwright/test";
import { expect, expectNoA11yViolations, nl, signIn, test, waitForHydration } from "./fixtures";
import { databaseUrl } from "./support/database";
import { seedDiscussionWorld, type DiscussionWorld } from "./support/discussion-world";

/**
 * The writing toolbar (components/editor) in a world of its own: a project
 * leader writes in the update editor, a member in the comment form.
 */

let world: DiscussionWorld;
test.beforeAll(async () => {
  world = await seedDiscussionWorld(databaseUrl(), { members: 1 });
});

const withShortcut = (command: string, key: string) => nl("editor.withShortcut", { name: nl(`editor.commands.${command}`), key });

/** Selects `text` (its first occurrence) inside the textarea. */
async function selectText(field: Locator, text: string) {
  await field.evaluate((element, wanted) => {
    const textarea = element as HTMLTextAreaElement;
    const start = textarea.value.indexOf(wanted);
    textarea.focus();
    textarea.setSelectionRange(start, start + wanted.length);
  }, text);
}

/** What is selected in the textarea. */
function selection(field: Locator): Promise<string> {
  return field.evaluate((element) => {
    const textarea = element as HTMLTextAreaElement;
    return textarea.value.slice(textarea.selectionStart, textarea.selectionEnd);
  });
}

/** Pastes a small PNG, drawn in the page, as a screenshot paste would. */
async function pasteImage(page: Page, field: Locator) {
  await field.evaluate(async (element) => {
    const canvas = document.createElement("canvas");
    canvas.width = 8;
    canvas.height = 8;
    const context = canvas.getContext("2d")!;
    context.fillStyle = "#1d4ed8";
    context.fillRect(0, 0, 8, 8);
    const blob = await new Promise<Blob>((resolve) => canvas.toBlob((made) => resolve(made!), "image/png"));
    const data = new DataTransfer();
    data.items.add(new File([blob], "schermafbeelding.png", { type: "image/png" }));
    element.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(page.getByText(nl("update.editor.uploadedDescribe"))).toBeVisible();
}

test("the update editor's toolbar and Ctrl+B wrap the selection, Ctrl+K makes a link, a pasted image is uploaded and inserted", async ({
  page,
}) => {
  await signIn(page, world.author.email, world.password);
  await page.goto("/updates/nieuw");
  await waitForHydration(page);
  const body = page.getByRole("textbox", { name: new RegExp(`^${nl("update.editor.body")} `) });
  const toolbar = page.getByRole("toolbar", { name: nl("editor.toolbar") });

  await body.fill("Een mooie dag in de wijk");
  await selectText(body, "mooie");
  await toolbar.getByRole("button", { name: withShortcut("bold", "B"), exact: true }).click();
  await expect(body).toHaveValue("Een **mooie** dag in de wijk");
  expect(await selection(body)).toBe("mooie");
  // Ctrl+B takes it off again, and Ctrl+Z undoes that like typing.
  await page.keyboard.press("Control+b");
  await expect(body).toHaveValue("Een mooie dag in de wijk");
  await page.keyboard.press("Control+z");
  await expect(body).toHaveValue("Een **mooie** dag in de wijk");

  await selectText(body, "wijk");
  await page.keyboard.press("Control+b");
  await expect(body).toHaveValue("Een **mooie** dag in de **wijk**");

  await selectText(body, "dag");
  await page.keyboard.press("Control+k");
  await expect(body).toHaveValue("Een **mooie** [dag](https://) in de **wijk**");
  await page.keyboard.type("https://example.nl/verslag");
  await expect(body).toHaveValue("Een **mooie** [dag](https://example.nl/verslag) in de **wijk**");

  // One Tab stop; the arrow keys move between the buttons.
  await toolbar.getByRole("button", { name: withShortcut("bold", "B"), exact: true }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(toolbar.getByRole("button", { name: withShortcut("italic", "I"), exact: true })).toBeFocused();
  await page.keyboard.press("End");
  await expect(toolbar.getByRole("button", { name: nl("editor.commands.image"), exact: true })).toBeFocused();

  await body.focus();
  await body.press("End");
  await pasteImage(page, body);
  await expect(body).toHaveValue(new RegExp(`\\n\\n!\\[${nl("update.editor.altPlaceholder")}\\]\\(/beelden/[a-z0-9]+\\)\\n\\n$`));
  expect(await selection(body)).toBe(nl("update.editor.altPlaceholder"));

  await expectNoA11yViolations(page);
});

test("the comment toolbar bolds the selection and the comment preview shows it bold", async ({ page }) => {
  await signIn(page, world.members[0]!.email, world.password);
  await page.goto(`/updates/${world.updateId}`);
  // The form by its name: while the preview shows, the text field is hidden.
  const form = page.getByRole("form", { name: nl("comments.newHeading"), exact: true });
  const box = form.getByRole("combobox", { name: new RegExp(`^${nl("comments.newLabel")}`) });
  await waitForHydration(page, "main form textarea[name=body]");

  await box.fill("Goed plan, ik doe mee");
  await selectText(box, "plan");
  await form
    .getByRole("toolbar", { name: nl("editor.toolbar") })
    .getByRole("button", { name: withShortcut("bold", "B"), exact: true })
    .click();
  await expect(box).toHaveValue("Goed **plan**, ik doe mee");

  await form.getByRole("tab", { name: nl("editor.preview"), exact: true }).click();
  const preview = form.getByRole("tabpanel", { name: nl("editor.preview") });
  await expect(preview.locator("strong")).toHaveText("plan");
  await expectNoA11yViolations(page);

  // Back to writing: the text is still there to post.
  await form.getByRole("tab", { name: nl("editor.write"), exact: true }).click();
  await expect(box).toHaveValue("Goed **plan**, ik doe mee");
});
