import { expect, nl, test } from "./fixtures";
import { markdownBatches, shortPayloads } from "./support/attack-batches";
import { expectInert, type Alarms } from "./support/attack-detectors";
import {
  armedPage,
  expectDetectorsWork,
  expectEveryMarker,
  expectPreviewInert,
  fillEditor,
  submitEditor,
  visitInert,
} from "./support/attack-ui";
import { seedAttackWorld } from "./support/attack-world";
import { BATCHABLE, SOLITARY } from "./support/hostile-inputs";

// The attack suite, part 1: hostile update titles, bodies and milestones,
// and the search box. Entered through the real editor and search form,
// then every page that shows them is rendered once and checked: no dialog,
// no write to window.__xss, no CSP violation, no active content in the DOM
// (support/attack-detectors.ts), no 5xx and no request to another origin
// (the fixtures). The payloads: support/hostile-inputs.ts. The other parts:
// attack-people (names, comments, reports, moderation), attack-programme
// (taxonomy and programme), attack-http (cross-origin writes, callbackUrl,
// cookies), attack-https (behind a trusted proxy), attack-limits (rate limits).

test.describe.configure({ mode: "parallel" });
test.use({ actionTimeout: 20_000 });

/** A query string value; lone surrogates (a payload) become U+FFFD first, as a browser's form would send them. */
const param = (value: string) =>
  encodeURIComponent(value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD"));

test("hostile update titles, bodies and milestones stay text: editor preview, update page, revisions, lists, export", async ({
  newContext,
}) => {
  test.setTimeout(150_000);
  const world = await seedAttackWorld();
  const alarms: Alarms = [];
  const leader = await armedPage(newContext, alarms, world.author.email, world.password);
  await expectDetectorsWork(leader, alarms);

  const titles = shortPayloads(200);
  const milestones = shortPayloads(80);
  const [body] = markdownBatches(BATCHABLE, 50_000);
  const tags = { opgaven: [world.opgave.name], themes: [world.theme.name] };

  // --- One update carries every payload that can share a text --------------------------------
  await leader.goto("/updates/nieuw");
  await fillEditor(leader, { experimentId: world.experimentId, title: titles[0]!, milestone: milestones[0], body: body!, ...tags });
  await expectPreviewInert(leader, alarms, BATCHABLE.length);
  const first = await submitEditor(leader, "publish");
  await expect(leader.getByRole("heading", { level: 1 })).toContainText("<script>window.__xss=1</script>");
  await expectInert(leader, alarms, "the new update's page");
  await expectEveryMarker(leader.locator("main article").first(), BATCHABLE.length);

  // --- A second: 2,000 nested list markers, under a title that starts like a spreadsheet formula -
  const formulaTitle = `=HYPERLINK("https://evil.example","klik") ${titles[1]}`.slice(0, 200);
  await leader.goto("/updates/nieuw");
  await fillEditor(leader, {
    experimentId: world.experimentId,
    title: formulaTitle,
    milestone: milestones[1],
    body: SOLITARY.find((input) => input.kind === "nesting")!.text,
    ...tags,
  });
  await expectPreviewInert(leader, alarms);
  const second = await submitEditor(leader, "publish");
  await expectInert(leader, alarms, "the nested update's page");

  // --- A title too long is refused in plain words, not with a 500 ------------------------------
  await leader.goto("/updates/nieuw");
  await fillEditor(leader, { experimentId: world.experimentId, title: "<script>alert(1)</script>".repeat(20), body: "x" });
  await leader.getByRole("button", { name: nl("update.editor.saveDraft"), exact: true }).click();
  await expect(leader.getByText(nl("errors.update.titleTooLong"), { exact: true })).toBeVisible();
  await expectInert(leader, alarms, "the editor with a refused title");

  // --- A draft, listed on the leader's drafts page ------------------------------------------------
  await fillEditor(leader, { title: titles[3]!, body: markdownBatches(BATCHABLE.slice(60), 50_000)[0]! });
  await leader.getByRole("button", { name: nl("update.editor.saveDraft"), exact: true }).click();
  await leader.waitForURL((url) => /^\/updates\/[^/]+$/.test(url.pathname) && url.pathname !== "/updates/nieuw");
  await expectInert(leader, alarms, "the draft's page");
  await visitInert(leader, alarms, "/updates/concepten");

  // --- The first update edited: another title, a body that differs everywhere -------------------
  await leader.goto(`${first}/bewerken`);
  await expectInert(leader, alarms, "the editor holding the hostile update");
  await fillEditor(leader, {
    title: titles[2]!,
    body: [...SOLITARY.filter((input) => input.kind === "overlong").map((input) => input.text.slice(0, 2000)), body!.slice(0, 12_000)].join(
      "\n\n",
    ),
  });
  await submitEditor(leader, "saveChanges");
  await expectInert(leader, alarms, "the edited update's page");

  // --- A member reads everything that shows these titles and bodies ----------------------------
  const member = await armedPage(newContext, alarms, world.members[0]!.email, world.password);
  for (const path of [
    first,
    `${first}/versies`,
    second,
    "/",
    "/updates",
    `/experimenten/${world.experimentSlug}`,
    `/gemeenten/${world.municipalitySlug}`,
    `/opgaven/${world.opgave.slug}`,
    `/themas/${world.theme.slug}`,
    "/volgend",
  ]) {
    await visitInert(member, alarms, path);
  }

  // The CSV export neutralises the formula; the page stays the source of truth for text.
  const csv = await (await member.request.get(`/updates/export.csv?experiment=${world.experimentSlug}`)).text();
  expect(csv).toContain("'=HYPERLINK(");
  expect(csv).not.toMatch(/(^|[;\n])"?=HYPERLINK/);
});

test("hostile search terms are shown as typed and find nothing they should not", async ({ newContext }) => {
  test.setTimeout(90_000);
  const world = await seedAttackWorld();
  const alarms: Alarms = [];
  const member = await armedPage(newContext, alarms, world.members[0]!.email, world.password);
  await expectDetectorsWork(member, alarms);

  // Through the form once…
  const typed = "<img src=x onerror=window.__xss=1> \"'><svg onload=alert(1)>";
  await member.goto("/updates");
  await member.getByLabel(nl("updatesTable.search"), { exact: true }).fill(typed);
  await member.getByRole("button", { name: nl("updatesTable.apply"), exact: true }).click();
  await member.waitForURL(/[?&]q=/);
  await expect(member.getByLabel(nl("updatesTable.search"), { exact: true })).toHaveValue(typed);
  await expectInert(member, alarms, "the search results");

  // …then every short payload through the address, as a shared link would; and hostile filters and sorts.
  // A fifth of them keeps the test short; the bodies carry every payload.
  const queries = shortPayloads(200).filter((_, index) => index % 5 === 0);
  for (const q of queries) await visitInert(member, alarms, `/updates?q=${param(q)}`);
  const hostile = encodeURIComponent("<script>alert(1)</script>");
  await visitInert(
    member,
    alarms,
    `/updates?q=${hostile}&sort=${hostile}&dir=${hostile}&opgave=${hostile}&theme=__proto__&municipality=..%2F..&page=-1&perPage=1e9&from=2026-02-30&to=${hostile}`,
  );
  await visitInert(member, alarms, `/updates?q=${encodeURIComponent("<".repeat(499))}`);
  await visitInert(member, alarms, `/updates?q=${"%00".repeat(50)}${hostile}`);
  expect(queries.length).toBeGreaterThan(7);
});
