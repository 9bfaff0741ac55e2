import { generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import Provider, { type KoaContextWithOIDC } from "oidc-provider";

/**
 * A real OpenID Connect provider for the single sign-on tests: the npm
 * package oidc-provider (discovery, authorization code with PKCE, signed ID
 * tokens, userinfo) on 127.0.0.1, with a login page of its own (the package's
 * development pages load a web font from another origin). The spec decides
 * who exists and what the provider says about their email. It can refuse the
 * client's secret (as with a wrong OIDC_CLIENT_SECRET) and stop answering (an
 * unreachable issuer).
 */

export type IdpPerson = { email: string; emailVerified: boolean; name: string };

export type TestIdp = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Adds a person; the login name typed at the provider is the key. */
  addPerson: (login: string, person: IdpPerson) => void;
  /** While on, the token endpoint sees a wrong client secret (the provider itself answers invalid_client). */
  setWrongSecret: (on: boolean) => void;
  /** Stops listening (connections refused) until `start` again. */
  stop: () => Promise<void>;
  start: () => Promise<void>;
};

/** The provider's own login page: one field for the login name, no scripts, nothing from elsewhere. */
function loginPage(uid: string): string {
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Test-organisatie: inloggen</title></head>
<body><main><h1>Inloggen bij de test-organisatie</h1>
<form method="post" action="/interaction/${encodeURIComponent(uid)}">
<label for="login">Gebruikersnaam</label> <input id="login" name="login" required autocomplete="off">
<button type="submit">Inloggen bij de organisatie</button></form></main></body></html>`;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  let body = "";
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

export async function startOidcServer({ port, redirectUri }: { port: number; redirectUri: string }): Promise<TestIdp> {
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = "koppelkans-e2e";
  const clientSecret = randomBytes(16).toString("hex");
  const people = new Map<string, IdpPerson>();
  let wrongSecret = false;

  const key = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    jwks: { keys: [{ ...key, kid: "e2e", use: "sig", alg: "RS256" }] as never },
    cookies: { keys: [randomBytes(16).toString("hex")] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    features: { devInteractions: { enabled: false } },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx: unknown, sub: string) => {
      const person = people.get(sub);
      if (!person) return undefined;
      return { accountId: sub, claims: () => ({ sub, email: person.email, email_verified: person.emailVerified, name: person.name }) };
    },
    // A first-party client: whoever signs in has consented to openid, email and profile.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const accountId = ctx.oidc.session?.accountId;
      if (!accountId || !ctx.oidc.client) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
  });
  const handle = provider.callback();

  async function interaction(req: IncomingMessage, res: ServerResponse) {
    const details = await provider.interactionDetails(req, res);
    if (req.method === "POST") {
      const login = (await readForm(req)).get("login") ?? "";
      await provider.interactionFinished(req, res, { login: { accountId: login } }, { mergeWithLastSubmission: false });
      return;
    }
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(loginPage(details.uid));
  }

  const server: Server = createServer((req, res) => {
    const { pathname } = new URL(req.url ?? "/", issuer);
    if (pathname.startsWith("/interaction/")) {
      interaction(req, res).catch((error: unknown) => {
        res.writeHead(400, { "content-type": "text/plain; charset=utf-8" });
        res.end(`interaction failed: ${(error as Error).message}`);
      });
      return;
    }
    if (wrongSecret && pathname === "/token") {
      req.headers.authorization = `Basic ${Buffer.from(`${clientId}:not-the-secret`).toString("base64")}`;
    }
    handle(req, res);
  });

  const start = () =>
    new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        server.off("error", reject);
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  await start();
  return {
    issuer,
    clientId,
    clientSecret,
    addPerson: (login, person) => void people.set(login, person),
    setWrongSecret: (on) => void (wrongSecret = on),
    stop,
    start,
  };
}
