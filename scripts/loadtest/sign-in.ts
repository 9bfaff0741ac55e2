/**
 * Signs a person in over HTTP through next-auth's credentials endpoint (csrf
 * token and cookie first, then the callback with json=true) and answers the
 * Cookie header that carries the session. Loopback only.
 */
const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

function keepCookies(jar: Map<string, string>, response: Response) {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const index = pair!.indexOf("=");
    if (index > 0) jar.set(pair!.slice(0, index).trim(), pair!.slice(index + 1).trim());
  }
}

const cookieHeader = (jar: Map<string, string>) => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");

export async function signInCookie(baseUrl: string, email: string, password: string): Promise<string> {
  if (!LOOPBACK.has(new URL(baseUrl).hostname)) throw new Error(`De belastingtest meet alleen op loopback, niet op ${baseUrl}.`);
  const jar = new Map<string, string>();
  const csrf = await fetch(new URL("/api/auth/csrf", baseUrl), { redirect: "manual" });
  keepCookies(jar, csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken?: string };
  if (!csrfToken) throw new Error(`Geen csrf-token van /api/auth/csrf (status ${csrf.status}).`);
  const response = await fetch(new URL("/api/auth/callback/credentials", baseUrl), {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar) },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }).toString(),
  });
  keepCookies(jar, response);
  await response.arrayBuffer();
  const session = [...jar.keys()].find((name) => name.endsWith("next-auth.session-token"));
  if (!session) throw new Error(`Inloggen als ${email} mislukt (status ${response.status}).`);
  // Only the session cookie: the csrf and callback cookies are for the sign-in form.
  return `${session}=${jar.get(session)}`;
}
