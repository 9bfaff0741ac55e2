/**
 * The terminal form of a log line (LOG_FORMAT=pretty): what `npm start`
 * printed before there were JSON logs, `[koppelkans] <message>`, and one
 * short line per request. Pure, so the JSON and the terminal form are tested
 * from the same record.
 */

export type LogRecord = {
  level?: string;
  msg?: string;
  component?: string;
  method?: string;
  path?: string;
  status?: number;
  ms?: number;
  userId?: string;
  err?: { message?: string };
  [key: string]: unknown;
};

/** Components whose lines read as the portal's own, as before. */
const PLAIN = new Set(["launcher", "server"]);

export function formatPretty(record: LogRecord): string {
  const name = typeof record.worker === "number" ? `koppelkans w${record.worker}` : "koppelkans";
  const prefix = record.component && !PLAIN.has(record.component) ? `[${name} ${record.component}]` : `[${name}]`;
  if (record.msg === "request" && record.path !== undefined) {
    const user = record.userId ? ` · ${record.userId}` : "";
    return `${prefix} ${record.method} ${record.path} ${record.status} · ${record.ms} ms${user}\n`;
  }
  const reason = record.err?.message ? `: ${record.err.message}` : "";
  return `${prefix} ${record.msg ?? ""}${reason}\n`;
}
