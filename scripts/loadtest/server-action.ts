/**
 * Calling a Next.js server action over plain HTTP, as the browser does after
 * hydration: POST to the page with the `Next-Action` header (the action's id
 * from the build's server-reference manifest) and the arguments in React's
 * reply encoding — for `(previousState, formData)` a multipart body whose root
 * field "0" is `[null,"$K1"]` and whose form fields carry the prefix `_1_`.
 * The answer is an RSC stream; the action's result is one line of it.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

type ManifestEntry = { exportedName?: string; filename?: string };

/** The id of an exported server action in the production build under `root`/.next. */
export function findActionId(root: string, filename: string, exportedName: string): string {
  const file = path.join(root, ".next", "server", "server-reference-manifest.json");
  const manifest = JSON.parse(readFileSync(file, "utf8")) as { node: Record<string, ManifestEntry> };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.filename === filename && entry.exportedName === exportedName);
  if (!found) throw new Error(`De server action ${exportedName} (${filename}) staat niet in ${file}; is de build bij?`);
  return found[0];
}

/** A multipart body for an action called with `(null, formData)`, with its content type. */
export function encodeActionForm(fields: Record<string, string>): { contentType: string; body: string } {
  const boundary = `----koppelkans${Math.random().toString(16).slice(2)}${Date.now().toString(16)}`;
  const parts: [string, string][] = Object.entries(fields).map(([name, value]) => [`_1_${name}`, value]);
  parts.push(["0", '[null,"$K1"]']);
  const text =
    parts.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join("") +
    `--${boundary}--\r\n`;
  return { contentType: `multipart/form-data; boundary=${boundary}`, body: text };
}

/** The router state the browser sends from an update's page (Next renders only what changed under it). */
export function updatePageRouterState(updateId: string): string {
  const tree = [
    "",
    {
      children: [
        "(portal)",
        {
          children: [
            "updates",
            { children: [["id", updateId, "d", null], { children: ["__PAGE__", {}, null, null, 0] }, null, null, 0] },
            null,
            null,
            0,
          ],
        },
        null,
        null,
        0,
      ],
    },
    null,
    null,
    16,
  ];
  return encodeURIComponent(JSON.stringify(tree));
}

/** The headers of a server action call from `pagePath` on `origin`. */
export function actionHeaders({
  actionId,
  origin,
  cookie,
  contentType,
  routerState,
}: {
  actionId: string;
  origin: string;
  cookie: string;
  contentType: string;
  routerState?: string;
}) {
  return {
    accept: "text/x-component",
    "content-type": contentType,
    "next-action": actionId,
    origin,
    cookie,
    ...(routerState ? { "next-router-state-tree": routerState } : {}),
  };
}

export type ActionOutcome = { ok: true; data: Record<string, unknown> } | { ok: false; error?: string };

/** The action's result from its RSC answer, or null when the stream holds none (a cut-off answer). */
export function parseActionResult(rsc: string): ActionOutcome | null {
  for (const line of rsc.split("\n")) {
    const match = /^[0-9a-f]+:(\{"ok":(?:true|false)[,}].*)$/.exec(line);
    if (!match) continue;
    try {
      return JSON.parse(match[1]!) as ActionOutcome;
    } catch {
      return null;
    }
  }
  return null;
}
