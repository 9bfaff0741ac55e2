/**
 * The portal's logs (pino): one JSON object per line on stdout for a log
 * collector, or `[koppelkans] …` lines for a person at a terminal. LOG_FORMAT
 * (`json` | `pretty`) chooses; by default a terminal gets pretty, anything
 * else (a container, a pipe) JSON. LOG_LEVEL (`info`) filters. Used by the
 * launcher, the HTTP server and code inside Next.js (scheduler, email), so it
 * imports nothing of the app; each module instance shares one logger through
 * globalThis.
 */
import { hostname } from "node:os";
import pino, { type DestinationStream, type Logger } from "pino";
import { formatPretty, type LogRecord } from "./pretty";

export type { Logger };
export type LogFormat = "json" | "pretty";
export type LogSettings = { format: LogFormat; level: string };

const LEVELS = ["trace", "debug", "info", "warn", "error", "fatal", "silent"];

export class LogSettingsError extends Error {}

/** LOG_FORMAT and LOG_LEVEL; throws on a value that is neither empty nor known. */
export function parseLogSettings(env: Readonly<Record<string, string | undefined>>, isTty = Boolean(process.stdout.isTTY)): LogSettings {
  const format = env.LOG_FORMAT?.trim().toLowerCase() || (isTty ? "pretty" : "json");
  if (format !== "json" && format !== "pretty") throw new LogSettingsError(`LOG_FORMAT=${env.LOG_FORMAT} is geen "json" of "pretty".`);
  // Vitest's workers (not the servers tests start) stay quiet unless LOG_LEVEL asks.
  const level = env.LOG_LEVEL?.trim().toLowerCase() || (env.VITEST ? "silent" : "info");
  if (!LEVELS.includes(level)) throw new LogSettingsError(`LOG_LEVEL=${env.LOG_LEVEL} is geen van ${LEVELS.join(", ")}.`);
  return { format, level };
}

function settingsOrDefault(): LogSettings {
  try {
    return parseLogSettings(process.env);
  } catch {
    // The entry points check the settings first and stop with one line; anyone else logs with the defaults.
    return parseLogSettings({ VITEST: process.env.VITEST });
  }
}

/** The worker number the cluster primary gave this process (lib/cluster/primary.ts), if it is one of several. */
function workerNumber(): number | undefined {
  const worker = Number(process.env.KOPPELKANS_WORKER);
  return Number.isInteger(worker) && worker > 0 ? worker : undefined;
}

/** A pino logger writing to `destination`: level names, ISO times, the host (which instance), pid and worker number. */
export function createLogger(settings: LogSettings, destination: DestinationStream): Logger {
  const worker = workerNumber();
  return pino(
    {
      level: settings.level,
      base: { pid: process.pid, hostname: hostname(), ...(worker ? { worker } : {}) },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: pino.stdSerializers.err },
    },
    destination,
  );
}

function destinationFor(fd: 1 | 2, format: LogFormat): DestinationStream {
  // Synchronous writes: the last lines before process.exit (a fatal error, a shutdown) are never lost.
  if (format === "json") return pino.destination({ dest: fd, sync: true });
  const stream = fd === 1 ? process.stdout : process.stderr;
  return { write: (line: string) => void stream.write(formatPretty(JSON.parse(line) as LogRecord)) };
}

type Loggers = { settings: LogSettings; out: Logger; err: Logger };
const GLOBAL_KEY = Symbol.for("koppelkans.loggers");

function loggers(): Loggers {
  const global = globalThis as { [GLOBAL_KEY]?: Loggers };
  if (!global[GLOBAL_KEY]) {
    const settings = settingsOrDefault();
    global[GLOBAL_KEY] = {
      settings,
      out: createLogger(settings, destinationFor(1, settings.format)),
      // A start-up failure always says why, even with LOG_LEVEL=silent.
      err: createLogger({ ...settings, level: settings.level === "silent" ? "fatal" : settings.level }, destinationFor(2, settings.format)),
    };
  }
  return global[GLOBAL_KEY];
}

/** The logger of one part of the portal (`launcher`, `server`, `scheduler`, `email`, …): its lines carry `component`. */
export function getLogger(component: string): Logger {
  return loggers().out.child({ component });
}

export function isPrettyLogging(): boolean {
  return loggers().settings.format === "pretty";
}

/** One line on stderr naming the problem (JSON or pretty, as configured): for settings and start-up failures. */
export function logStartFailure(component: string, message: string): void {
  loggers().err.child({ component }).fatal(message);
}

/** logStartFailure, then exit 1. */
export function exitWithError(component: string, message: string): never {
  logStartFailure(component, message);
  process.exit(1);
}
