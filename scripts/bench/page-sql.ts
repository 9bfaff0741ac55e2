/**
 * A page's own SQL, as the running server sends it: the bench starts the
 * server with SQL_CAPTURE_FILE (lib/db.ts then writes every statement there
 * while the file exists), creates the file, requests the page once, reads what
 * came and removes the file again (so timed requests write nothing). Only
 * reads are kept for the bare replay; a page view that writes is reported.
 */
import { readFile, rm, writeFile } from "node:fs/promises";
import type { BenchClient } from "./http";
import type { PgQuery } from "./table-sql";

export type PageSql = { queries: PgQuery[]; statements: number; skipped: string[] };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const READ = /^\s*(SELECT|WITH)\b/i;

/** Statement lines in the capture file (one JSON object each: Prisma's query event). */
export function parseCapture(text: string): { text: string; values: unknown[] }[] {
  return text
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => {
      const event = JSON.parse(line) as { text: string; params: string };
      const values = event.params ? (JSON.parse(event.params) as unknown[]) : [];
      return { text: event.text, values };
    });
}

/** Splits captured statements into the reads to replay and a short name for everything else (transaction control, writes). */
export function readsOf(statements: PgQuery[]): { queries: PgQuery[]; skipped: string[] } {
  const queries: PgQuery[] = [];
  const skipped: string[] = [];
  for (const statement of statements) {
    if (READ.test(statement.text)) queries.push(statement);
    else skipped.push(statement.text.trim().split(/\s+/).slice(0, 3).join(" "));
  }
  return { queries, skipped };
}

/** Stops capturing (the server writes only while the file exists). */
export async function stopCapture(file: string): Promise<void> {
  await rm(file, { force: true });
}

/** The SQL behind one request of `path`; the server must have been started with SQL_CAPTURE_FILE=file. */
export async function capturePageSql(file: string, web: BenchClient, path: string): Promise<PageSql> {
  await writeFile(file, "");
  const response = await web.get(path);
  if (response.status !== 200) throw new Error(`${path}: status ${response.status} bij het vastleggen van de SQL.`);
  // Parts of a page may still finish their queries just after the body ended (streamed parts, after()).
  let previous = -1;
  let text = "";
  for (let i = 0; i < 20; i++) {
    await sleep(50);
    text = await readFile(file, "utf8");
    if (text.length === previous) break;
    previous = text.length;
  }
  await stopCapture(file);
  const statements = parseCapture(text);
  if (!statements.length) throw new Error(`${path}: geen SQL vastgelegd (draait de server met SQL_CAPTURE_FILE?).`);
  const { queries, skipped } = readsOf(statements);
  return { queries, statements: statements.length, skipped };
}
