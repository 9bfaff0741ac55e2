import "server-only";
import { strToU8 } from "fflate";
import { toStream, zipChunks } from "@/lib/privacy/archive";
import { reportFiles } from "./report-csv";
import type { ProgrammeReport } from "./report-queries";

/**
 * The report's CSV bundle as a zip stream, made the way the AVG export makes
 * its zip (lib/privacy/archive.ts): the files are small text, built in memory
 * from the report already read, and compressed as the download asks for them.
 */
export function createReportArchive(report: ProgrammeReport): ReadableStream<Uint8Array> {
  async function* entries() {
    for (const file of reportFiles(report)) yield { name: file.name, data: strToU8(file.text), compress: true };
  }
  return toStream(zipChunks(entries(), report.generatedAt));
}
