import type { APIRequest, APIRequestContext, APIResponse } from "@playwright/test";

/**
 * Calls server actions and route handlers the way a browser does, with any
 * person's cookies: an action is `POST <page>` with `Next-Action: <id>` and
 * the body React's encodeReply makes (read off real requests of the app's
 * forms), and the answer is read back from the RSC stream.
 */

/** What a call answered, reduced to what a policy can be checked against. */
export type Answer = {
  status: number;
  /** Where it sends the browser: the proxy's or a route's Location, or an action's `x-action-redirect`. */
  location: string | null;
  /** An action's return value (row 1 of the RSC stream); a route's JSON body. */
  value: unknown;
  /** Rows that carry a thrown error (`E{"digest":…}`) other than a redirect or not-found signal: a server error behind a 200. */
  thrown: string[];
  contentType: string;
  /** The Set-Cookie headers, one a line. */
  cookies: string;
  text: string;
};

/** The three ways the app's components call an action. */
export type ActionCall =
  | { encoding: "state-form"; fields: FormFields; previous: unknown }
  | { encoding: "form"; fields: FormFields }
  | { encoding: "args"; args: unknown[] };
export type FormFields = Record<string, string | readonly string[]>;

/** `useActionState` / ActionForm: `action(previousState, formData)`. */
export const stateForm = (fields: FormFields, previous: unknown = null): ActionCall => ({ encoding: "state-form", fields, previous });
/** `<form action={action}>`: `action(formData)`. */
export const form = (fields: FormFields = {}): ActionCall => ({ encoding: "form", fields });
/** A direct call from a client component: `action(a, b)`. */
export const args = (...values: unknown[]): ActionCall => ({ encoding: "args", args: values });

/** React's reply encoding escapes a string that starts with `$`. */
function replyValue(value: unknown): unknown {
  if (typeof value === "string") return value.startsWith("$") ? `$${value}` : value;
  if (Array.isArray(value)) return value.map(replyValue);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, replyValue(item)]));
  return value;
}

/** The body React sends: FormData arguments as `_1_<field>` entries referenced by `$K1` in field 0, plain arguments as JSON text. */
function actionBody(call: ActionCall): { multipart: FormData } | { data: string; contentType: string } {
  if (call.encoding === "args") return { data: JSON.stringify(replyValue(call.args)), contentType: "text/plain;charset=UTF-8" };
  const body = new FormData();
  for (const [name, value] of Object.entries(call.fields)) {
    for (const item of typeof value === "string" ? [value] : value) body.append(`_1_${name}`, item);
  }
  body.append("0", JSON.stringify(call.encoding === "state-form" ? [replyValue(call.previous), "$K1"] : ["$K1"]));
  return { multipart: body };
}

/** The value of RSC row 1 (the action's result), or undefined. */
function actionResult(text: string): unknown {
  const row = text.split("\n").find((line) => line.startsWith("1:"));
  if (!row) return undefined;
  try {
    const value: unknown = JSON.parse(row.slice(2));
    return value === "$undefined" ? undefined : value;
  } catch {
    return undefined;
  }
}

/** Error rows of an RSC stream, but not the digests Next.js uses for redirect() and notFound() while rendering. */
function thrownRows(text: string): string[] {
  return text.split("\n").filter((line) => /^[0-9a-f]+:E\{/.test(line) && !/"digest":"NEXT_(REDIRECT|HTTP_ERROR_FALLBACK)/.test(line));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

async function answerOf(response: APIResponse, { action }: { action: boolean }): Promise<Answer> {
  const headers = response.headers();
  const text = await response.text();
  const contentType = headers["content-type"] ?? "";
  const redirect = headers["x-action-redirect"]?.replace(/;(push|replace)$/, "") ?? null;
  let value: unknown;
  if (action && contentType.startsWith("text/x-component") && !redirect) value = actionResult(text);
  else if (contentType.includes("json")) value = parseJson(text);
  return {
    status: response.status(),
    // A Location may be absolute; compare it as a path.
    location: (redirect ?? headers.location)?.replace(/^https?:\/\/[^/]+/, "") ?? null,
    value,
    thrown: contentType.startsWith("text/x-component") ? thrownRows(text) : [],
    contentType,
    cookies: headers["set-cookie"] ?? "",
    text,
  };
}

export type CallOptions = {
  /** `Next-Router-Prefetch: 1`: proxy.ts's matcher skips such requests, so the call meets the action's (or route's) own check. */
  pastProxy?: boolean;
};

const proxyHeaders = (options: CallOptions): Record<string, string> => (options.pastProxy ? { "Next-Router-Prefetch": "1" } : {});

export async function callAction(
  http: APIRequestContext,
  origin: string,
  page: string,
  actionId: string,
  call: ActionCall,
  options: CallOptions = {},
): Promise<Answer> {
  const body = actionBody(call);
  const headers: Record<string, string> = { "Next-Action": actionId, Accept: "text/x-component", Origin: origin, ...proxyHeaders(options) };
  const response = await http.post(page, {
    headers: "contentType" in body ? { ...headers, "Content-Type": body.contentType } : headers,
    ...("multipart" in body ? { multipart: body.multipart } : { data: body.data }),
    maxRedirects: 0,
  });
  return answerOf(response, { action: true });
}

export type FilePart = { name: string; mimeType: string; buffer: Buffer };
export type RouteRequest = {
  method: "GET" | "POST";
  path: string;
  form?: Record<string, string>;
  multipart?: Record<string, string | FilePart>;
};

export async function callRoute(
  http: APIRequestContext,
  origin: string,
  request: RouteRequest,
  options: CallOptions = {},
): Promise<Answer> {
  // Browsers send Origin with a POST, not with a plain GET.
  const headers = { ...(request.method === "POST" ? { Origin: origin } : {}), ...proxyHeaders(options) };
  const response =
    request.method === "GET"
      ? await http.get(request.path, { headers, maxRedirects: 0 })
      : await http.post(request.path, {
          headers,
          maxRedirects: 0,
          ...(request.multipart ? { multipart: request.multipart } : { form: request.form ?? {} }),
        });
  return answerOf(response, { action: false });
}

/** A request context signed in through next-auth's credentials endpoint, as the sign-in form does. */
export async function signedInContext(api: APIRequest, baseURL: string, email: string, password: string): Promise<APIRequestContext> {
  const http = await api.newContext({ baseURL });
  const { csrfToken } = (await (await http.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await http.post("/api/auth/callback/credentials", {
    form: { email, password, csrfToken, json: "true", redirect: "false", callbackUrl: baseURL },
  });
  if (!response.ok()) throw new Error(`Sign-in of ${email} failed: ${response.status()} ${await response.text()}`);
  return http;
}

/** The token a blocked person's correct password hands the sign-in form (for blockNoticeAction). */
export async function blockNoticeToken(api: APIRequest, baseURL: string, email: string, password: string): Promise<string> {
  const http = await api.newContext({ baseURL });
  try {
    const { csrfToken } = (await (await http.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const response = await http.post("/api/auth/callback/credentials", {
      form: { email, password, csrfToken, json: "true", redirect: "false", callbackUrl: baseURL },
    });
    const { url } = (await response.json()) as { url: string };
    const error = new URL(url).searchParams.get("error") ?? "";
    if (!error.startsWith("AccountBlocked:")) throw new Error(`Signing in as the blocked ${email} answered ${url}`);
    return error.slice("AccountBlocked:".length);
  } finally {
    await http.dispose();
  }
}
