/**
 * A tiny CSV writer for spreadsheet programs set to Dutch: `;` between
 * fields (Dutch Excel uses the comma for decimals), CRLF line ends and a
 * UTF-8 byte order mark so Excel reads "ë" and "—" right.
 */

export const CSV_BOM = "\uFEFF";
export const CSV_SEPARATOR = ";";
export const CSV_LINE_END = "\r\n";

export type CsvValue = string | number | null | undefined;

/**
 * A text cell that a spreadsheet would read as a formula (=, +, -, @, or a
 * tab or carriage return first) gets a leading single quote, so a title like
 * `=HYPERLINK(…)` stays text (CSV formula injection, OWASP).
 */
export function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One cell: numbers as they are; text neutralized, and quoted (quotes doubled) when it holds `;`, `"` or a line break. */
export function csvCell(value: CsvValue, separator = CSV_SEPARATOR): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = neutralizeFormula(value);
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(values: readonly CsvValue[], separator = CSV_SEPARATOR): string {
  return values.map((value) => csvCell(value, separator)).join(separator);
}

/** A whole document: BOM, a header line, the rows, each line ending in CRLF. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvValue[]>, separator = CSV_SEPARATOR): string {
  const lines = [csvLine(header, separator)];
  for (const row of rows) lines.push(csvLine(row, separator));
  return CSV_BOM + lines.map((line) => line + CSV_LINE_END).join("");
}
