import "server-only";
import { appUrl } from "@/lib/app-url";
import { toCsv } from "./csv";
import { searchUpdates, type UpdatesTableRow } from "./queries";
import type { UpdatesTableParams } from "./table-params";

/** The most rows one export holds; a bigger selection is cut off here (newest/best first, as sorted). */
export const EXPORT_MAX_ROWS = 10_000;
/** The largest page the table's query allows. */
const EXPORT_PAGE_SIZE = 100;

export const EXPORT_COLUMNS = [
  "Titel",
  "Experiment",
  "Gemeente",
  "Opgaven",
  "Thema's",
  "Auteur",
  "Gepubliceerd",
  "Reacties",
  "Link",
] as const;

/**
 * Every update that matches the table's filters, search and sort, not just
 * one page: it pages through searchUpdates (so the rows are exactly the
 * table's), up to EXPORT_MAX_ROWS. `truncated` says whether rows were left out.
 */
export async function collectUpdatesForExport(params: UpdatesTableParams, maxRows = EXPORT_MAX_ROWS) {
  const rows: UpdatesTableRow[] = [];
  let total = 0;
  for (let page = 1; rows.length < maxRows; page += 1) {
    const result = await searchUpdates({ ...params, page, perPage: EXPORT_PAGE_SIZE });
    total = result.total;
    rows.push(...result.rows);
    if (result.rows.length < EXPORT_PAGE_SIZE || page * EXPORT_PAGE_SIZE >= total) break;
  }
  return { rows: rows.slice(0, maxRows), total, truncated: total > maxRows };
}

/** A URL's query as the table page gets its searchParams: a key given twice becomes a list. */
export function searchParamsRecord(searchParams: URLSearchParams): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const key of new Set(searchParams.keys())) {
    const all = searchParams.getAll(key);
    values[key] = all.length === 1 ? all[0]! : all;
  }
  return values;
}

const amsterdamDate = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Amsterdam", year: "numeric", month: "2-digit", day: "2-digit" });

/** YYYY-MM-DD of a moment as the calendar in the Netherlands shows it. */
export function amsterdamIsoDate(date: Date): string {
  const parts = Object.fromEntries(amsterdamDate.formatToParts(date).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

type ExportRow = Pick<UpdatesTableRow, "id" | "title" | "experiment" | "opgaven" | "themes" | "author" | "publishedAt" | "commentCount">;

/** The CSV document of the rows: Dutch headers, `;`-separated, with BOM and CRLF. */
export function updatesCsv(rows: readonly ExportRow[]): string {
  return toCsv(
    EXPORT_COLUMNS,
    rows.map((row) => [
      row.title,
      row.experiment.title,
      row.experiment.municipality.name,
      row.opgaven.map((opgave) => opgave.name).join(", "),
      row.themes.map((theme) => theme.name).join(", "),
      row.author.name,
      amsterdamIsoDate(row.publishedAt),
      row.commentCount,
      appUrl(`/updates/${row.id}`),
    ]),
  );
}

/** `koppelkans-updates-2026-03-01.csv`, dated in the Netherlands. */
export function exportFilename(now = new Date()): string {
  return `koppelkans-updates-${amsterdamIsoDate(now)}.csv`;
}
