import { randomInt } from "node:crypto";
import http, { type IncomingHttpHeaders } from "node:http";
import path from "node:path";
import { actionHeaders, encodeActionForm, findActionId, parseActionResult, type ActionOutcome } from "../../scripts/loadtest/server-action";

/**
 * Plain HTTP to the app under test, from a chosen loopback source address:
 * the server sees each 127.x.y.z as another client, which is how the attack
 * suite shows that limits count per real address (and that a forged
 * X-Forwarded-For changes nothing). Loopback only.
 */
export type RawResponse = {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  cookies: Map<string, string>;
  setCookies: string[];
};

const root = path.resolve(import.meta.dirname, "..", "..");

/** A loopback address of its own (never 127.0.0.1, which the browsers use). */
export function freshLoopback(): string {
  return `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
}

/** A random documentation-range address to forge in X-Forwarded-For. */
export const forgedAddress = () => `203.0.113.${randomInt(1, 255)}`;

export function raw(
  baseURL: string,
  {
    method = "GET",
    path: target,
    headers = {},
    body,
    from,
  }: { method?: string; path: string; headers?: Record<string, string>; body?: string; from?: string },
): Promise<RawResponse> {
  const url = new URL(target, baseURL);
  if (!["localhost", "127.0.0.1"].includes(url.hostname)) throw new Error(`Only the local app is a target, not ${url.host}`);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: "127.0.0.1",
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method,
        localAddress: from,
        headers: { host: url.host, ...(body === undefined ? {} : { "content-length": String(Buffer.byteLength(body)) }), ...headers },
        timeout: 30_000,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const setCookies = response.headers["set-cookie"] ?? [];
          const cookies = new Map(
            setCookies.map((line) => line.split(";")[0]!.split("=")).map(([name, ...value]) => [name!.trim(), value.join("=")]),
          );
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString("utf8"),
            cookies,
            setCookies,
          });
        });
      },
    );
    request.on("timeout", () => request.destroy(new Error(`${method} ${target} timed out`)));
    request.on("error", reject);
    request.end(body);
  });
}

export const cookieHeader = (cookies: Map<string, string>) => [...cookies].map(([name, value]) => `${name}=${value}`).join("; ");

export type SignInAttempt = { error: string | null; url: string; cookie: string | null; response: RawResponse };

/**
 * Signs in through next-auth's credentials endpoint as its client does
 * (csrf token first, then the callback with json=true). `error` is
 * next-auth's code (CredentialsSignin, RateLimited, …), null on success.
 */
export async function signInOverHttp(
  baseURL: string,
  {
    email,
    password,
    from,
    headers = {},
    callbackUrl,
  }: { email: string; password: string; from?: string; headers?: Record<string, string>; callbackUrl?: string },
): Promise<SignInAttempt> {
  const csrf = await raw(baseURL, { path: "/api/auth/csrf", from, headers });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const form = new URLSearchParams({ csrfToken, email, password, json: "true", ...(callbackUrl === undefined ? {} : { callbackUrl }) });
  const response = await raw(baseURL, {
    method: "POST",
    path: "/api/auth/callback/credentials",
    from,
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(csrf.cookies), ...headers },
    body: form.toString(),
  });
  const url = (JSON.parse(response.body) as { url: string }).url;
  const session = [...response.cookies].find(([name, value]) => name.endsWith("next-auth.session-token") && value !== "");
  return { error: new URL(url, baseURL).searchParams.get("error"), url, cookie: session ? `${session[0]}=${session[1]}` : null, response };
}

/** Calls an exported server action of `file` with `fields`, as the form's script does, from `pagePath`. */
export async function callAction(
  baseURL: string,
  {
    file,
    action,
    pagePath,
    fields,
    cookie = "",
    from,
    headers = {},
  }: {
    file: string;
    action: string;
    pagePath: string;
    fields: Record<string, string>;
    cookie?: string;
    from?: string;
    headers?: Record<string, string>;
  },
): Promise<{ response: RawResponse; result: ActionOutcome | null }> {
  const form = encodeActionForm(fields);
  const response = await raw(baseURL, {
    method: "POST",
    path: pagePath,
    from,
    headers: {
      ...actionHeaders({
        actionId: findActionId(root, file, action),
        origin: new URL(baseURL).origin,
        cookie,
        contentType: form.contentType,
      }),
      ...headers,
    },
    body: form.body,
  });
  return { response, result: parseActionResult(response.body) };
}
