import "server-only";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/policy/permissions";
import { listedUpdateWhere } from "@/lib/policy/updates";
import { activeUserWhere } from "@/lib/policy/users";
import { updateTagsSelect, withTags } from "@/lib/taxonomy/tags";

/** What the home page shows: the programme at a glance. */
export async function getProgrammeOverview() {
  const [municipalities, experiments, opgaven, themes] = await db.$transaction([
    db.municipality.count(),
    db.experiment.findMany({
      orderBy: [{ municipality: { name: "asc" } }, { title: "asc" }],
      select: {
        id: true,
        title: true,
        slug: true,
        summary: true,
        phase: true,
        municipality: { select: { name: true } },
        wijken: { select: { name: true }, orderBy: { name: "asc" } },
      },
    }),
    db.opgave.findMany({
      where: { archivedAt: null },
      orderBy: { sortOrder: "asc" },
      select: { id: true, name: true, slug: true, color: true },
    }),
    db.theme.findMany({
      where: { archivedAt: null },
      orderBy: { sortOrder: "asc" },
      select: { id: true, name: true, slug: true, color: true, description: true },
    }),
  ]);
  return { municipalityCount: municipalities, experiments, opgaven, themes };
}

/** Municipalities A–Z with how many wijken, experiments and active project leaders each has. */
export function listMunicipalities() {
  return db.municipality.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      slug: true,
      cbsCode: true,
      _count: {
        select: {
          wijken: true,
          experiments: true,
          users: { where: { role: "PROJECT_LEADER", ...activeUserWhere() } },
        },
      },
    },
  });
}

const tagSelect = { id: true, name: true, color: true } as const;

/** What a timeline entry shows of a published update. */
const updateSummarySelect = {
  id: true,
  title: true,
  publishedAt: true,
  milestone: true,
  phase: true,
  author: { select: { name: true } },
  ...updateTagsSelect,
} as const;

/** What every experiment card and page shows of an experiment. */
const experimentFactsSelect = { id: true, title: true, slug: true, summary: true, phase: true, startDate: true } as const;

/** Newest first; the id breaks ties so the order is stable. */
const newestFirst = [{ publishedAt: "desc" }, { id: "desc" }] as const;

export const MUNICIPALITY_LATEST_UPDATES = 10;

/**
 * A municipality's page: its wijken, experiments, active project leaders and
 * the latest published updates across its experiments. Null for an unknown slug.
 */
export async function getMunicipalityPage(slug: string) {
  const [municipality, latestUpdates] = await Promise.all([
    db.municipality.findUnique({
      where: { slug },
      select: {
        id: true,
        name: true,
        slug: true,
        cbsCode: true,
        wijken: { orderBy: { name: "asc" }, select: { id: true, name: true, cbsCode: true } },
        experiments: {
          orderBy: { title: "asc" },
          select: { ...experimentFactsSelect, wijken: { orderBy: { name: "asc" }, select: { id: true, name: true } } },
        },
        users: {
          where: { role: "PROJECT_LEADER", ...activeUserWhere() },
          orderBy: { name: "asc" },
          select: { id: true, name: true },
        },
      },
    }),
    db.update.findMany({
      where: { ...listedUpdateWhere, experiment: { municipality: { slug } } },
      orderBy: [...newestFirst],
      take: MUNICIPALITY_LATEST_UPDATES,
      select: { ...updateSummarySelect, experiment: { select: { title: true, slug: true } } },
    }),
  ]);
  if (!municipality) return null;
  const { users: projectLeaders, ...rest } = municipality;
  return { ...rest, projectLeaders, latestUpdates: latestUpdates.map(withTags) };
}

/**
 * An experiment's page: its facts, project leaders, the opgaven and themes its
 * published updates carry, and the timeline of those updates, newest first.
 * Drafts and withdrawn updates are left out. Null for an unknown slug.
 */
export async function getExperimentPage(slug: string) {
  const carriedByPublishedUpdate = { updates: { some: { update: { ...listedUpdateWhere, experiment: { slug } } } } } as const;
  const [experiment, opgaven, themes] = await Promise.all([
    db.experiment.findUnique({
      where: { slug },
      select: {
        ...experimentFactsSelect,
        municipality: { select: { id: true, name: true, slug: true } },
        wijken: { orderBy: { name: "asc" }, select: { id: true, name: true, cbsCode: true } },
        leaders: { where: activeUserWhere(), orderBy: { name: "asc" }, select: { id: true, name: true } },
        updates: { where: listedUpdateWhere, orderBy: [...newestFirst], select: updateSummarySelect },
      },
    }),
    db.opgave.findMany({ where: carriedByPublishedUpdate, orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: tagSelect }),
    db.theme.findMany({ where: carriedByPublishedUpdate, orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: tagSelect }),
  ]);
  if (!experiment) return null;
  const { updates: timeline, ...rest } = experiment;
  return { ...rest, opgaven, themes, timeline: timeline.map(withTags) };
}

export type ExperimentPage = NonNullable<Awaited<ReturnType<typeof getExperimentPage>>>;
export type TimelineUpdate = ExperimentPage["timeline"][number];

// ---------------------------------------------------------------------------
// Management (/beheer/programma): staff only, the pages check first.
// ---------------------------------------------------------------------------

/** Municipalities with their wijken, and experiments, for the management overview. */
export async function listProgrammeForManagement(actor: Actor) {
  if (!can(actor, "programme:manage")) return { municipalities: [], experiments: [] };
  const [municipalities, experiments] = await Promise.all([
    db.municipality.findMany({
      orderBy: { name: "asc" },
      select: {
        id: true,
        name: true,
        slug: true,
        cbsCode: true,
        wijken: { orderBy: { name: "asc" }, select: { id: true, name: true, cbsCode: true } },
        _count: { select: { experiments: true } },
      },
    }),
    db.experiment.findMany({
      orderBy: [{ municipality: { name: "asc" } }, { title: "asc" }],
      select: { id: true, title: true, slug: true, phase: true, startDate: true, municipality: { select: { name: true } } },
    }),
  ]);
  return { municipalities, experiments };
}

/** Municipalities with their wijken, for the experiment form's choices. */
export async function listMunicipalityChoices(actor: Actor) {
  if (!can(actor, "programme:manage")) return [];
  return db.municipality.findMany({
    orderBy: { name: "asc" },
    select: { id: true, name: true, wijken: { orderBy: { name: "asc" }, select: { id: true, name: true } } },
  });
}

/**
 * Project leaders who can be assigned, grouped by the form per municipality.
 * Blocked accounts are left out, unless they already lead `experimentId`.
 */
export async function listLeaderOptions(actor: Actor, experimentId?: string) {
  if (!can(actor, "programme:manage")) return [];
  return db.user.findMany({
    where: {
      role: "PROJECT_LEADER",
      municipalityId: { not: null },
      OR: [activeUserWhere(), ...(experimentId ? [{ ledExperiments: { some: { id: experimentId } } }] : [])],
    },
    orderBy: { name: "asc" },
    select: { id: true, name: true, municipalityId: true },
  });
}

/** One municipality with its wijken, for its edit page. */
export async function getMunicipalityForEdit(actor: Actor, id: string) {
  if (!can(actor, "programme:manage")) return null;
  return db.municipality.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      slug: true,
      cbsCode: true,
      wijken: { orderBy: { name: "asc" }, select: { id: true, name: true, slug: true, cbsCode: true } },
    },
  });
}

/** The fields of an experiment its edit form shows (and the audit log compares). */
export const experimentFormSelect = {
  title: true,
  slug: true,
  summary: true,
  municipalityId: true,
  phase: true,
  startDate: true,
  wijken: { select: { id: true } },
  leaders: { select: { id: true } },
} as const;

/** One experiment with the ids of its wijken and leaders, for its edit page. */
export async function getExperimentForEdit(actor: Actor, id: string) {
  if (!can(actor, "programme:manage")) return null;
  const experiment = await db.experiment.findUnique({
    where: { id },
    select: { id: true, ...experimentFormSelect },
  });
  if (!experiment) return null;
  const { wijken, leaders, ...rest } = experiment;
  return { ...rest, wijkIds: wijken.map((wijk) => wijk.id), leaderIds: leaders.map((leader) => leader.id) };
}
