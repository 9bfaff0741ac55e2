import { createHash } from "node:crypto";
import type { BrowserContext, Page } from "@playwright/test";
import {
  DEMO_PASSWORD,
  demoAccounts,
  en,
  expect,
  expectNoA11yViolations,
  latestEmailTo,
  linkFrom,
  nl,
  signIn,
  signOut,
  submitSignIn,
  switchLanguage,
  test,
  uniqueEmail,
  waitForHydration,
} from "./fixtures";
import { query } from "./support/database";

// Every page a test opens is checked with axe, right after it renders (and
// again after a form shows errors or a status).

// The tests share nothing but the demo accounts (which they never change), so they may run side by side.
test.describe.configure({ mode: "parallel" });

const INVITATION_SUBJECT = "Uitnodiging voor Koppelkans";
const RESET_SUBJECT = "Nieuw wachtwoord voor Koppelkans";

type Role = "MEMBER" | "PROJECT_LEADER" | "COORDINATOR";

/** The header's "name · role" line. */
const currentUser = (page: Page) => page.getByTestId("current-user");
const mainNav = (page: Page) => page.getByRole("navigation", { name: nl("nav.label") });

/** On /beheer/uitnodigingen (signed in as staff): fills in and sends the form; waits for the confirmation. */
async function sendInvitation(page: Page, { email, role, municipality }: { email: string; role: Role; municipality?: string }) {
  await waitForHydration(page);
  await page.getByRole("textbox", { name: nl("admin.invitations.email") }).fill(email);
  await page.getByRole("combobox", { name: nl("admin.invitations.role") }).selectOption({ label: nl(`roles.${role}`) });
  if (municipality) {
    await page.getByRole("combobox", { name: nl("admin.invitations.municipality") }).selectOption({ label: municipality });
  }
  await page.getByRole("button", { name: nl("admin.invitations.submit") }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText(nl("admin.invitations.sent", { email }));
}

/** Signs the coordinator in (in its own context) and invites `email`; returns the link from the outbox. */
async function inviteAsCoordinator(newContext: () => Promise<BrowserContext>, email: string, role: Role = "MEMBER", municipality?: string) {
  const context = await newContext();
  const page = await context.newPage();
  await signIn(page, demoAccounts.coordinator.email, DEMO_PASSWORD);
  await page.goto("/beheer/uitnodigingen");
  await expectNoA11yViolations(page);
  await sendInvitation(page, { email, role, municipality });
  await context.close();
  return linkFrom((await latestEmailTo(email, { subject: INVITATION_SUBJECT })).text, "/uitnodiging/");
}

/** Fills in the invitation form on the current page and waits for the sign-in page it leads to. */
async function acceptInvitation(page: Page, { name, password }: { name: string; password: string }) {
  await waitForHydration(page);
  await page.getByRole("textbox", { name: nl("invitation.name") }).fill(name);
  await page.getByLabel(nl("invitation.password"), { exact: true }).fill(password);
  await page.getByLabel(nl("invitation.passwordConfirm"), { exact: true }).fill(password);
  await page.getByRole("button", { name: nl("invitation.submit") }).click();
  await page.waitForURL((url) => url.pathname === "/inloggen" && url.searchParams.get("status") === "accountCreated");
}

/** A new account made through the real invitation flow. */
async function createUser(newContext: () => Promise<BrowserContext>, label: string, role: Role = "MEMBER") {
  const email = uniqueEmail(label);
  const name = `E2E ${label} ${Date.now().toString(36)}`;
  const password = `Proef-${Date.now()}-wachtwoord`;
  const link = await inviteAsCoordinator(newContext, email, role);
  const context = await newContext();
  const page = await context.newPage();
  await page.goto(link);
  await acceptInvitation(page, { name, password });
  await context.close();
  return { email, name, password };
}

/** The account-management pages in the header menu, and which roles see them (lib/policy/permissions.ts). */
const accountPages = ["invitations", "users", "outbox"] as const;
const accountPagesFor: Record<(typeof demoAccounts)[keyof typeof demoAccounts]["role"], readonly string[]> = {
  MEMBER: [],
  PROJECT_LEADER: [],
  COORDINATOR: ["invitations", "users"],
  ADMIN: ["invitations", "users", "outbox"],
};

const tokenHash = (link: string) =>
  createHash("sha256")
    .update(decodeURIComponent(link.split("/").pop()!))
    .digest("hex");

test.describe("signing in", () => {
  for (const account of Object.values(demoAccounts)) {
    test(`${account.email} signs in and sees their name and role`, async ({ page }) => {
      await page.goto("/inloggen");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(nl("signIn.title"));
      await expectNoA11yViolations(page);

      await signIn(page, account.email, DEMO_PASSWORD);
      await expect(page).toHaveURL("/");
      await expect(currentUser(page)).toContainText(`${account.name} · ${nl(`roles.${account.role}`)}`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(nl("home.title", { name: account.name }));
      await expectNoA11yViolations(page);

      // The account pages in this role's menu: present exactly when allowed, and each one opens (and passes axe).
      for (const key of accountPages) {
        const link = mainNav(page).getByRole("link", { name: nl(`nav.${key}`), exact: true });
        if (!accountPagesFor[account.role].includes(key)) {
          await expect(link).toHaveCount(0);
          continue;
        }
        const href = await link.getAttribute("href");
        await link.click();
        await expect(page).toHaveURL(href!);
        await expect(page.getByRole("heading", { level: 1 })).not.toHaveText(nl("forbidden.title"));
        await expect(currentUser(page)).toContainText(account.name);
        await expectNoA11yViolations(page);
      }
    });
  }

  test("the sign-in form, submitted before its script runs, does not put the password in the URL", async ({ newContext }) => {
    const page = await (await newContext({ javaScriptEnabled: false })).newPage();
    await page.goto("/inloggen");
    await page.getByRole("textbox", { name: nl("signIn.email") }).fill(demoAccounts.member.email);
    await page.getByLabel(nl("signIn.password"), { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: nl("signIn.submit"), exact: true }).click();
    await page.waitForLoadState("load");
    expect(page.url()).not.toContain(encodeURIComponent(DEMO_PASSWORD));
    expect(page.url()).not.toContain("password");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(nl("signIn.title"));
    // No axe here: it needs JavaScript in the page. The same page passes axe in the other tests.
  });

  test("a wrong password shows a plain Dutch error and keeps the email", async ({ page }) => {
    await page.goto("/inloggen");
    await expectNoA11yViolations(page);
    await submitSignIn(page, demoAccounts.member.email, "Dit-is-niet-het-wachtwoord-1");
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Het e-mailadres of het wachtwoord klopt niet.");
    await expect(page.getByRole("main").getByRole("alert")).toBeFocused();
    await expect(page).toHaveURL(/\/inloggen$/);
    await expect(page.getByRole("textbox", { name: nl("signIn.email") })).toHaveValue(demoAccounts.member.email);
    await expect(currentUser(page)).toHaveCount(0);
    await expectNoA11yViolations(page);
  });

  test("a visitor opening / is sent to sign in and comes back after", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL("/inloggen?callbackUrl=%2F");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(nl("signIn.title"));
    await expect(currentUser(page)).toHaveCount(0);
    await expectNoA11yViolations(page);

    await signIn(page, demoAccounts.member.email, DEMO_PASSWORD);
    await expect(page).toHaveURL("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(nl("home.title", { name: demoAccounts.member.name }));
    await expectNoA11yViolations(page);
  });

  test("after sign-in a visitor lands back on the deeper page they opened", async ({ page }) => {
    await page.goto("/beheer/e-mail");
    await expect(page).toHaveURL("/inloggen?callbackUrl=%2Fbeheer%2Fe-mail");
    await expectNoA11yViolations(page);

    await signIn(page, demoAccounts.admin.email, DEMO_PASSWORD);
    await expect(page).toHaveURL("/beheer/e-mail");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(nl("admin.outbox.title"));
    await expectNoA11yViolations(page);
  });

  test("a member is refused a coordinator page and has no link to it", async ({ page }) => {
    await signIn(page, demoAccounts.member.email, DEMO_PASSWORD);
    await expect(mainNav(page).getByRole("link", { name: nl("nav.home"), exact: true })).toBeVisible();
    await expect(mainNav(page).getByRole("link", { name: nl("nav.invitations") })).toHaveCount(0);
    await expectNoA11yViolations(page);

    const response = await page.goto("/beheer/uitnodigingen");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Geen toegang");
    await expect(page.getByRole("textbox", { name: nl("admin.invitations.email") })).toHaveCount(0);
    await expect(mainNav(page).getByRole("link", { name: nl("nav.invitations") })).toHaveCount(0);
    await expectNoA11yViolations(page);
  });
});

test.describe("invitations", () => {
  test("invite a project leader, set a password, sign in and out", async ({ page, newContext }) => {
    test.slow(); // Several people, several browsers, and argon2 on every sign-in.
    const email = uniqueEmail("projectleider");
    const name = `Eva Jansen ${Date.now().toString(36)}`;
    const password = `Wijkaanpak-${Date.now()}`;

    // The coordinator invites, first forgetting the municipality.
    await signIn(page, demoAccounts.coordinator.email, DEMO_PASSWORD);
    await expect(currentUser(page)).toContainText(`${demoAccounts.coordinator.name} · ${nl("roles.COORDINATOR")}`);
    await expectNoA11yViolations(page);
    await mainNav(page)
      .getByRole("link", { name: nl("nav.invitations") })
      .click();
    await expect(page).toHaveURL("/beheer/uitnodigingen");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(nl("admin.invitations.title"));
    await expectNoA11yViolations(page);

    await waitForHydration(page);
    const emailField = page.getByRole("textbox", { name: nl("admin.invitations.email") });
    await emailField.fill(email);
    await page.getByRole("combobox", { name: nl("admin.invitations.role") }).selectOption({ label: nl("roles.PROJECT_LEADER") });
    await page.getByRole("button", { name: nl("admin.invitations.submit") }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(nl("errors.form.invalid"));
    const municipalityField = page.getByRole("combobox", { name: nl("admin.invitations.municipality") });
    await expect(municipalityField).toHaveAccessibleDescription(new RegExp(nl("errors.municipality.requiredForProjectLeader")));
    await expect(page.getByText(nl("errors.municipality.requiredForProjectLeader"))).toBeVisible();
    await expect(municipalityField).toHaveAttribute("aria-invalid", "true");
    await expect(emailField).toHaveValue(email);
    await expectNoA11yViolations(page);

    await municipalityField.selectOption({ label: "Tilburg" });
    await page.getByRole("button", { name: nl("admin.invitations.submit") }).click();
    await expect(page.getByRole("main").getByRole("status")).toHaveText(nl("admin.invitations.sent", { email }));
    await expect(page.getByRole("row").filter({ hasText: email })).toContainText("Tilburg");
    await expectNoA11yViolations(page);

    // The invited person opens the link from the outbox in their own browser.
    const link = linkFrom((await latestEmailTo(email, { subject: INVITATION_SUBJECT })).text, "/uitnodiging/");
    const invited = await (await newContext()).newPage();
    await invited.goto(link);
    await expect(invited.getByRole("heading", { level: 1 })).toHaveText(nl("invitation.title"));
    await expect(invited.getByText(`uitgenodigd als projectleider voor Tilburg met het e-mailadres ${email}`)).toBeVisible();
    await expectNoA11yViolations(invited);

    // The same page in English, and back.
    await switchLanguage(invited);
    await expect(invited.getByRole("heading", { level: 1 })).toHaveText(en("invitation.title"));
    await expect(invited.getByRole("button", { name: en("invitation.submit") })).toBeVisible();
    await expectNoA11yViolations(invited);
    await switchLanguage(invited);
    await expect(invited.getByRole("heading", { level: 1 })).toHaveText(nl("invitation.title"));

    // Mismatched passwords: a plain message, and the name stays.
    await waitForHydration(invited);
    const nameField = invited.getByRole("textbox", { name: nl("invitation.name") });
    await nameField.fill(name);
    await invited.getByLabel(nl("invitation.password"), { exact: true }).fill(password);
    await invited.getByLabel(nl("invitation.passwordConfirm"), { exact: true }).fill(`${password}x`);
    await invited.getByRole("button", { name: nl("invitation.submit") }).click();
    await expect(invited.getByText("De twee wachtwoorden zijn niet gelijk.")).toBeVisible();
    await expect(invited.getByLabel(nl("invitation.passwordConfirm"), { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expect(nameField).toHaveValue(name);
    await expectNoA11yViolations(invited);

    // A valid password: the sign-in page, with a status and the email filled in.
    await acceptInvitation(invited, { name, password });
    await expect(invited.getByRole("main").getByRole("status")).toHaveText(nl("signIn.accountCreated"));
    await expect(invited.getByRole("textbox", { name: nl("signIn.email") })).toHaveValue(email);
    await expectNoA11yViolations(invited);

    await waitForHydration(invited);
    await invited.getByLabel(nl("signIn.password"), { exact: true }).fill(password);
    await invited.getByRole("button", { name: nl("signIn.submit"), exact: true }).click();
    await invited.waitForURL("/");
    await expect(currentUser(invited)).toContainText(`${name} · Projectleider`);
    await expect(invited.getByText(nl("home.youAreAt", { role: "projectleider", municipality: "Tilburg" }))).toBeVisible();
    await expectNoA11yViolations(invited);

    await signOut(invited);
    await expect(invited.getByRole("main").getByRole("status")).toHaveText(nl("signIn.signedOut"));
    await expect(currentUser(invited)).toHaveCount(0);
    await expectNoA11yViolations(invited);

    // The invitation has left the coordinator's list of open ones.
    await page.reload();
    await expect(page.getByRole("row").filter({ hasText: email })).toHaveCount(0);
  });

  test("an expired, a used and an unknown invitation link each say so plainly", async ({ newContext }) => {
    test.slow(); // Several people, several browsers, and argon2 on every sign-in.
    const expiredEmail = uniqueEmail("verlopen");
    const usedEmail = uniqueEmail("gebruikt");
    const expiredLink = await inviteAsCoordinator(newContext, expiredEmail);
    const usedLink = await inviteAsCoordinator(newContext, usedEmail);

    await query(`UPDATE "Invitation" SET "expiresAt" = now() - interval '2 days' WHERE "tokenHash" = $1`, [tokenHash(expiredLink)]);
    const page = await (await newContext()).newPage();
    await page.goto(expiredLink);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(nl("invitation.expired"));
    await expect(page.getByRole("button", { name: nl("invitation.submit") })).toHaveCount(0);
    await expectNoA11yViolations(page);

    await page.goto(usedLink);
    await acceptInvitation(page, { name: "Gebruikt Account", password: `Eenmalig-${Date.now()}` });
    await expectNoA11yViolations(page);
    await page.goto(usedLink);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(nl("invitation.used"));
    await expect(page.getByRole("link", { name: nl("invitation.toSignIn") })).toBeVisible();
    await expectNoA11yViolations(page);

    // The same message in English.
    await switchLanguage(page);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(en("invitation.used"));
    await expectNoA11yViolations(page);
    await switchLanguage(page);

    await page.goto("/uitnodiging/dit-is-geen-geldige-link");
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(nl("invitation.unknown"));
    await expectNoA11yViolations(page);
  });
});

test.describe("password reset", () => {
  test("a reset link from the outbox sets a new password; the old one stops working", async ({ page, newContext }) => {
    test.slow(); // Several people, several browsers, and argon2 on every sign-in.
    const user = await createUser(newContext, "herstel");
    const newPassword = `Nieuw-wachtwoord-${Date.now()}`;

    await page.goto("/inloggen");
    await expectNoA11yViolations(page);
    await page.getByRole("link", { name: nl("signIn.forgot") }).click();
    await expect(page).toHaveURL("/wachtwoord-vergeten");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(nl("forgotPassword.title"));
    await expectNoA11yViolations(page);

    await waitForHydration(page);
    await page.getByRole("textbox", { name: nl("forgotPassword.email") }).fill(user.email);
    await page.getByRole("button", { name: nl("forgotPassword.submit") }).click();
    await expect(page.getByRole("main").getByRole("status")).toHaveText(nl("forgotPassword.sent"));
    await expectNoA11yViolations(page);

    const link = linkFrom((await latestEmailTo(user.email, { subject: RESET_SUBJECT })).text, "/wachtwoord-herstellen/");
    await page.goto(link);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(nl("resetPassword.title"));
    await expectNoA11yViolations(page);

    await waitForHydration(page);
    await page.getByLabel(nl("resetPassword.password"), { exact: true }).fill(newPassword);
    await page.getByLabel(nl("resetPassword.passwordConfirm"), { exact: true }).fill(newPassword);
    await page.getByRole("button", { name: nl("resetPassword.submit") }).click();
    await page.waitForURL((url) => url.pathname === "/inloggen" && url.searchParams.get("status") === "passwordChanged");
    await expect(page.getByRole("main").getByRole("status")).toHaveText(nl("signIn.passwordChanged"));
    await expect(page.getByRole("textbox", { name: nl("signIn.email") })).toHaveValue(user.email);
    await expectNoA11yViolations(page);

    // The old password no longer works.
    await submitSignIn(page, user.email, user.password);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(nl("errors.signIn.CredentialsSignin"));
    await expect(currentUser(page)).toHaveCount(0);
    await expectNoA11yViolations(page);

    // The new one does.
    await signIn(page, user.email, newPassword);
    await expect(currentUser(page)).toContainText(`${user.name} · ${nl("roles.MEMBER")}`);
    await expectNoA11yViolations(page);

    // The link works once.
    await signOut(page);
    await expectNoA11yViolations(page);
    await page.goto(link);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(nl("resetPassword.used"));
    await expectNoA11yViolations(page);
  });
});

test.describe("blocking", () => {
  test("a blocked user loses access on the next request and cannot sign in again", async ({ page, newContext }) => {
    test.slow(); // Several people, several browsers, and argon2 on every sign-in.
    const user = await createUser(newContext, "blokkeren");

    // Context A: the user, signed in.
    await signIn(page, user.email, user.password);
    await expect(currentUser(page)).toContainText(user.name);
    await expectNoA11yViolations(page);

    // Context B: the coordinator blocks them.
    const coordinator = await (await newContext()).newPage();
    await signIn(coordinator, demoAccounts.coordinator.email, DEMO_PASSWORD);
    await mainNav(coordinator)
      .getByRole("link", { name: nl("nav.users") })
      .click();
    await expect(coordinator).toHaveURL("/beheer/gebruikers");
    await expect(coordinator.getByRole("heading", { level: 1 })).toHaveText(nl("admin.users.title"));
    await expectNoA11yViolations(coordinator);
    // The list is searched and paged on the server; the person's own page holds the block form.
    await coordinator
      .getByRole("main")
      .getByRole("searchbox", { name: nl("admin.users.search") })
      .fill(user.email);
    await coordinator
      .getByRole("main")
      .getByRole("button", { name: nl("admin.users.apply"), exact: true })
      .click();
    await coordinator.waitForURL(/\/beheer\/gebruikers\?q=/);
    await coordinator.getByRole("link", { name: user.name, exact: true }).first().click();
    await expect(coordinator.getByRole("heading", { level: 1 })).toHaveText(user.name);
    await expectNoA11yViolations(coordinator);
    await waitForHydration(coordinator);
    const reason = "Reacties met persoonsgegevens van bewoners (e2e)";
    await coordinator.getByRole("textbox", { name: new RegExp(`^${nl("admin.users.reason")}`) }).fill(reason);
    await coordinator.getByRole("button", { name: nl("admin.users.blockLabel", { name: user.name }) }).click();
    await expect(coordinator.getByRole("main").getByRole("status")).toHaveText(nl("admin.users.blockedDone"));
    await expect(coordinator.getByRole("button", { name: nl("admin.users.unblockLabel", { name: user.name }) })).toBeVisible();
    await expectNoA11yViolations(coordinator);
    await coordinator.goto(`/beheer/gebruikers?q=${encodeURIComponent(user.email)}`);
    await expect(coordinator.getByRole("row", { name: new RegExp(user.name) })).toContainText(nl("admin.users.blocked"));

    // Context A: the next navigation ends on the sign-in page.
    await page.goto("/");
    await expect(page).toHaveURL(/\/inloggen(\?|$)/);
    await expect(currentUser(page)).toHaveCount(0);
    await expectNoA11yViolations(page);

    await submitSignIn(page, user.email, user.password);
    // Only after the right password does the alert say why (and that the block has no end).
    const alert = page.getByRole("main").getByRole("alert");
    await expect(alert).toContainText(nl("errors.signIn.AccountBlocked"));
    await expect(alert).toContainText(nl("signIn.blockedReason", { reason }));
    await expect(alert).toContainText(nl("signIn.blockedNoEnd"));
    await submitSignIn(page, user.email, `${user.password}-fout`);
    await expect(alert).toHaveText(nl("errors.signIn.CredentialsSignin"));
    await expect(currentUser(page)).toHaveCount(0);
    await expectNoA11yViolations(page);
  });
});

test.describe("language", () => {
  test("the language switch changes <html lang> and the texts, and back", async ({ page }) => {
    await page.goto("/inloggen");
    await expect(page.locator("html")).toHaveAttribute("lang", "nl");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Inloggen");
    await expectNoA11yViolations(page);

    await switchLanguage(page);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
    await expect(page.getByRole("textbox", { name: en("signIn.email") })).toBeVisible();
    await expectNoA11yViolations(page);

    // The choice holds across pages and sign-in.
    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await signIn(page, demoAccounts.member.email, DEMO_PASSWORD);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(currentUser(page)).toContainText(`${demoAccounts.member.name} · ${en("roles.MEMBER")}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(en("home.title", { name: demoAccounts.member.name }));
    await expectNoA11yViolations(page);

    await switchLanguage(page);
    await expect(page.locator("html")).toHaveAttribute("lang", "nl");
    await expect(currentUser(page)).toContainText(`${demoAccounts.member.name} · ${nl("roles.MEMBER")}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(nl("home.title", { name: demoAccounts.member.name }));
    await expectNoA11yViolations(page);

    await signOut(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Inloggen");
    await expectNoA11yViolations(page);
  });
});

test.describe("test harness", () => {
  test("the origin guard stops and records requests that leave the app's origin", async ({ page, newContext, offOriginRequests }) => {
    // The app's CSP already blocks such requests in the page; a navigation shows the guard itself works.
    await expect(page.goto("http://example.com/tracker")).rejects.toThrow();
    const other = await (await newContext()).newPage();
    await expect(other.goto("https://cdn.example.org/font.woff2")).rejects.toThrow();
    expect(offOriginRequests).toEqual(["GET http://example.com/tracker", "GET https://cdn.example.org/font.woff2"]);
    offOriginRequests.length = 0; // Handled: the fixture's own check after the test would fail otherwise.
  });
});
