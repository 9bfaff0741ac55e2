import { expect, test, type Page } from "@playwright/test";
import { expectNoA11yViolations, nl } from "./fixtures";
import { signInOverHttp } from "./support/attack-http";
import { query } from "./support/database";
import { startOidcServer, type TestIdp } from "./support/oidc-server";
import { invite, person, rowsFor, seedSsoWorld, ssoBrowser, startSsoServer, type SsoServer } from "./support/sso-world";

// Single sign-on in Chromium against a real OpenID Connect provider
// (oidc-provider) that this spec starts, with a second portal on the run's
// build and database configured for it and password sign-in switched off.
// Each way in or out ends on a clear Dutch page, and no refused attempt
// leaves a user or linked account behind.

const appPort = Number(process.env.E2E_PORT ?? 3100) + 20;
const idpPort = appPort + 1;

test.describe.configure({ mode: "serial" });

let idp: TestIdp;
let portal: SsoServer;
let world: Awaited<ReturnType<typeof seedSsoWorld>>;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  idp = await startOidcServer({ port: idpPort, redirectUri: `http://localhost:${appPort}/api/auth/callback/oidc` });
  world = await seedSsoWorld();
  portal = await startSsoServer({ port: appPort, idp });
});

test.afterAll(async () => {
  await portal?.stop();
  await idp?.stop();
});

const open = (browser: Parameters<typeof ssoBrowser>[0]) => ssoBrowser(browser, { base: portal.base, issuer: idp.issuer });

/** From the page the browser is on, presses the SSO button and signs in at the provider as `login`. */
async function signInAtProvider(page: Page, login: string, button = nl("signIn.ssoButton")) {
  await page.getByRole("button", { name: button, exact: true }).click();
  await page.waitForURL((url) => url.origin === idp.issuer);
  await page.getByLabel("Gebruikersnaam").fill(login);
  await page.getByRole("button", { name: "Inloggen bij de organisatie" }).click();
}

/** Waits until the portal shows the sign-in page with `message` (a key under errors.sso). */
async function expectRefused(page: Page, problem: string) {
  await page.waitForURL((url) => url.origin === portal.base && url.pathname === "/inloggen");
  expect(new URL(page.url()).searchParams.get("sso")).toBe(problem);
  await expect(page.getByTestId("sso-notice")).toContainText(nl(`errors.sso.${problem}`));
  // The page still works: the button is there for another try.
  await expect(page.getByRole("button", { name: nl("signIn.ssoButton"), exact: true })).toBeEnabled();
}

test("an invited project leader accepts with the organisation account, lands signed in with the invited role, and comes back by sub", async ({
  browser,
}) => {
  const someone = person("leader");
  idp.addPerson(someone.login, { email: someone.email, emailVerified: true, name: "Lotte Verbeek (e2e)" });
  const token = await invite(someone.email, world.coordinatorId, "PROJECT_LEADER", world.municipalityId);
  const { page, finish } = await open(browser);

  await page.goto(`/uitnodiging/${token}`);
  await expect(page.getByLabel(nl("invitation.password"), { exact: true }), "no password form with PASSWORD_SIGN_IN=off").toHaveCount(0);
  await expectNoA11yViolations(page);
  await signInAtProvider(page, someone.login, nl("invitation.ssoButton"));
  await page.waitForURL(`${portal.base}/`);
  await expect(page.getByTestId("current-user")).toContainText("Lotte Verbeek (e2e)");
  await expect(page.getByTestId("current-user")).toContainText(nl("roles.PROJECT_LEADER"));

  const [user] = await query<{ id: string; role: string; municipalityId: string; passwordHash: string | null; sessions: number }>(
    `SELECT u.id, u.role, u."municipalityId", u."passwordHash", (SELECT count(*)::int FROM "Session" s WHERE s."userId" = u.id) AS sessions
       FROM "User" u WHERE u.email = $1`,
    [someone.email],
  );
  expect(user).toMatchObject({ role: "PROJECT_LEADER", municipalityId: world.municipalityId, passwordHash: null, sessions: 1 });
  expect(await rowsFor(someone.email)).toEqual({ users: 1, accounts: 1, open: 0 });
  const audit = await query<{ action: string }>(`SELECT action FROM "AuditLog" WHERE "targetId" = $1 ORDER BY action`, [user!.id]);
  expect(audit.map((row) => row.action)).toEqual(["invitation.accept", "user.sso-link"]);

  // Signed out, then in again: the provider still knows the browser, the linked sub signs in.
  await page.getByRole("button", { name: nl("nav.signOut"), exact: true }).click();
  await page.waitForURL((url) => url.pathname === "/inloggen" && url.searchParams.get("status") === "signedOut");
  await page.getByRole("button", { name: nl("signIn.ssoButton"), exact: true }).click();
  await page.waitForURL(`${portal.base}/`);
  await expect(page.getByTestId("current-user")).toContainText("Lotte Verbeek (e2e)");
  expect(await rowsFor(someone.email)).toEqual({ users: 1, accounts: 1, open: 0 });
  await finish();
});

for (const check of ["state", "nonce"] as const) {
  test(`a forged ${check} in the authorization request ends on a clear message and creates no account`, async ({ browser }) => {
    const someone = person(check);
    idp.addPerson(someone.login, { email: someone.email, emailVerified: true, name: "Bram Kok (e2e)" });
    await invite(someone.email, world.coordinatorId);
    const { page, tamper, finish } = await open(browser);
    tamper((url) => url.searchParams.set(check, `vervalst-${url.searchParams.get(check)?.slice(0, 8)}`));
    await page.goto("/inloggen");
    await signInAtProvider(page, someone.login);
    await expectRefused(page, "attempt");
    expect(await rowsFor(someone.email)).toEqual({ users: 0, accounts: 0, open: 1 });
    expect(portal.output()).toContain(`de ${check} in het`);
    await finish();
  });
}

test("an email the provider does not mark verified links nothing, even with an invitation", async ({ browser }) => {
  const someone = person("unverified");
  idp.addPerson(someone.login, { email: someone.email, emailVerified: false, name: "Iris Bos (e2e)" });
  await invite(someone.email, world.coordinatorId);
  const { page, finish } = await open(browser);
  await page.goto("/inloggen");
  await signInAtProvider(page, someone.login);
  await expectRefused(page, "unverified");
  expect(await rowsFor(someone.email)).toEqual({ users: 0, accounts: 0, open: 1 });
  await finish();
});

test("an uninvited person is refused with a clear message, and no user or account is created", async ({ browser }) => {
  const someone = person("uninvited");
  idp.addPerson(someone.login, { email: someone.email, emailVerified: true, name: "Daan Smit (e2e)" });
  const { page, finish } = await open(browser);
  await page.goto("/inloggen");
  await expect(page.getByLabel(nl("signIn.password"), { exact: true }), "no password form with PASSWORD_SIGN_IN=off").toHaveCount(0);
  await signInAtProvider(page, someone.login);
  await expectRefused(page, "uninvited");
  await expectNoA11yViolations(page);
  expect(await rowsFor(someone.email)).toEqual({ users: 0, accounts: 0, open: 0 });
  await finish();
});

test("a blocked person is refused and reads the reason, as at a password sign-in", async ({ browser }) => {
  const someone = person("blocked");
  const reason = `Spam in reacties ${someone.login}`;
  await query(
    `INSERT INTO "User" (id, email, name, role, "blockedAt", "blockReason", "updatedAt") VALUES ($1, $2, 'Geblokkeerd (e2e)', 'MEMBER', now(), $3, now())`,
    [`e2essob${someone.login.replace(/\W/g, "")}`, someone.email, reason],
  );
  idp.addPerson(someone.login, { email: someone.email, emailVerified: true, name: "Geblokkeerd (e2e)" });
  const { page, finish } = await open(browser);
  await page.goto("/inloggen");
  await signInAtProvider(page, someone.login);
  await expectRefused(page, "blocked");
  await expect(page.getByTestId("sso-notice")).toContainText(nl("signIn.blockedReason", { reason }));
  await expect(page.getByTestId("sso-notice")).toContainText(nl("signIn.blockedNoEnd"));
  expect(await rowsFor(someone.email)).toMatchObject({ users: 1, accounts: 0 });
  await finish();
});

test("a wrong client secret and an unreachable issuer each end on a clear message and one log line", async ({ browser }) => {
  const someone = person("config");
  idp.addPerson(someone.login, { email: someone.email, emailVerified: true, name: "Kim Mulder (e2e)" });
  await invite(someone.email, world.coordinatorId);
  const { page, finish } = await open(browser);

  idp.setWrongSecret(true);
  try {
    await page.goto("/inloggen");
    await signInAtProvider(page, someone.login);
    await expectRefused(page, "config");
  } finally {
    idp.setWrongSecret(false);
  }
  expect(portal.output()).toMatch(
    /Inloggen via je organisatie mislukt: de identity provider \S+ weigert Koppelkans als client \(invalid_client/,
  );

  await idp.stop();
  try {
    await page.getByRole("button", { name: nl("signIn.ssoButton"), exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get("sso") === "unavailable");
    await expect(page.getByTestId("sso-notice")).toContainText(nl("errors.sso.unavailable"));
  } finally {
    await idp.start();
  }
  expect(portal.output()).toMatch(/Inloggen via je organisatie mislukt: de identity provider \S+ is niet bereikbaar \(.*ECONNREFUSED/);
  expect(await rowsFor(someone.email)).toEqual({ users: 0, accounts: 0, open: 1 });
  await finish();
});

test("with password sign-in off the reset pages say so and the server refuses a password", async ({ browser }) => {
  const { page, finish } = await open(browser);
  await page.goto("/wachtwoord-vergeten");
  await expect(page.getByRole("status")).toHaveText(nl("signIn.passwordOffNotice"));
  await expect(page.getByRole("textbox")).toHaveCount(0);
  await page.goto("/wachtwoord-herstellen/een-oude-link");
  await expect(page.getByRole("status")).toHaveText(nl("signIn.passwordOffNotice"));
  await finish();
  const attempt = await signInOverHttp(portal.base, { email: "iemand@example.nl", password: "Wat-dan-ook-2026" });
  expect(attempt.error).toBe("PasswordSignInOff");
  expect(attempt.cookie).toBeNull();
});
