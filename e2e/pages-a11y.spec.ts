import { DEMO_PASSWORD, demoAccounts, expect, expectNoA11yViolations, signIn, switchLanguage, test } from "./fixtures";
import { query } from "./support/database";

// Every page of the portal, once in Dutch and once in English, through axe
// (WCAG 2.1 A/AA, no serious or critical findings) and without a server error.

async function pagesToVisit(): Promise<string[]> {
  const [update] = await query<{ id: string }>(`SELECT id FROM "Update" WHERE status = 'PUBLISHED' ORDER BY "publishedAt" DESC LIMIT 1`);
  const [experiment] = await query<{ id: string; slug: string }>(`SELECT id, slug FROM "Experiment" ORDER BY slug LIMIT 1`);
  const [municipality] = await query<{ id: string; slug: string }>(`SELECT id, slug FROM "Municipality" ORDER BY slug LIMIT 1`);
  const [opgave] = await query<{ id: string; slug: string }>(`SELECT id, slug FROM "Opgave" ORDER BY "sortOrder" LIMIT 1`);
  const [theme] = await query<{ slug: string }>(`SELECT slug FROM "Theme" ORDER BY "sortOrder" LIMIT 1`);
  const [member] = await query<{ id: string }>(`SELECT id FROM "User" WHERE role = 'MEMBER' ORDER BY email LIMIT 1`);
  const [lesson] = await query<{ id: string }>(`SELECT id FROM "Lesson" ORDER BY "createdAt" LIMIT 1`);
  return [
    "/",
    "/updates",
    "/updates?q=bewoners&opgave=energietransitie-aardgasvrij",
    "/koppelkansen",
    "/koppelkansen?view=themes&measure=municipalities",
    `/updates/${update!.id}`,
    `/updates/${update!.id}/versies`,
    "/gemeenten",
    `/gemeenten/${municipality!.slug}`,
    `/experimenten/${experiment!.slug}`,
    "/programma",
    "/opgaven",
    `/opgaven/${opgave!.slug}`,
    "/themas",
    `/themas/${theme!.slug}`,
    "/lessen",
    "/lessen?status=BEVESTIGD",
    `/lessen/${lesson!.id}`,
    "/lessen/nieuw",
    `/lessen/${lesson!.id}/bewerken`,
    "/meldingen",
    "/volgend",
    "/instellingen/e-mail",
    "/profiel",
    "/beheer/programma",
    `/beheer/programma/gemeenten/${municipality!.id}`,
    `/beheer/programma/experimenten/${experiment!.id}`,
    "/beheer/taxonomie",
    `/beheer/taxonomie/opgaven/${opgave!.id}`,
    "/beheer/uitnodigingen",
    "/beheer/gebruikers",
    "/beheer/gebruikers?q=example&role=MEMBER",
    `/beheer/gebruikers/${member!.id}`,
    "/beheer/audit",
    "/beheer/audit?type=user.role&from=2020-01-01",
    "/beheer/e-mail",
    "/beheer/inspiratie",
    "/inspiratie",
    "/beheer/rapportage",
    "/beheer/rapportage?from=2026-04-01&to=2026-03-01",
  ];
}

for (const language of ["nl", "en"] as const) {
  test(`every portal page passes axe (${language})`, async ({ page }) => {
    test.slow();
    await signIn(page, demoAccounts.admin.email, DEMO_PASSWORD);
    if (language === "en") await switchLanguage(page);
    for (const path of await pagesToVisit()) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await expect(page.locator("html")).toHaveAttribute("lang", language);
      await expect(page.locator("h1")).toHaveCount(1);
      await expectNoA11yViolations(page);
    }
  });
}

test("the public inspiration book passes axe for a visitor, in both languages", async ({ page }) => {
  expect((await page.goto("/inspiratie"))?.status()).toBe(200);
  await expect(page.locator("h1")).toHaveCount(1);
  await expectNoA11yViolations(page);
  await switchLanguage(page);
  await expect(page).toHaveURL(/\/inspiratie$/);
  await expectNoA11yViolations(page);
});

test("the project leader's writing pages pass axe", async ({ page }) => {
  await signIn(page, demoAccounts.projectLeader.email, DEMO_PASSWORD);
  for (const path of ["/updates/nieuw", "/updates/concepten"]) {
    expect((await page.goto(path))?.status(), path).toBe(200);
    await expectNoA11yViolations(page);
  }
});
