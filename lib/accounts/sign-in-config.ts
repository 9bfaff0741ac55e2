/**
 * How people sign in, from the environment: single sign-on through an OpenID
 * Connect identity provider (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET,
 * OIDC_BUTTON_LABEL) and whether the email-and-password form is on
 * (PASSWORD_SIGN_IN=on|off). No `server-only` import: scripts/server.ts
 * checks it before it starts, so a mistake gives one line instead of a
 * broken sign-in page.
 */
import { z } from "zod";

export type OidcConfig = {
  /** The issuer without a trailing slash, as its discovery document names it. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The button's text; null means the catalog's "Inloggen met je organisatie". */
  buttonLabel: string | null;
};

export type SignInConfig = { oidc: OidcConfig | null; passwordSignIn: boolean };

/** An unset variable and an empty one mean the same. */
const optional = z
  .string()
  .trim()
  .optional()
  .transform((value) => value || undefined);

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

function issuerProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `OIDC_ISSUER=${value} is geen geldig adres (verwacht bijvoorbeeld https://login.gemeente.nl/realms/medewerkers).`;
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && LOOPBACK.has(url.hostname))) {
    return `OIDC_ISSUER=${value} moet met https:// beginnen (alleen localhost mag http).`;
  }
  if (url.search || url.hash) return `OIDC_ISSUER=${value} mag geen ? of # bevatten.`;
  return null;
}

const envSchema = z
  .object({
    OIDC_ISSUER: optional,
    OIDC_CLIENT_ID: optional,
    OIDC_CLIENT_SECRET: optional,
    OIDC_BUTTON_LABEL: optional.pipe(z.string().max(80, { error: "OIDC_BUTTON_LABEL is langer dan 80 tekens." }).optional()),
    PASSWORD_SIGN_IN: optional.pipe(z.enum(["on", "off"], { error: "PASSWORD_SIGN_IN moet on of off zijn." }).optional()),
  })
  .superRefine((env, context) => {
    const problem = (message: string) => context.addIssue({ code: "custom", message });
    const set = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET].some(Boolean);
    if (env.OIDC_ISSUER) {
      const issue = issuerProblem(env.OIDC_ISSUER);
      if (issue) problem(issue);
    }
    if (set && !env.OIDC_ISSUER)
      problem("OIDC_ISSUER ontbreekt: zonder het adres van de identity provider werkt inloggen via je organisatie niet.");
    if (set && !env.OIDC_CLIENT_ID)
      problem("OIDC_CLIENT_ID ontbreekt: vraag de client-id van Koppelkans bij de beheerder van de identity provider.");
    if (set && !env.OIDC_CLIENT_SECRET)
      problem("OIDC_CLIENT_SECRET ontbreekt: vraag het client secret van Koppelkans bij de beheerder van de identity provider.");
    if (env.PASSWORD_SIGN_IN === "off" && !set) {
      problem("PASSWORD_SIGN_IN=off zonder OIDC_ISSUER: dan kan niemand meer inloggen. Stel eerst inloggen via je organisatie in.");
    }
  });

/** The sign-in configuration in `env`; throws an Error whose message is one line naming the first problem. */
export function readSignInConfig(env: Readonly<Record<string, string | undefined>>): SignInConfig {
  const parsed = envSchema.safeParse({
    OIDC_ISSUER: env.OIDC_ISSUER,
    OIDC_CLIENT_ID: env.OIDC_CLIENT_ID,
    OIDC_CLIENT_SECRET: env.OIDC_CLIENT_SECRET,
    OIDC_BUTTON_LABEL: env.OIDC_BUTTON_LABEL,
    PASSWORD_SIGN_IN: env.PASSWORD_SIGN_IN,
  });
  if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? "De inlog-instellingen kloppen niet.");
  const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_BUTTON_LABEL, PASSWORD_SIGN_IN } = parsed.data;
  const oidc =
    OIDC_ISSUER && OIDC_CLIENT_ID && OIDC_CLIENT_SECRET
      ? {
          issuer: OIDC_ISSUER.replace(/\/+$/, ""),
          clientId: OIDC_CLIENT_ID,
          clientSecret: OIDC_CLIENT_SECRET,
          buttonLabel: OIDC_BUTTON_LABEL ?? null,
        }
      : null;
  return { oidc, passwordSignIn: PASSWORD_SIGN_IN !== "off" };
}

/**
 * The configuration of this process. scripts/server.ts refuses to start on a
 * bad one; a server started some other way gets no SSO then (never a crash of
 * every page), and a password form switched off stays off.
 */
export function signInConfig(): SignInConfig {
  try {
    return readSignInConfig(process.env);
  } catch {
    return { oidc: null, passwordSignIn: process.env.PASSWORD_SIGN_IN?.trim() !== "off" };
  }
}

export function isPasswordSignInEnabled(): boolean {
  return signInConfig().passwordSignIn;
}
