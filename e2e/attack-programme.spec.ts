import { expect, nl, test } from "./fixtures";
import { fitForTextarea, markdownBatches, shortPayloads } from "./support/attack-batches";
import { expectInert, type Alarms } from "./support/attack-detectors";
import { armedPage, expectDetectorsWork, fillEditor, submitEditor, submitForm, visitInert } from "./support/attack-ui";
import { seedAttackWorld } from "./support/attack-world";
import { query } from "./support/database";
import { BATCHABLE } from "./support/hostile-inputs";

// The attack suite, part 3: the programme's own words. Hostile opgave and
// theme names, slugs and descriptions, municipality, wijk and experiment
// names and summaries, entered by a coordinator through the management
// forms, then shown in the editor's choices, on tags, lists, filters and
// pages. See attack-inputs.spec.ts for what "inert" checks.

test.use({ actionTimeout: 20_000 });

const t = (key: string, values?: Record<string, string>) => nl(`admin.${key}`, values);

/** `count` entries spread over `list`, so the names draw on every kind of payload. */
function spread<T>(list: readonly T[], count: number): T[] {
  return Array.from({ length: count }, (_, index) => list[Math.floor((index * list.length) / count)]!);
}

test("hostile opgave, theme, municipality, wijk and experiment names and descriptions stay text everywhere they are shown", async ({
  newContext,
}) => {
  test.setTimeout(150_000);
  const world = await seedAttackWorld();
  const alarms: Alarms = [];
  const coordinator = await armedPage(newContext, alarms, world.coordinator.email, world.password);
  await expectDetectorsWork(coordinator, alarms);

  const names = spread(shortPayloads(68), 8).map((name, index) => `${name} ${world.tag}${index}`);
  const texts = markdownBatches(BATCHABLE, 1000).map((text) => fitForTextarea(text, 1000));

  // --- Two opgaven and two themes: hostile names, slugs and descriptions ---------------------
  await coordinator.goto("/beheer/taxonomie");
  const kinds = [
    { add: t("taxonomy.addOpgave"), table: "Opgave", segment: "opgaven" },
    { add: t("taxonomy.addTheme"), table: "Theme", segment: "themas" },
  ] as const;
  const created: { segment: string; name: string; slug: string; id: string }[] = [];
  for (const [kindIndex, kind] of kinds.entries()) {
    for (const index of [0, 1]) {
      const name = names[kindIndex * 2 + index]!;
      const fields = {
        [t("taxonomy.name")]: name,
        [t("taxonomy.slug")]: `"><svg/onload=1> ../${world.tag} ${kindIndex}${index}`,
        [t("taxonomy.description")]: texts[kindIndex * 2 + index]!,
      };
      await submitForm(coordinator, kind.add, fields, kind.add);
      const [row] = await query<{ id: string; slug: string }>(`SELECT id, slug FROM "${kind.table}" WHERE name = $1`, [
        name.replace(/\s+/g, " ").trim(),
      ]);
      expect(row, `the ${kind.table} "${name}" was saved under its name`).toBeDefined();
      created.push({ segment: kind.segment, name, ...row! });
    }
  }
  await submitForm(coordinator, kinds[0].add, { [t("taxonomy.name")]: "<script>alert(1)</script>".repeat(4) }, kinds[0].add, {
    refused: true,
  });
  await expectInert(coordinator, alarms, "the taxonomy page with hostile names");

  // --- The world's municipality renamed, a new one and a wijk, and an experiment ----------------
  const digits = String(parseInt(world.tag, 16) % 1000).padStart(3, "0");
  const municipality = { name: names[4]!, renamed: names[5]! };
  await coordinator.goto(`/beheer/programma/gemeenten/${world.municipalityId}`);
  await submitForm(
    coordinator,
    t("programme.editMunicipality", { name: world.municipalityName }),
    { [t("programme.name")]: municipality.renamed, [t("programme.municipalityCbsCode")]: `GM9${digits}` },
    t("programme.save"),
  );
  await coordinator.goto("/beheer/programma");
  await submitForm(
    coordinator,
    t("programme.addMunicipality"),
    {
      [t("programme.name")]: municipality.name,
      [t("programme.slug")]: `<b>${world.tag}</b>`,
      [t("programme.municipalityCbsCode")]: `GM8${digits}`,
    },
    t("programme.addMunicipality"),
  );
  await submitForm(
    coordinator,
    t("programme.addWijk"),
    { [t("programme.wijkName")]: names[6]!, [t("programme.wijkCbsCode")]: `WK9${digits}01` },
    t("programme.addWijk"),
    {
      prepare: (form) =>
        form
          .getByRole("combobox", { name: new RegExp(`^${t("programme.municipality")}`) })
          .selectOption(world.municipalityId)
          .then(() => {}),
    },
  );
  const experimentTitle = `${shortPayloads(140)[7]} ${world.tag}`;
  await submitForm(
    coordinator,
    t("programme.addExperiment"),
    {
      [t("programme.experimentTitle")]: experimentTitle,
      [t("programme.summary")]: fitForTextarea(markdownBatches(BATCHABLE, 2000)[1]!, 2000),
      [t("programme.startDate")]: "2026-01-05",
    },
    t("programme.addExperiment"),
    {
      prepare: async (form) => {
        await form.getByRole("combobox", { name: new RegExp(`^${t("programme.municipality")}`) }).selectOption(world.municipalityId);
        await form.getByLabel(names[6]!, { exact: true }).check();
        await form.getByLabel(world.authorName, { exact: true }).check();
      },
    },
  );
  await expectInert(coordinator, alarms, "the programme page with hostile names");
  const [experiment] = await query<{ id: string; slug: string }>(`SELECT id, slug FROM "Experiment" WHERE title = $1`, [experimentTitle]);
  const [newMunicipality] = await query<{ id: string; slug: string }>(`SELECT id, slug FROM "Municipality" WHERE name = $1`, [
    municipality.name,
  ]);

  // --- The project leader sees them as choices, and publishes an update with them --------------
  const leader = await armedPage(newContext, alarms, world.author.email, world.password);
  await leader.goto("/updates/nieuw");
  await expectInert(leader, alarms, "the editor's choices with hostile names and descriptions");
  await fillEditor(leader, {
    experimentId: experiment!.id,
    title: `Met vijandige labels ${world.tag}`,
    body: "Gewone tekst.",
    opgaven: [created[0]!.name, created[1]!.name],
    themes: [created[2]!.name, created[3]!.name],
  });
  const updatePath = await submitEditor(leader, "publish");
  await expectInert(leader, alarms, "an update with hostile tags");

  // --- Everywhere these words are shown -----------------------------------------------------------
  const member = await armedPage(newContext, alarms, world.members[0]!.email, world.password);
  const portal = [
    "/opgaven",
    "/themas",
    ...created.map((item) => `/${item.segment}/${item.slug}`),
    "/gemeenten",
    `/gemeenten/${world.municipalitySlug}`,
    `/gemeenten/${newMunicipality!.slug}`,
    `/experimenten/${experiment!.slug}`,
    "/updates",
    `/updates?opgave=${created[0]!.slug}&theme=${created[2]!.slug}`,
    updatePath,
    "/",
  ];
  for (const path of portal) await visitInert(member, alarms, path);
  const management = [
    "/beheer/taxonomie",
    ...created.map((item) => `/beheer/taxonomie/${item.segment}/${item.id}`),
    `/beheer/programma/gemeenten/${world.municipalityId}`,
    `/beheer/programma/gemeenten/${newMunicipality!.id}`,
    `/beheer/programma/experimenten/${experiment!.id}`,
    "/beheer/uitnodigingen",
  ];
  for (const path of management) await visitInert(coordinator, alarms, path);
});
