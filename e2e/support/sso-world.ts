import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { databaseUrl, query } from "./database";
import { answers, waitFor } from "./launcher";
import type { TestIdp } from "./oidc-server";

/**
 * The single sign-on spec's world: a second portal on the Playwright run's
 * build and database, configured for the test's identity provider with
 * password sign-in switched off (the web server of playwright.config.ts has
 * no SSO, so every other spec is unaffected), its own seeded people and
 * invitations, and browser contexts that allow the provider only as a
 * navigation target.
 */

const root = path.resolve(import.meta.dirname, "..", "..");

export type SsoServer = { base: string; output: () => string; stop: () => Promise<void> };

export async function startSsoServer({ port, idp }: { port: number; idp: TestIdp }): Promise<SsoServer> {
  const base = `http://localhost:${port}`;
  const dataDir = process.env.E2E_DATA_DIR!;
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/server.ts"], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOSTNAME_BIND: "127.0.0.1",
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl(),
      NEXTAUTH_SECRET: readFileSync(path.join(dataDir, "auth-secret"), "utf8").trim(),
      APP_URL: base,
      NEXTAUTH_URL: base,
      RATE_LIMIT_STORE: "memory",
      // Counted in memory: one process (scripts/server.ts refuses memory counts across several workers).
      WEB_CONCURRENCY: "1",
      KOPPELKANS_SCHEDULER: "0",
      NEXT_TELEMETRY_DISABLED: "1",
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: idp.clientId,
      OIDC_CLIENT_SECRET: idp.clientSecret,
      OIDC_BUTTON_LABEL: "",
      PASSWORD_SIGN_IN: "off",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.once("exit", resolve));
  await waitFor(() => answers(port), `the SSO portal on port ${port}\n${output}`, undefined, 60_000);
  return {
    base,
    output: () => output,
    stop: async () => {
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 20_000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    },
  };
}

const tag = randomBytes(4).toString("hex");
let counter = 0;

/** A unique address and IdP login name per call. */
export function person(label: string): { login: string; email: string } {
  counter += 1;
  const login = `${label}-${tag}-${counter}`;
  return { login, email: `e2e-sso-${login}@example.nl` };
}

/** A coordinator (the inviter) and a municipality of the spec's own. */
export async function seedSsoWorld(): Promise<{ coordinatorId: string; municipalityId: string; municipalityName: string }> {
  const coordinatorId = `e2essoc${tag}`;
  const municipalityId = `e2essom${tag}`;
  const municipalityName = `SSO-gemeente ${tag}`;
  await query(`INSERT INTO "User" (id, email, name, role, "updatedAt") VALUES ($1, $2, $3, 'COORDINATOR', now())`, [
    coordinatorId,
    `e2e-sso-coordinator-${tag}@example.nl`,
    `Coördinator ${tag} (e2e)`,
  ]);
  await query(`INSERT INTO "Municipality" (id, name, slug, "cbsCode", "updatedAt") VALUES ($1, $2, $3, $4, now())`, [
    municipalityId,
    municipalityName,
    `sso-gemeente-${tag}`,
    `GMS${tag}`,
  ]);
  return { coordinatorId, municipalityId, municipalityName };
}

/** An open invitation for `email`; answers the token of its link. */
export async function invite(email: string, invitedById: string, role = "MEMBER", municipalityId: string | null = null): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await query(
    `INSERT INTO "Invitation" (id, email, role, "municipalityId", "tokenHash", "invitedById", "expiresAt")
     VALUES ($1, $2, $3::"Role", $4, $5, $6, now() + interval '14 days')`,
    [
      `e2essoi${randomBytes(6).toString("hex")}`,
      email,
      role,
      municipalityId,
      createHash("sha256").update(token).digest("hex"),
      invitedById,
    ],
  );
  return token;
}

/** What exists for `email`: users, their linked accounts, and whether its invitation is still open. */
export async function rowsFor(email: string) {
  const [row] = await query<{ users: number; accounts: number; open: number }>(
    `SELECT (SELECT count(*)::int FROM "User" WHERE email = $1) AS users,
            (SELECT count(*)::int FROM "Account" a JOIN "User" u ON u.id = a."userId" WHERE u.email = $1) AS accounts,
            (SELECT count(*)::int FROM "Invitation" WHERE email = $1 AND "acceptedAt" IS NULL) AS open`,
    [email],
  );
  return row!;
}

/** Rewrites the browser's request to the provider's authorization endpoint once (a forged state or nonce). */
export type Tamper = (authorizationUrl: URL) => void;

export type SsoBrowser = { context: BrowserContext; page: Page; tamper: (change: Tamper) => void; finish: () => Promise<void> };

/**
 * A browser context for the SSO portal. Requests to another origin are
 * refused and recorded, except navigations to the identity provider (and
 * what the provider's own pages load from it); 5xx answers are recorded.
 * `finish` checks both lists are empty and closes the context.
 */
export async function ssoBrowser(browser: Browser, { base, issuer }: { base: string; issuer: string }): Promise<SsoBrowser> {
  const appOrigin = new URL(base).origin;
  const idpOrigin = new URL(issuer).origin;
  const offOrigin: string[] = [];
  const serverErrors: string[] = [];
  let pending: Tamper | null = null;
  const context = await browser.newContext({ baseURL: base, locale: "nl-NL" });
  context.on("response", (response) => {
    if (response.status() >= 500) serverErrors.push(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
  await context.route("**/*", async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    if (url.protocol === "data:" || url.protocol === "blob:" || url.origin === appOrigin) return route.fallback();
    const fromProvider = (() => {
      try {
        return new URL(request.frame().url()).origin === idpOrigin;
      } catch {
        return false;
      }
    })();
    if (url.origin === idpOrigin && (request.isNavigationRequest() || fromProvider)) {
      if (pending && url.pathname === "/auth") {
        const change = pending;
        pending = null;
        change(url);
        return route.fulfill({ status: 302, headers: { location: url.href } });
      }
      return route.fallback();
    }
    offOrigin.push(`${request.method()} ${url.href}`);
    return route.abort("blockedbyclient");
  });
  const page = await context.newPage();
  return {
    context,
    page,
    tamper: (change) => void (pending = change),
    finish: async () => {
      await context.close();
      expect(offOrigin, "no page request leaves the portal's origin (the provider only as a navigation)").toEqual([]);
      expect(serverErrors, "the portal answers no request with a 5xx status").toEqual([]);
    },
  };
}
