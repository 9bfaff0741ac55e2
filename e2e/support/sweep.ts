import AxeBuilder from "@axe-core/playwright";
import type { BrowserContext, Cookie, Page } from "@playwright/test";
import { expect, expectNoA11yViolations, signIn, test } from "../fixtures";
import { findPageIds, pagesToSweep, type PageIds, type Viewer } from "./page-list";
import { countUnread, seedSweepWorld } from "./sweep-world";
import { expectFitsViewport } from "./viewport";

export const widths = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 375, height: 740 },
} as const;

type Sweep = { locale: "nl" | "en"; width: keyof typeof widths };

// Per worker and language: one world and one sign-in per person, shared by that worker's page tests.
const ready = new Map<string, Promise<PageIds>>();
const sessions = new Map<string, Promise<Cookie[]>>();

function worldFor(locale: Sweep["locale"]): Promise<PageIds> {
  let ids = ready.get(locale);
  if (!ids) {
    ids = seedSweepWorld(locale).then(findPageIds);
    ready.set(locale, ids);
  }
  return ids;
}

function sessionFor(ids: PageIds, viewer: Exclude<Viewer, "visitor">, newContext: () => Promise<BrowserContext>): Promise<Cookie[]> {
  const key = `${ids.world.locale}:${viewer}`;
  let cookies = sessions.get(key);
  if (!cookies) {
    cookies = (async () => {
      const context = await newContext();
      const page = await context.newPage();
      await signIn(page, ids.world[viewer].email, ids.world.password);
      const result = await context.cookies();
      await context.close();
      return result;
    })();
    sessions.set(key, cookies);
  }
  return cookies;
}

/**
 * WCAG 2.5.3 (label in name): axe keeps this rule among its experimental ones,
 * off by default, and it is what the bell with unread notifications broke.
 */
async function expectLabelsInNames(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withRules(["label-content-name-mismatch"]).analyze();
  const report = violations.flatMap((violation) => violation.nodes.map((node) => `${node.target.join(" ")}: ${node.failureSummary}`));
  expect.soft(report, `the visible text is part of the accessible name on ${page.url()}`).toEqual([]);
}

/**
 * Declares one test per page for a language and a width: status 200, `<html
 * lang>`, one h1, axe (no serious or critical finding) while the signed-in
 * person has unread notifications, and at phone width no horizontal overflow.
 */
export function declareSweep({ locale, width }: Sweep) {
  test.describe(`pages in ${locale} at ${width} width`, () => {
    test.describe.configure({ mode: "parallel" });
    test.use({ viewport: widths[width] });

    for (const entry of pagesToSweep()) {
      const title = `${entry.route}${entry.variant ? ` (${entry.variant})` : ""} as ${entry.as}`;
      test(title, async ({ page, context, baseURL, newContext }) => {
        const ids = await worldFor(locale);
        const cookies: Cookie[] = [];
        if (entry.as !== "visitor") {
          cookies.push(...(await sessionFor(ids, entry.as, () => newContext({ viewport: widths.desktop }))));
          expect(await countUnread(ids.world[entry.as].id), "the bell has unread notifications").toBeGreaterThan(0);
        }
        // The language cookie, as the switch sets it (the account's language agrees).
        await context.addCookies([
          ...cookies.filter((cookie) => cookie.name !== "NEXT_LOCALE"),
          { name: "NEXT_LOCALE", value: locale, url: baseURL! },
        ]);

        const path = entry.path(ids);
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(200);
        await expect(page.locator("html")).toHaveAttribute("lang", locale);
        await expect(page.locator("h1"), "one h1").toHaveCount(1);
        // Soft checks first, so one run names every finding on the page.
        if (width === "phone") await expectFitsViewport(page);
        await expectLabelsInNames(page);
        await expectNoA11yViolations(page);
      });
    }
  });
}
