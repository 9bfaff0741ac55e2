import { expect, nl, test, waitForHydration } from "./fixtures";
import { fitForTextarea, markdownBatches, shortPayloads } from "./support/attack-batches";
import { expectInert, type Alarms } from "./support/attack-detectors";
import {
  armedPage,
  clickAndAwaitAction,
  expectDetectorsWork,
  expectEveryMarker,
  fillText,
  submitForm,
  visitInert,
} from "./support/attack-ui";
import { seedAttackWorld } from "./support/attack-world";
import { BATCHABLE } from "./support/hostile-inputs";

// The attack suite for lessons: a coordinator writes a lesson with a hostile
// title and Markdown text, cites an update with a hostile note and changes
// its status with a hostile reason; the lesson pages, the update page that
// lists it and the audit log must stay inert. See attack-inputs.spec.ts for
// what "inert" checks.

test.use({ actionTimeout: 20_000 });

const t = (key: string) => nl(`lessons.${key}`);

test("hostile lesson titles, texts, notes and reasons stay text everywhere they are shown", async ({ newContext }) => {
  test.setTimeout(150_000);
  const world = await seedAttackWorld();
  const alarms: Alarms = [];
  const coordinator = await armedPage(newContext, alarms, world.coordinator.email, world.password);
  await expectDetectorsWork(coordinator, alarms);

  const title = `${shortPayloads(140)[2]} ${world.tag}`;
  const body = fitForTextarea(markdownBatches(BATCHABLE, 9000)[0]!, 20_000);
  const markers = (body.match(/Proef-\d+-einde/g) ?? []).length;

  await coordinator.goto("/lessen/nieuw");
  await waitForHydration(coordinator);
  await fillText(coordinator.getByLabel(t("editor.titleField")), title);
  await fillText(coordinator.getByLabel(t("editor.body")), body);
  await clickAndAwaitAction(coordinator, coordinator.getByRole("button", { name: t("editor.create"), exact: true }));
  await coordinator.waitForURL((url) => /^\/lessen\/[a-z0-9]+$/.test(url.pathname) && url.pathname !== "/lessen/nieuw");
  const lessonPath = new URL(coordinator.url()).pathname;
  await expectInert(coordinator, alarms, "a lesson with a hostile title and text");
  await expectEveryMarker(coordinator.getByRole("main"), markers);

  const citeForm = t("citeForm.heading");
  await submitForm(
    coordinator,
    citeForm,
    { [t("citeForm.link")]: `/updates/${world.updateId}`, [t("citeForm.note")]: shortPayloads(900)[1]! },
    t("citeForm.submit"),
  );
  await submitForm(
    coordinator,
    citeForm,
    { [t("citeForm.link")]: 'javascript:alert(1)//updates/x"><svg onload=1>' },
    t("citeForm.submit"),
    {
      refused: true,
    },
  );
  await submitForm(coordinator, t("statusForm.heading"), { [t("statusForm.reason")]: shortPayloads(480)[3]! }, t("statusForm.submit"), {
    prepare: (form) =>
      form
        .getByRole("combobox")
        .selectOption("ONDERBOUWD")
        .then(() => {}),
  });
  await expectInert(coordinator, alarms, "a lesson with a hostile citation note");
  await expect(coordinator.getByRole("heading", { level: 1 })).toHaveText(title.replace(/\s+/g, " ").trim());

  const member = await armedPage(newContext, alarms, world.members[0]!.email, world.password);
  for (const path of ["/lessen", "/lessen?status=ONDERBOUWD", lessonPath, `/updates/${world.updateId}`])
    await visitInert(member, alarms, path);
  for (const path of [`${lessonPath}/bewerken`, `/updates/${world.updateId}`, "/beheer/audit?type=lesson.cite"]) {
    await visitInert(coordinator, alarms, path);
  }
});
