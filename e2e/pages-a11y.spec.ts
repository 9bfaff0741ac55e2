import { expect, test } from "./fixtures";
import { appRoutes, pagesToSweep, sweepPages } from "./support/page-list";

// The page sweep itself is in e2e/pages-sweep-{nl,en}-{desktop,phone}.spec.ts
// (axe, one h1, 375 px); this file checks that it covers every page.

test("the page sweep visits every page of the app", () => {
  const swept = new Set(pagesToSweep().map((page) => page.route));
  const missing = appRoutes().filter((route) => !swept.has(route));
  expect(missing, "pages without an entry in e2e/support/page-list.ts (add them to sweepPages)").toEqual([]);
});

test("the page list names no page that is gone", () => {
  const routes = new Set(appRoutes());
  const stale = sweepPages.map((page) => page.route).filter((route) => !routes.has(route));
  expect(stale, "entries in e2e/support/page-list.ts without a page.tsx").toEqual([]);
});
