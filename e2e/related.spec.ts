import { randomBytes } from "node:crypto";
import { hashPassword } from "../lib/accounts/password";
import { expect, expectNoA11yViolations, nl, signIn, test } from "./fixtures";
import { query } from "./support/database";

/**
 * "Elders ook" end to end, in a world of its own: opgaven and a theme nobody
 * else uses, a source update in Thuisdorp, and updates elsewhere that share
 * more or less with it — next to one in Thuisdorp itself and a hidden one
 * that share everything and must never show.
 */
type World = {
  password: string;
  member: string;
  names: { warmte: string; armoede: string; theme: string };
  towns: { home: string; first: string; second: string };
  updates: Record<"source" | "sameTown" | "first" | "second" | "hidden", { id: string; title: string }>;
  /** The source's experiment (its address), and the titles of one elsewhere and one in the same town. */
  experiments: { homeSlug: string; firstTitle: string; sameTownTitle: string };
};

const newId = () => `e2e${randomBytes(10).toString("hex")}`;

async function seedRelatedWorld(): Promise<World> {
  const tag = randomBytes(4).toString("hex");
  const password = `Elders-${tag}-2026`;
  const passwordHash = await hashPassword(password);
  const names = { warmte: `Warmte ${tag}`, armoede: `Armoede ${tag}`, theme: `Mensgericht ${tag}` };
  const opgaven = { warmte: newId(), armoede: newId() };
  const themeId = newId();
  // Warmte before Armoede in the coordinators' order (not the alphabet's): the reason follows that order.
  await query(`INSERT INTO "Opgave" (id, name, slug, "sortOrder", "updatedAt") VALUES ($1, $2, $3, 900, now()), ($4, $5, $6, 901, now())`, [
    opgaven.warmte,
    names.warmte,
    `warmte-${tag}`,
    opgaven.armoede,
    names.armoede,
    `armoede-${tag}`,
  ]);
  await query(`INSERT INTO "Theme" (id, name, slug, "updatedAt") VALUES ($1, $2, $3, now())`, [themeId, names.theme, `mens-${tag}`]);

  const towns = { home: `Thuisdorp ${tag}`, first: `Eerstestad ${tag}`, second: `Tweedestad ${tag}` };
  const townIds = { home: newId(), first: newId(), second: newId() };
  for (const key of ["home", "first", "second"] as const)
    await query(`INSERT INTO "Municipality" (id, name, slug, "cbsCode", "updatedAt") VALUES ($1, $2, $3, $4, now())`, [
      townIds[key],
      towns[key],
      `${key}-${tag}`,
      `GM${key}${tag}`,
    ]);
  const author = newId();
  await query(
    `INSERT INTO "User" (id, email, name, "passwordHash", role, "municipalityId", "updatedAt") VALUES ($1, $2, $3, $4, 'PROJECT_LEADER', $5, now())`,
    [author, `e2e-related-author-${tag}@example.nl`, `Auteur ${tag} (e2e)`, passwordHash, townIds.home],
  );
  const member = `e2e-related-member-${tag}@example.nl`;
  await query(`INSERT INTO "User" (id, email, name, "passwordHash", role, "updatedAt") VALUES ($1, $2, $3, $4, 'MEMBER', now())`, [
    newId(),
    member,
    `Lezer ${tag} (e2e)`,
    passwordHash,
  ]);

  const experiments = { home: newId(), sameTown: newId(), first: newId(), second: newId() };
  const experimentTown = { home: "home", sameTown: "home", first: "first", second: "second" } as const;
  for (const key of ["home", "sameTown", "first", "second"] as const)
    await query(
      `INSERT INTO "Experiment" (id, title, slug, summary, "municipalityId", phase, "startDate", "updatedAt")
       VALUES ($1, $2, $3, 'Een experiment voor Elders ook.', $4, 'UITVOERING', '2024-01-15', now())`,
      [experiments[key], `Experiment ${key} ${tag}`, `experiment-${key}-${tag}`, townIds[experimentTown[key]]],
    );

  const updates = {} as World["updates"];
  const add = async (
    key: keyof World["updates"],
    experiment: keyof typeof experiments,
    tags: { opgaven: (keyof typeof opgaven)[]; theme: boolean },
    extra: { hidden?: boolean; milestone?: string; publishedAt: string },
  ) => {
    const id = newId();
    const title = `${key} ${tag}: warmtepompen en de wijk`;
    await query(
      `INSERT INTO "Update" (id, "experimentId", "authorId", title, body, phase, milestone, status, "publishedAt", "hiddenAt", "updatedAt")
       VALUES ($1, $2, $3, $4, 'Bewoners praten over warmtepompen en hun energierekening.', 'UITVOERING', $5, 'PUBLISHED', $6, $7, now())`,
      [id, experiments[experiment], author, title, extra.milestone ?? null, extra.publishedAt, extra.hidden ? new Date() : null],
    );
    for (const opgave of tags.opgaven)
      await query(`INSERT INTO "UpdateOpgave" ("updateId", "opgaveId") VALUES ($1, $2)`, [id, opgaven[opgave]]);
    if (tags.theme) await query(`INSERT INTO "UpdateTheme" ("updateId", "themeId") VALUES ($1, $2)`, [id, themeId]);
    updates[key] = { id, title };
  };
  const everything = () => ({ opgaven: ["warmte", "armoede"] as (keyof typeof opgaven)[], theme: true });
  await add("source", "home", everything(), { publishedAt: "2025-03-01", milestone: `Eerste avond ${tag}` });
  await add("sameTown", "sameTown", everything(), { publishedAt: "2025-04-01" });
  await add("first", "first", everything(), { publishedAt: "2025-05-01" });
  await add("second", "second", { opgaven: ["warmte"], theme: false }, { publishedAt: "2025-06-01" });
  await add("hidden", "first", everything(), { publishedAt: "2025-07-01", hidden: true });
  return {
    password,
    member,
    names,
    towns,
    updates,
    experiments: { homeSlug: `experiment-home-${tag}`, firstTitle: `Experiment first ${tag}`, sameTownTitle: `Experiment sameTown ${tag}` },
  };
}

test("an update page shows related updates from other municipalities only, each with its reason", async ({ page }) => {
  const world = await seedRelatedWorld();
  await signIn(page, world.member, world.password);
  await page.goto(`/updates/${world.updates.source.id}`);

  const section = page.getByRole("region", { name: nl("related.title") });
  await expect(section.getByRole("heading", { level: 2, name: nl("related.title") })).toBeVisible();
  const items = section.getByRole("listitem");
  await expect(items).toHaveCount(2);
  // Most shared first: both opgaven and the theme, then one opgave.
  await expect(items.nth(0).getByRole("link", { name: world.updates.first.title })).toBeVisible();
  await expect(items.nth(0)).toContainText(world.towns.first);
  await expect(items.nth(0)).toContainText(nl("related.shares", { list: `${world.names.warmte}, ${world.names.armoede}` }));
  await expect(items.nth(0)).toContainText(world.names.theme);
  await expect(items.nth(1).getByRole("link", { name: world.updates.second.title })).toBeVisible();
  await expect(items.nth(1)).toContainText(world.towns.second);
  await expect(items.nth(1)).toContainText(nl("related.shares", { list: world.names.warmte }));
  await expect(items.nth(1)).not.toContainText(world.names.theme);
  // Never the own municipality, never a hidden update.
  await expect(section).not.toContainText(world.towns.home);
  await expect(section.getByText(world.updates.sameTown.title)).toHaveCount(0);
  await expect(section.getByText(world.updates.hidden.title)).toHaveCount(0);
  await expectNoA11yViolations(page);

  // The link leads to the related update.
  await items.nth(0).getByRole("link", { name: world.updates.first.title }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(world.updates.first.title);
});

test("an experiment page shows its timeline and the similar experiments elsewhere", async ({ page }) => {
  const world = await seedRelatedWorld();
  await signIn(page, world.member, world.password);
  await page.goto(`/experimenten/${world.experiments.homeSlug}`);

  const similar = page.getByRole("region", { name: nl("related.similarTitle") });
  await expect(similar.getByRole("link", { name: world.experiments.firstTitle })).toBeVisible();
  await expect(similar).toContainText(world.names.warmte);
  await expect(similar.getByRole("link", { name: world.experiments.sameTownTitle })).toHaveCount(0);

  // The chart's caption names the phase and the milestone in words; the list of updates stays below it.
  const chart = page.locator("figure", { hasText: nl("timeline.phasesLabel") });
  await expect(chart).toContainText("Eerste avond");
  await expect(chart.locator("svg rect").first()).toBeVisible();
  await expect(page.getByRole("link", { name: world.updates.source.title })).toBeVisible();
  await expectNoA11yViolations(page);
});

test("/programma shows every experiment on one time axis, with its phases as text, and fits a phone by scrolling inside its region", async ({
  page,
}) => {
  const world = await seedRelatedWorld();
  await page.setViewportSize({ width: 375, height: 800 });
  await signIn(page, world.member, world.password);
  await page.goto("/programma");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(nl("timeline.title"));

  const region = page.getByRole("region", { name: nl("timeline.regionLabel") });
  await expect(region.getByRole("link", { name: world.experiments.firstTitle })).toBeAttached();
  // The page itself does not scroll sideways; the chart scrolls inside its region.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  expect(await region.evaluate((node) => node.scrollWidth > node.clientWidth)).toBe(true);

  // The text alternative: a table of phases for the experiment, with the milestone.
  const text = page.getByRole("group", { name: new RegExp(world.experiments.firstTitle) });
  await expect(text.getByRole("table")).toContainText(nl("phases.UITVOERING"));
  await expectNoA11yViolations(page);
});
