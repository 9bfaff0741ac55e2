/**
 * A minimal signed-in HTTP client for the bench: next-auth's credentials
 * sign-in (csrf token + cookie, then the callback with json=true), a cookie
 * jar, and timed GETs that read the whole body. Loopback only.
 */
export type TimedResponse = { status: number; ms: number; bytes: number; location: string | null; serverTiming: string | null };

export class BenchClient {
  private readonly cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {
    const host = new URL(baseUrl).hostname;
    if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) throw new Error(`De bench meet alleen op loopback, niet op ${host}.`);
  }

  /** The session's cookies, for another client (the concurrency pass) to send. */
  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  private keepCookies(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const index = pair!.indexOf("=");
      if (index > 0) this.cookies.set(pair!.slice(0, index).trim(), pair!.slice(index + 1).trim());
    }
  }

  private request(path: string, init: RequestInit = {}): Promise<Response> {
    return fetch(new URL(path, this.baseUrl), {
      ...init,
      redirect: "manual",
      headers: { ...(init.headers as Record<string, string> | undefined), cookie: this.cookieHeader() },
    });
  }

  /** Signs in through next-auth's credentials endpoint; throws with the reason when it fails. */
  async signIn(email: string, password: string): Promise<void> {
    const csrfResponse = await this.request("/api/auth/csrf");
    this.keepCookies(csrfResponse);
    const { csrfToken } = (await csrfResponse.json()) as { csrfToken?: string };
    if (!csrfToken) throw new Error(`Geen csrf-token van /api/auth/csrf (status ${csrfResponse.status}).`);
    const response = await this.request("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, email, password, json: "true" }).toString(),
    });
    this.keepCookies(response);
    const body = (await response.json().catch(() => ({}))) as { url?: string };
    const error = body.url ? new URL(body.url, this.baseUrl).searchParams.get("error") : null;
    if (error || ![...this.cookies.keys()].some((name) => name.endsWith("next-auth.session-token"))) {
      throw new Error(`Inloggen als ${email} mislukt (status ${response.status}${error ? `, ${error}` : ""}).`);
    }
  }

  /** GET `path` and the whole body (decompressed), untimed. */
  async body(path: string): Promise<Buffer> {
    return Buffer.from(await (await this.request(path)).arrayBuffer());
  }

  /** GET `path`, timed from sending the request to the last byte of the body. */
  async get(path: string): Promise<TimedResponse> {
    const started = performance.now();
    const response = await this.request(path);
    const body = await response.arrayBuffer();
    const ms = performance.now() - started;
    return {
      status: response.status,
      ms,
      bytes: body.byteLength,
      location: response.headers.get("location"),
      serverTiming: response.headers.get("server-timing"),
    };
  }
}
