import type { BrowserContext, Page } from "@playwright/test";
import { expect } from "../fixtures";

/**
 * The attack suite's alarms: anything that shows a payload ran, or could
 * run. Installed per browser context, before any page of it loads:
 *
 * - a dialog (alert, confirm, prompt, beforeunload);
 * - a write to `window.__xss`, the flag every payload tries to set (a setter
 *   installed before the page's own scripts);
 * - a `securitypolicyviolation` event: the CSP blocked something the page
 *   tried to run or load, so some markup got through that should not have.
 *
 * Alarms go to the test process at once (a binding), so a navigation cannot
 * lose them. `scanForActiveContent` adds what the DOM itself shows.
 */
export type Alarms = string[];

declare global {
  interface Window {
    __attackAlarm?: (message: string) => Promise<void>;
    __xss?: unknown;
  }
}

export async function armDetectors(context: BrowserContext, alarms: Alarms): Promise<void> {
  await context.exposeBinding("__attackAlarm", ({ frame }, message: string) => {
    alarms.push(`${message} (on ${frame.url()})`);
  });
  await context.addInitScript(() => {
    const queue: string[] = [];
    const flush = () => {
      while (queue.length && window.__attackAlarm) void window.__attackAlarm(queue.shift()!);
    };
    const report = (message: string) => {
      queue.push(message);
      flush();
    };
    // Catches violations in this document and in the same-origin frames it creates.
    document.addEventListener(
      "securitypolicyviolation",
      (event) => report(`CSP ${event.effectiveDirective} blocked ${event.blockedURI || "inline"}: ${event.sample}`),
      true,
    );
    Object.defineProperty(window, "__xss", {
      configurable: false,
      get: () => undefined,
      set: (value: unknown) => report(`window.__xss was set to ${String(value)}`),
    });
    // Anything reported before the binding arrived goes out once it is there.
    setTimeout(flush, 0);
  });
  context.on("dialog", (dialog) => {
    alarms.push(`${dialog.type()} dialog: ${dialog.message()} (on ${dialog.page()?.url()})`);
    void dialog.dismiss().catch(() => {});
  });
}

/**
 * Everything in the rendered page that could run script, load from
 * elsewhere or navigate to a script URL: event handler attributes, script
 * URLs in any URL attribute, scripts and styles without the page's nonce,
 * frames, objects, <base>, <meta http-equiv>, SVG animation of attributes,
 * and new-tab links that keep `window.opener`.
 */
export async function scanForActiveContent(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const findings: string[] = [];
    const describe = (element: Element) =>
      `<${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""}> ${element.outerHTML.slice(0, 120)}`;
    // React renders form actions that are functions as this placeholder; it only throws.
    const reactFormPlaceholder = /^javascript:throw new Error\('(A )?React form (was )?unexpectedly submitted/;
    const urlAttributes = new Set([
      "href",
      "src",
      "action",
      "formaction",
      "xlink:href",
      "data",
      "poster",
      "background",
      "codebase",
      "dynsrc",
      "lowsrc",
      "ping",
      "cite",
    ]);
    const scriptScheme = (value: string) => {
      try {
        return ["javascript:", "vbscript:", "data:"].includes(new URL(value, document.baseURI).protocol);
      } catch {
        return false;
      }
    };
    const appOrigin = location.origin;

    for (const element of document.querySelectorAll("*")) {
      const tag = element.tagName.toLowerCase();
      for (const attribute of element.attributes) {
        const name = attribute.name.toLowerCase();
        if (name.startsWith("on")) findings.push(`event handler ${name}: ${describe(element)}`);
        if (name === "srcdoc") findings.push(`srcdoc: ${describe(element)}`);
        if (
          urlAttributes.has(name) &&
          scriptScheme(attribute.value) &&
          !(name === "action" && reactFormPlaceholder.test(attribute.value))
        ) {
          findings.push(`script URL in ${name}: ${describe(element)}`);
        }
        if (name === "style" && /url\s*\(|expression\s*\(|javascript:|@import/i.test(attribute.value))
          findings.push(`active style: ${describe(element)}`);
      }
      if (["iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal"].includes(tag))
        findings.push(`element: ${describe(element)}`);
      if (tag === "meta" && element.hasAttribute("http-equiv") && element.closest("body"))
        findings.push(`meta http-equiv: ${describe(element)}`);
      if (tag === "script") {
        const script = element as HTMLScriptElement;
        const ownFile = script.src !== "" && new URL(script.src).origin === appOrigin && new URL(script.src).pathname.startsWith("/_next/");
        if (!ownFile && !script.nonce) findings.push(`script without the page's nonce: ${describe(element)}`);
      }
      if (tag === "style" && !(element as HTMLStyleElement).nonce) findings.push(`style without the page's nonce: ${describe(element)}`);
      if (tag === "link" && (element as HTMLLinkElement).href && new URL((element as HTMLLinkElement).href).origin !== appOrigin)
        findings.push(`link elsewhere: ${describe(element)}`);
      if (
        element.namespaceURI === "http://www.w3.org/2000/svg" &&
        ["script", "foreignobject", "animate", "set", "use", "handler", "animatetransform", "animatemotion"].includes(tag)
      ) {
        findings.push(`svg ${tag}: ${describe(element)}`);
      }
      if (tag === "a" && (element as HTMLAnchorElement).target === "_blank" && !/\bnoopener\b/.test((element as HTMLAnchorElement).rel)) {
        findings.push(`new-tab link keeps window.opener: ${describe(element)}`);
      }
    }
    return findings;
  });
}

/**
 * Fails when the page shows any sign of a payload: an alarm so far, or
 * active content in its DOM. Waits a moment first, so a handler that would
 * fire on load or on an image error has fired.
 */
export async function expectInert(page: Page, alarms: Alarms, where: string): Promise<void> {
  await page.waitForLoadState("load");
  await page.waitForTimeout(150);
  expect(await scanForActiveContent(page), `no active content on ${where} (${page.url()})`).toEqual([]);
  expect(alarms, `no payload ran on ${where} or before`).toEqual([]);
  expect(await page.evaluate(() => window.__xss), "window.__xss stays unset").toBeUndefined();
}
