import { readFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "@playwright/test";
import { query } from "./support/database";

export { expect };

// ---------------------------------------------------------------------------
// UI strings: tests find elements by role and accessible name, taken from the
// same catalogs the app renders, so a reworded string breaks no test.
// ---------------------------------------------------------------------------

type Messages = Record<string, unknown>;

function loadMessages(locale: "nl" | "en"): Messages {
  return JSON.parse(readFileSync(path.join(import.meta.dirname, "..", "lib", "i18n", "messages", `${locale}.json`), "utf8")) as Messages;
}

export const messages = { nl: loadMessages("nl"), en: loadMessages("en") };
export type Locale = keyof typeof messages;

/** A message by dotted key, with {placeholders} filled in (plain ones only; no ICU plurals). */
export function msg(locale: Locale, key: string, values: Record<string, string | number> = {}): string {
  const value = key.split(".").reduce<unknown>((node, part) => (node as Messages | undefined)?.[part], messages[locale]);
  if (typeof value !== "string") throw new Error(`No message "${key}" in ${locale}.json`);
  return value.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** Dutch, the default language. */
export const nl = (key: string, values?: Record<string, string | number>) => msg("nl", key, values);
export const en = (key: string, values?: Record<string, string | number>) => msg("en", key, values);

/** The language the page is rendered in, from `<html lang>`. */
export async function pageLocale(page: Page): Promise<Locale> {
  const lang = await page.locator("html").getAttribute("lang");
  return lang === "en" ? "en" : "nl";
}

// ---------------------------------------------------------------------------
// Demo accounts (lib/seed/demo-data.ts)
// ---------------------------------------------------------------------------

export const DEMO_PASSWORD = "Koppelkans-demo-2026";

export const demoAccounts = {
  admin: { email: "beheerder@example.nl", name: "Anouk de Vries (demo)", role: "ADMIN" },
  coordinator: { email: "coordinator@example.nl", name: "Joris Bakker (demo)", role: "COORDINATOR" },
  projectLeader: { email: "projectleider@example.nl", name: "Fatima El Idrissi (demo)", role: "PROJECT_LEADER" },
  member: { email: "deelnemer@example.nl", name: "Sanne Hoekstra (demo)", role: "MEMBER" },
} as const;

let counter = 0;
/** A unique address per call, also across workers and runs. */
export function uniqueEmail(label: string): string {
  counter += 1;
  return `e2e-${label}-${Date.now()}-${process.pid}-${counter}@example.nl`.toLowerCase();
}

// ---------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------

type Fixtures = {
  /** Requests that tried to leave the app's origin (aborted); must stay empty. */
  offOriginRequests: string[];
  /** Same-origin responses with a 5xx status; must stay empty. */
  serverErrors: string[];
  /** Installs the origin guard; automatic for every test. */
  originGuard: void;
  /** A fresh browser context (another person, another browser), with the origin guard installed. */
  newContext: (options?: BrowserContextOptions) => Promise<BrowserContext>;
};

/**
 * Aborts and records every request from the context that does not go to the
 * app's own origin. data: and blob: URLs never reach the network. Routes set
 * on a context cover all its pages, including popups.
 */
async function guardOrigin(context: BrowserContext, appOrigin: string, offOrigin: string[], serverErrors: string[]) {
  context.on("response", (response) => {
    if (response.status() >= 500) serverErrors.push(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    const { protocol, origin } = new URL(url);
    if (protocol === "data:" || protocol === "blob:" || origin === appOrigin) {
      await route.fallback();
      return;
    }
    offOrigin.push(`${route.request().method()} ${url}`);
    await route.abort("blockedbyclient");
  });
  // WebSockets too (the production app opens none).
  await context.routeWebSocket(/.*/, (socket) => {
    if (new URL(socket.url()).host === new URL(appOrigin).host) {
      socket.connectToServer();
      return;
    }
    offOrigin.push(`WEBSOCKET ${socket.url()}`);
    void socket.close();
  });
}

export const test = base.extend<Fixtures>({
  offOriginRequests: async ({}, use) => {
    const requests: string[] = [];
    await use(requests);
    expect(requests, "no request leaves the server's origin").toEqual([]);
  },

  serverErrors: async ({}, use) => {
    const errors: string[] = [];
    await use(errors);
    // (Static chunks answering 500 usually mean another process rebuilt .next under the running server.)
    expect(errors, "the server answers no request with a 5xx status").toEqual([]);
  },

  originGuard: [
    async ({ context, baseURL, offOriginRequests, serverErrors }, use) => {
      await guardOrigin(context, new URL(baseURL!).origin, offOriginRequests, serverErrors);
      await use();
    },
    { auto: true },
  ],

  newContext: async (
    {
      browser,
      baseURL,
      locale,
      timezoneId,
      viewport,
      userAgent,
      deviceScaleFactor,
      isMobile,
      hasTouch,
      colorScheme,
      offOriginRequests,
      serverErrors,
    },
    use,
  ) => {
    const contexts: BrowserContext[] = [];
    // browser.newContext() does not take the config's `use` options by itself.
    const defaults: BrowserContextOptions = {
      baseURL,
      locale,
      timezoneId,
      viewport,
      userAgent,
      deviceScaleFactor,
      isMobile,
      hasTouch,
      colorScheme,
    };
    await use(async (options = {}) => {
      const context = await (browser as Browser).newContext({ ...defaults, ...options });
      await guardOrigin(context, new URL(baseURL!).origin, offOriginRequests, serverErrors);
      contexts.push(context);
      return context;
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
});

// ---------------------------------------------------------------------------
// Accessibility
// ---------------------------------------------------------------------------

/** Runs axe (WCAG 2.0/2.1 A and AA) and fails on serious or critical violations. */
export async function expectNoA11yViolations(page: Page) {
  await page.waitForLoadState("load");
  // After a client-side navigation Next.js streams the new <title> in a moment later; wait for it.
  await expect(page, "the page has a title").toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  const report = serious
    .map(
      (violation) =>
        `- ${violation.id} (${violation.impact}): ${violation.help}\n` +
        violation.nodes.map((node) => `    ${node.target.join(" ")} — ${node.failureSummary?.replace(/\n/g, " ")}`).join("\n"),
    )
    .join("\n");
  expect(serious.length, `axe found serious/critical violations on ${page.url()}:\n${report}`).toBe(0);
}

// ---------------------------------------------------------------------------
// Page helpers
// ---------------------------------------------------------------------------

/**
 * Waits until React has hydrated the element (by default the page's main
 * form): before that, a click would submit the plain HTML form.
 */
export async function waitForHydration(page: Page, selector = "main form button[type=submit]") {
  const element = page.locator(selector).first();
  await expect
    .poll(() => element.evaluate((node) => Object.keys(node).some((key) => key.startsWith("__reactProps"))), {
      message: `${selector} is hydrated`,
    })
    .toBe(true);
}

/** Fills and submits the sign-in form (opening /inloggen first when needed), without waiting for the outcome. */
export async function submitSignIn(page: Page, email: string, password: string) {
  if (new URL(page.url(), "http://x").pathname !== "/inloggen") await page.goto("/inloggen");
  await waitForHydration(page);
  const locale = await pageLocale(page);
  const emailField = page.getByLabel(msg(locale, "signIn.email"), { exact: true });
  await emailField.fill(email);
  await page.getByLabel(msg(locale, "signIn.password"), { exact: true }).fill(password);
  await page.getByRole("button", { name: msg(locale, "signIn.submit"), exact: true }).click();
}

/** Signs in through the real form and waits until the browser has left the sign-in page. */
export async function signIn(page: Page, email: string, password: string) {
  await submitSignIn(page, email, password);
  await page.waitForURL((url) => url.pathname !== "/inloggen");
  // Attached rather than visible: on a phone the person's name sits in the collapsed menu.
  await expect(page.getByTestId("current-user")).toBeAttached();
}

/** Signs out with the header button and waits for the sign-in page. */
export async function signOut(page: Page) {
  const locale = await pageLocale(page);
  await page.getByRole("button", { name: msg(locale, "nav.signOut"), exact: true }).click();
  await page.waitForURL((url) => url.pathname === "/inloggen" && url.searchParams.get("status") === "signedOut");
}

/** Switches the UI language with the header button and waits until `<html lang>` changed. */
export async function switchLanguage(page: Page): Promise<Locale> {
  const from = await pageLocale(page);
  const to: Locale = from === "nl" ? "en" : "nl";
  await page.getByRole("button", { name: msg(from, "nav.switchToLabel"), exact: true }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", to);
  return to;
}

// ---------------------------------------------------------------------------
// Outbox
// ---------------------------------------------------------------------------

export type Email = { to: string; subject: string; text: string; createdAt: Date };

/**
 * The newest email to `email` (optionally: whose subject contains `subject`,
 * created after `since`), waiting for it to arrive.
 */
export async function latestEmailTo(
  email: string,
  { subject, since, timeout = 10_000 }: { subject?: string; since?: Date; timeout?: number } = {},
): Promise<Email> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const rows = await query<Email>(
      `SELECT "to", subject, text, "createdAt" FROM "EmailMessage"
        WHERE "to" = $1 AND ($2::text IS NULL OR strpos(subject, $2::text) > 0) AND ($3::timestamptz IS NULL OR "createdAt" >= ($3::timestamptz AT TIME ZONE 'UTC'))
        ORDER BY "createdAt" DESC LIMIT 1`,
      [email.toLowerCase(), subject ?? null, since ?? null],
    );
    if (rows[0]) return rows[0];
    if (Date.now() > deadline) throw new Error(`No email to ${email}${subject ? ` about "${subject}"` : ""} within ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The first link in `text` whose path starts with `pathPrefix`, as a path (the tests' baseURL adds the origin). */
export function linkFrom(text: string, pathPrefix: string): string {
  for (const match of text.matchAll(/https?:\/\/[^\s<>"')]+/g)) {
    const url = new URL(match[0]);
    if (url.pathname.startsWith(pathPrefix)) return `${url.pathname}${url.search}`;
  }
  throw new Error(`No link to ${pathPrefix}… in:\n${text}`);
}
