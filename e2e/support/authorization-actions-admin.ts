import { stateForm } from "./authorization-client";
import { action, redirectsTo, rolesWith, type ActionEntry } from "./authorization-expect";

/** Server actions of the programme and taxonomy management pages (staff). */

const programme = rolesWith("programme:manage");
const taxonomy = rolesWith("taxonomy:manage");

export const programmeActions: ActionEntry[] = [
  action("lib/programme/actions.ts", "createMunicipalityAction", {
    page: () => "/beheer/programma",
    allowed: programme,
    call: ({ world, caller }) =>
      stateForm({ name: `Nieuwe gemeente ${world.tag} ${caller}`, slug: "", cbsCode: world.codes.municipalities[caller] }),
  }),
  action("lib/programme/actions.ts", "updateMunicipalityAction", {
    page: ({ world }) => `/beheer/programma/gemeenten/${world.programme.municipalityId}`,
    allowed: programme,
    call: ({ world }) =>
      stateForm({
        municipalityId: world.programme.municipalityId,
        name: `Bewerkstad ${world.tag}`,
        slug: `bewerkstad-${world.tag}`,
        cbsCode: world.programme.municipalityCode,
      }),
  }),
  action("lib/programme/actions.ts", "createWijkAction", {
    page: ({ world }) => `/beheer/programma/gemeenten/${world.programme.municipalityId}`,
    allowed: programme,
    call: ({ world, caller }) =>
      stateForm({
        municipalityId: world.programme.municipalityId,
        name: `Nieuwe wijk ${caller}`,
        slug: "",
        cbsCode: world.codes.wijken[caller],
      }),
  }),
  action("lib/programme/actions.ts", "updateWijkAction", {
    page: ({ world }) => `/beheer/programma/gemeenten/${world.programme.municipalityId}`,
    allowed: programme,
    call: ({ world }) =>
      stateForm({
        wijkId: world.programme.wijkId,
        name: `Bewerkwijk ${world.tag}`,
        slug: `bewerkwijk-${world.tag}`,
        cbsCode: world.programme.wijkCode,
      }),
  }),
  action("lib/programme/actions.ts", "createExperimentAction", {
    page: () => "/beheer/programma",
    allowed: programme,
    call: ({ world, caller }) =>
      stateForm({
        title: `Nieuw experiment ${world.tag} ${caller}`,
        slug: "",
        summary: "Een experiment van de autorisatietest.",
        municipalityId: world.programme.municipalityId,
        phase: "VERKENNING",
        startDate: "2026-03-01",
      }),
  }),
  action("lib/programme/actions.ts", "updateExperimentAction", {
    page: ({ world }) => `/beheer/programma/experimenten/${world.programme.experimentId}`,
    allowed: programme,
    call: ({ world }) =>
      stateForm({
        experimentId: world.programme.experimentId,
        title: `Bewerkexperiment ${world.tag}`,
        slug: `bewerkexperiment-${world.tag}`,
        summary: "Bewerkt door de autorisatietest.",
        municipalityId: world.programme.municipalityId,
        phase: "PLANVORMING",
        startDate: "2026-01-05",
      }),
  }),
];

export const taxonomyActions: ActionEntry[] = [
  action("lib/taxonomy/actions.ts", "createTaxonomyAction", {
    page: () => "/beheer/taxonomie",
    allowed: taxonomy,
    call: ({ world, caller }) => stateForm({ kind: "opgave", name: `Nieuwe opgave ${world.tag} ${caller}`, slug: "", description: "" }),
  }),
  action("lib/taxonomy/actions.ts", "updateTaxonomyAction", {
    page: ({ world }) => `/beheer/taxonomie/opgaven/${world.taxonomy.edit}`,
    allowed: taxonomy,
    call: ({ world }) =>
      stateForm({
        kind: "opgave",
        id: world.taxonomy.edit,
        name: `Authz bewerkt ${world.tag}`,
        slug: "",
        description: "Bewerkt door de autorisatietest.",
      }),
  }),
  action("lib/taxonomy/actions.ts", "moveTaxonomyAction", {
    page: () => "/beheer/taxonomie",
    allowed: taxonomy,
    call: ({ world }) => stateForm({ kind: "opgave", id: world.taxonomy.move, direction: "up" }),
  }),
  action("lib/taxonomy/actions.ts", "archiveTaxonomyAction", {
    page: () => "/beheer/taxonomie",
    allowed: taxonomy,
    call: ({ world }) => stateForm({ kind: "opgave", id: world.taxonomy.archive }),
  }),
  action("lib/taxonomy/actions.ts", "unarchiveTaxonomyAction", {
    page: () => "/beheer/taxonomie",
    allowed: taxonomy,
    call: ({ world }) => stateForm({ kind: "opgave", id: world.taxonomy.unarchive }),
  }),
  action("lib/taxonomy/actions.ts", "mergeTaxonomyAction", {
    page: ({ rows }) => `/beheer/taxonomie/opgaven/${rows.mergeSource}`,
    allowed: taxonomy,
    call: ({ world, rows }) => stateForm({ kind: "opgave", sourceId: rows.mergeSource, targetId: world.opgave.id, confirm: "on" }),
    granted: redirectsTo("/beheer/taxonomie?status=merged"),
  }),
];
