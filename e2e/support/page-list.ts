import { readdirSync } from "node:fs";
import path from "node:path";
import { query } from "./database";
import type { SweepWorld } from "./sweep-world";

/**
 * Every page of the portal, for the sweep (e2e/pages-sweep-*.spec.ts: axe and
 * the 375 px check, in both languages) and for the coverage check in
 * e2e/pages-a11y.spec.ts, which fails when a page.tsx under app/ has no entry
 * here. A new page: add an entry with its route pattern (as in the folder
 * names, without route groups), who opens it and how to build its address.
 */
export type Viewer = "admin" | "projectLeader" | "visitor";

export type SweepPage = {
  /** The route pattern, e.g. "/updates/[id]"; with `variant` when one route is visited twice. */
  route: string;
  variant?: string;
  as: Viewer;
  path: (ids: PageIds) => string;
};

/** Records the pages are built from: demo content (rich pages) and the sweep's own world. */
export type PageIds = {
  world: SweepWorld;
  update: string;
  experiment: { id: string; slug: string };
  municipality: { id: string; slug: string };
  opgave: { id: string; slug: string };
  theme: { id: string; slug: string };
  member: string;
  lesson: string;
};

export const sweepPages: SweepPage[] = [
  { route: "/", as: "admin", path: () => "/" },
  { route: "/updates", as: "admin", path: () => "/updates" },
  { route: "/updates", variant: "filtered", as: "admin", path: () => "/updates?q=bewoners&opgave=energietransitie-aardgasvrij" },
  { route: "/koppelkansen", as: "admin", path: () => "/koppelkansen" },
  { route: "/koppelkansen", variant: "themes", as: "admin", path: () => "/koppelkansen?view=themes&measure=municipalities" },
  { route: "/updates/[id]", as: "admin", path: (ids) => `/updates/${ids.update}` },
  { route: "/updates/[id]", variant: "with replies", as: "admin", path: (ids) => `/updates/${ids.world.updateId}` },
  { route: "/updates/[id]/versies", as: "admin", path: (ids) => `/updates/${ids.update}/versies` },
  { route: "/updates/nieuw", as: "projectLeader", path: () => "/updates/nieuw" },
  { route: "/updates/concepten", as: "projectLeader", path: () => "/updates/concepten" },
  { route: "/updates/[id]/bewerken", variant: "draft", as: "projectLeader", path: (ids) => `/updates/${ids.world.draftId}/bewerken` },
  { route: "/updates/[id]/bewerken", variant: "published", as: "projectLeader", path: (ids) => `/updates/${ids.world.updateId}/bewerken` },
  { route: "/gemeenten", as: "admin", path: () => "/gemeenten" },
  { route: "/gemeenten/[slug]", as: "admin", path: (ids) => `/gemeenten/${ids.municipality.slug}` },
  { route: "/experimenten/[slug]", as: "admin", path: (ids) => `/experimenten/${ids.experiment.slug}` },
  { route: "/programma", as: "admin", path: () => "/programma" },
  { route: "/opgaven", as: "admin", path: () => "/opgaven" },
  { route: "/opgaven/[slug]", as: "admin", path: (ids) => `/opgaven/${ids.opgave.slug}` },
  { route: "/themas", as: "admin", path: () => "/themas" },
  { route: "/themas/[slug]", as: "admin", path: (ids) => `/themas/${ids.theme.slug}` },
  { route: "/lessen", as: "admin", path: () => "/lessen" },
  { route: "/lessen", variant: "confirmed", as: "admin", path: () => "/lessen?status=BEVESTIGD" },
  { route: "/lessen/[id]", as: "admin", path: (ids) => `/lessen/${ids.lesson}` },
  { route: "/lessen/nieuw", as: "admin", path: () => "/lessen/nieuw" },
  { route: "/lessen/[id]/bewerken", as: "admin", path: (ids) => `/lessen/${ids.lesson}/bewerken` },
  { route: "/meldingen", as: "admin", path: () => "/meldingen" },
  { route: "/meldingen", variant: "project leader", as: "projectLeader", path: () => "/meldingen" },
  { route: "/volgend", as: "admin", path: () => "/volgend" },
  { route: "/instellingen/e-mail", as: "admin", path: () => "/instellingen/e-mail" },
  { route: "/profiel", as: "admin", path: () => "/profiel" },
  { route: "/profiel/account-verwijderen", as: "projectLeader", path: () => "/profiel/account-verwijderen" },
  { route: "/beheer/programma", as: "admin", path: () => "/beheer/programma" },
  { route: "/beheer/programma/gemeenten/[id]", as: "admin", path: (ids) => `/beheer/programma/gemeenten/${ids.municipality.id}` },
  { route: "/beheer/programma/experimenten/[id]", as: "admin", path: (ids) => `/beheer/programma/experimenten/${ids.experiment.id}` },
  { route: "/beheer/taxonomie", as: "admin", path: () => "/beheer/taxonomie" },
  { route: "/beheer/taxonomie/[kind]/[id]", as: "admin", path: (ids) => `/beheer/taxonomie/opgaven/${ids.opgave.id}` },
  { route: "/beheer/taxonomie/[kind]/[id]", variant: "theme", as: "admin", path: (ids) => `/beheer/taxonomie/themas/${ids.theme.id}` },
  { route: "/beheer/uitnodigingen", as: "admin", path: () => "/beheer/uitnodigingen" },
  { route: "/beheer/gebruikers", as: "admin", path: () => "/beheer/gebruikers" },
  { route: "/beheer/gebruikers", variant: "filtered", as: "admin", path: () => "/beheer/gebruikers?q=example&role=MEMBER" },
  { route: "/beheer/gebruikers/[id]", as: "admin", path: (ids) => `/beheer/gebruikers/${ids.member}` },
  { route: "/beheer/gebruikers/[id]/gegevens", as: "admin", path: (ids) => `/beheer/gebruikers/${ids.member}/gegevens` },
  { route: "/beheer/moderatie", as: "admin", path: () => "/beheer/moderatie" },
  { route: "/beheer/audit", as: "admin", path: () => "/beheer/audit" },
  { route: "/beheer/audit", variant: "filtered", as: "admin", path: () => "/beheer/audit?type=user.role&from=2020-01-01" },
  { route: "/beheer/e-mail", as: "admin", path: () => "/beheer/e-mail" },
  { route: "/beheer/inspiratie", as: "admin", path: () => "/beheer/inspiratie" },
  { route: "/beheer/rapportage", as: "admin", path: () => "/beheer/rapportage" },
  { route: "/beheer/rapportage", variant: "reversed period", as: "admin", path: () => "/beheer/rapportage?from=2026-04-01&to=2026-03-01" },
  { route: "/inspiratie", as: "admin", path: () => "/inspiratie" },
  { route: "/inspiratie", variant: "visitor", as: "visitor", path: () => "/inspiratie" },
  { route: "/privacy", as: "visitor", path: () => "/privacy" },
  { route: "/inloggen", as: "visitor", path: () => "/inloggen" },
  { route: "/wachtwoord-vergeten", as: "visitor", path: () => "/wachtwoord-vergeten" },
  { route: "/uitnodiging/[token]", as: "visitor", path: (ids) => `/uitnodiging/${ids.world.invitationToken}` },
  { route: "/wachtwoord-herstellen/[token]", as: "visitor", path: (ids) => `/wachtwoord-herstellen/${ids.world.resetToken}` },
  // A valid unsubscribe link needs the server's signing secret; the page for a broken link is what a mangled email shows.
  { route: "/afmelden/[token]", variant: "broken link", as: "visitor", path: () => "/afmelden/kapotte-link" },
];

/**
 * Pages other engineers are adding for issue 9. Each is swept as soon as its
 * page.tsx exists; at integration, move them into sweepPages above.
 */
export const pagesLandingWithIssue9: SweepPage[] = [
  { route: "/mensen/[id]", as: "admin", path: (ids) => `/mensen/${ids.world.projectLeader.id}` },
  { route: "/profiel/gegevens", as: "admin", path: () => "/profiel/gegevens" },
];

/** Route patterns of every page.tsx under app/ (route groups left out). */
export function appRoutes(): string[] {
  const appDir = path.join(import.meta.dirname, "..", "..", "app");
  const files = readdirSync(appDir, { recursive: true, encoding: "utf8" }).filter((file) => path.basename(file) === "page.tsx");
  return files
    .map((file) => {
      const segments = path
        .dirname(file)
        .split(path.sep)
        .filter((segment) => segment !== "." && !/^\(.*\)$/.test(segment));
      return `/${segments.join("/")}`;
    })
    .sort();
}

/** The sweep's pages: the list plus the issue-9 pages already there. */
export function pagesToSweep(): SweepPage[] {
  const routes = new Set(appRoutes());
  return [...sweepPages, ...pagesLandingWithIssue9.filter((page) => routes.has(page.route))];
}

/** Demo records with the richest pages (never another spec's), and the sweep's own world. */
export async function findPageIds(world: SweepWorld): Promise<PageIds> {
  const [update] = await query<{ id: string }>(
    `SELECT u.id FROM "Update" u JOIN "User" a ON a.id = u."authorId"
      WHERE u.status = 'PUBLISHED' AND u."hiddenAt" IS NULL AND a.email NOT LIKE 'e2e%'
      ORDER BY u."commentCount" DESC, u.id LIMIT 1`,
  );
  const [municipality] = await query<{ id: string; slug: string }>(`SELECT id, slug FROM "Municipality" WHERE slug = 'tilburg'`);
  const [experiment] = await query<{ id: string; slug: string }>(
    `SELECT id, slug FROM "Experiment" WHERE "municipalityId" = $1 ORDER BY slug LIMIT 1`,
    [municipality!.id],
  );
  const [opgave] = await query<{ id: string; slug: string }>(`SELECT id, slug FROM "Opgave" ORDER BY "sortOrder", slug LIMIT 1`);
  const [theme] = await query<{ id: string; slug: string }>(`SELECT id, slug FROM "Theme" ORDER BY "sortOrder", slug LIMIT 1`);
  const [member] = await query<{ id: string }>(`SELECT id FROM "User" WHERE email = 'deelnemer@example.nl'`);
  const [lesson] = await query<{ id: string }>(`SELECT id FROM "Lesson" ORDER BY "createdAt", id LIMIT 1`);
  return {
    world,
    update: update!.id,
    experiment: experiment!,
    municipality: municipality!,
    opgave: opgave!,
    theme: theme!,
    member: member!.id,
    lesson: lesson!.id,
  };
}
