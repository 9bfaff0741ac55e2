/**
 * The programme report's CSV bundle as files (name → text): one CSV per
 * table of the report page, with the project's CSV writer (lib/updates/csv.ts:
 * `;`, BOM, CRLF, formula injection neutralised) and a Dutch LEESMIJ.txt.
 * Pure, so the download route and the tests share it.
 */
import { appUrl } from "@/lib/app-url";
import { calendarDayOf } from "@/lib/calendar-day";
import { toCsv } from "@/lib/updates/csv";
import type { ProgrammeReport } from "./report-queries";

export const REPORT_FILES = [
  ["municipalities.csv", "Per gemeente: updates, reacties en actieve mensen in de periode."],
  ["opgaven.csv", "Per opgave: hetzelfde, voor de updates met die opgave."],
  ["most-discussed.csv", "De updates met de meeste reacties in de periode."],
  ["matrix.csv", "De koppelkansen-matrix: hoeveel updates uit de periode twee opgaven samen hebben."],
  ["lessons.csv", "De lessen, met de updates die in de periode als onderbouwing zijn aangehaald."],
] as const;

export type ReportFileName = (typeof REPORT_FILES)[number][0] | "LEESMIJ.txt";

export const MUNICIPALITY_COLUMNS = ["Gemeente", "CBS-code", "Updates", "Reacties", "Actieve mensen"] as const;
export const OPGAVE_COLUMNS = ["Opgave", "Gearchiveerd", "Updates", "Reacties", "Actieve mensen"] as const;
export const DISCUSSED_COLUMNS = ["Plaats", "Update", "Gemeente", "Experiment", "Gepubliceerd", "Reacties in de periode", "Link"] as const;
export const LESSON_COLUMNS = ["Les", "Status", "Onderbouwing in de periode", "Aangehaalde update", "Link"] as const;

const STATUS_NAMES = { HYPOTHESE: "Hypothese", ONDERBOUWD: "Onderbouwd", BEVESTIGD: "Bevestigd" } as const;

function municipalitiesCsv(report: ProgrammeReport): string {
  return toCsv(
    MUNICIPALITY_COLUMNS,
    report.municipalities.map((row) => [row.name, row.cbsCode, row.updates, row.comments, row.people]),
  );
}

function opgavenCsv(report: ProgrammeReport): string {
  return toCsv(
    OPGAVE_COLUMNS,
    report.opgaven.map((row) => [row.name, row.archived ? "ja" : "nee", row.updates, row.comments, row.people]),
  );
}

function mostDiscussedCsv(report: ProgrammeReport): string {
  return toCsv(
    DISCUSSED_COLUMNS,
    report.mostDiscussed.map((row, index) => [
      index + 1,
      row.title,
      row.municipalityName,
      row.experimentTitle,
      calendarDayOf(new Date(row.publishedAt)),
      row.comments,
      appUrl(`/updates/${row.id}`),
    ]),
  );
}

/** The matrix as it shows: a row per opgave, a column per opgave, the diagonal being the opgave's own total. */
function matrixCsv(report: ProgrammeReport): string {
  const { matrix } = report;
  return toCsv(
    ["Opgave", ...matrix.columns.map((column) => column.name)],
    matrix.rows.map((row, index) => [row.name, ...(matrix.cells[index] ?? [])]),
  );
}

/** One line per cited update; a lesson without evidence in the period gets one line with the last columns empty. */
function lessonsCsv(report: ProgrammeReport): string {
  return toCsv(
    LESSON_COLUMNS,
    report.lessons.flatMap((lesson) => {
      const base = [lesson.title, STATUS_NAMES[lesson.status], lesson.evidenceCount] as const;
      if (lesson.citedUpdates.length === 0) return [[...base, "", ""]];
      return lesson.citedUpdates.map((update) => [...base, update.title, appUrl(`/updates/${update.id}`)]);
    }),
  );
}

/** LEESMIJ.txt: what the bundle holds and how it counts, in Windows line ends (Notepad on a municipal laptop). */
function readme(report: ProgrammeReport): string {
  const files = REPORT_FILES.flatMap(([name, text]) => [name, `  ${text}`, ""]);
  return [
    "Programmarapportage Koppelkans",
    "==============================",
    "",
    `Periode: ${report.period.from} tot en met ${report.period.to}.`,
    `Gemaakt op ${calendarDayOf(report.generatedAt)} (${report.generatedAt.toISOString()} UTC).`,
    "",
    "De bestanden zijn CSV voor Excel in het Nederlands: velden gescheiden door een puntkomma, tekst in UTF-8.",
    "",
    ...files,
    "Hoe er geteld wordt",
    "-------------------",
    "- Een update telt in de periode waarin hij gepubliceerd is. Een reactie telt in de periode waarin hij geschreven is.",
    "- Alleen gepubliceerde updates die niet verborgen zijn tellen mee, en alleen reacties die niet verwijderd of verborgen zijn.",
    "  Concepten en ingetrokken updates tellen nooit mee.",
    "- Actieve mensen: hoeveel verschillende mensen een update of een reactie schreven.",
    "  Wie bij twee gemeenten of opgaven actief was, telt bij allebei één keer.",
    "- Een gemeente: de updates over haar experimenten en de reacties daarop.",
    "- Een opgave: de updates met die opgave en de reacties daarop. Een update met twee opgaven telt bij allebei.",
    "- Een dag loopt van 0.00 tot 24.00 uur Nederlandse tijd. De eerste en de laatste dag van de periode tellen allebei mee.",
    "",
    "Er staan geen namen of e-mailadressen van mensen in deze bestanden, alleen aantallen.",
    "",
  ].join("\r\n");
}

/** The bundle's files in the order of the zip, README first. */
export function reportFiles(report: ProgrammeReport): { name: ReportFileName; text: string }[] {
  return [
    { name: "LEESMIJ.txt", text: readme(report) },
    { name: "municipalities.csv", text: municipalitiesCsv(report) },
    { name: "opgaven.csv", text: opgavenCsv(report) },
    { name: "most-discussed.csv", text: mostDiscussedCsv(report) },
    { name: "matrix.csv", text: matrixCsv(report) },
    { name: "lessons.csv", text: lessonsCsv(report) },
  ];
}

/** `koppelkans-rapportage-2025-12-02-tot-en-met-2026-12-01.zip`. */
export function reportArchiveName(report: Pick<ProgrammeReport, "period">): string {
  return `koppelkans-rapportage-${report.period.from}-tot-en-met-${report.period.to}.zip`;
}
