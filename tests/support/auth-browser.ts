/**
 * A minimal browser for next-auth's route handler: it keeps cookies, fetches
 * a CSRF token, signs in and out, and asks getCurrentUser who it is, the way
 * a page would. Outside Next.js there is no request scope, so next/headers is
 * answered from the request being made (next-auth reads it with require()).
 */
import { createRequire } from "node:module";
import { NextRequest } from "next/server";
import { vi } from "vitest";

type CookieWrite = { name: string; value: string; options?: Record<string, unknown> };

/** What next/headers answers right now; code under test may also write cookies here. */
export const requestScope = { headers: new Headers(), cookies: new Map<string, string>(), written: [] as CookieWrite[] };

const cookieStore = {
  getAll: () => [...requestScope.cookies].map(([name, value]) => ({ name, value })),
  get: (name: string) => (requestScope.cookies.has(name) ? { name, value: requestScope.cookies.get(name)! } : undefined),
  has: (name: string) => requestScope.cookies.has(name),
  set: (name: string, value: string, options?: Record<string, unknown>) => {
    requestScope.written.push({ name, value, options });
  },
  delete: (name: string) => {
    requestScope.written.push({ name, value: "", options: { maxAge: 0 } });
  },
};

/** A stand-in for next/headers: pass to vi.mock for ESM imports in the app's code. */
export const fakeNextHeaders = {
  headers: async () => requestScope.headers,
  cookies: async () => cookieStore,
};

/** Makes next-auth's own require("next/headers") answer from requestScope. */
export function useFakeNextHeaders() {
  const nextHeaders = createRequire(import.meta.url)("next/headers") as typeof fakeNextHeaders;
  vi.spyOn(nextHeaders, "headers").mockImplementation(fakeNextHeaders.headers);
  vi.spyOn(nextHeaders, "cookies").mockImplementation(fakeNextHeaders.cookies as never);
}

type Handler = (request: NextRequest, context: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;

export class AuthBrowser {
  readonly cookies = new Map<string, string>();
  /** Every Set-Cookie header the browser received, newest last. */
  readonly setCookies: string[] = [];

  constructor(
    private readonly handler: Handler,
    private readonly headers: Record<string, string> = {},
    private readonly origin = "http://localhost:3000",
  ) {}

  /** Points next/headers at this browser's headers and cookies (for getCurrentUser or a server action). */
  enter() {
    const headers = new Headers(this.headers);
    if (this.cookies.size) headers.set("cookie", [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; "));
    requestScope.headers = headers;
    // Next.js hands cookie values over decoded.
    requestScope.cookies = new Map([...this.cookies].map(([name, value]) => [name, decodeURIComponent(value)]));
    requestScope.written = [];
  }

  async auth(path: string, form?: Record<string, string>): Promise<Response> {
    this.enter();
    const headers = new Headers(requestScope.headers);
    if (form) headers.set("content-type", "application/x-www-form-urlencoded");
    const request = new NextRequest(`${this.origin}/api/auth/${path}`, {
      method: form ? "POST" : "GET",
      headers,
      body: form ? new URLSearchParams(form).toString() : undefined,
    });
    const response = await this.handler(request, { params: Promise.resolve({ nextauth: path.split("?")[0]!.split("/") }) });
    for (const header of response.headers.getSetCookie()) {
      this.setCookies.push(header);
      const [pair = "", ...attributes] = header.split(";");
      const name = pair.slice(0, pair.indexOf("="));
      const value = pair.slice(pair.indexOf("=") + 1);
      const expired = attributes.some((attribute) => /^\s*(max-age=0|expires=thu, 01 jan 1970)/i.test(attribute));
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  private async csrfToken(): Promise<string> {
    const body = (await (await this.auth("csrf")).json()) as { csrfToken: string };
    return body.csrfToken;
  }

  /** Signs in as the sign-in form does; answers next-auth's JSON ({ url }) and status. */
  async signIn(email: string, password: string, callbackUrl?: string) {
    const csrfToken = await this.csrfToken();
    const response = await this.auth("callback/credentials", {
      csrfToken,
      email,
      password,
      json: "true",
      ...(callbackUrl ? { callbackUrl } : {}),
    });
    return { status: response.status, url: ((await response.json()) as { url: string }).url };
  }

  async signOut() {
    const csrfToken = await this.csrfToken();
    return this.auth("signout", { csrfToken, json: "true" });
  }

  /** A copy of this browser's cookies in another browser (a stolen cookie). */
  copyTo(other: AuthBrowser) {
    for (const [name, value] of this.cookies) other.cookies.set(name, value);
    return other;
  }
}
