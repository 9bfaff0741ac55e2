/**
 * Whether this instance can serve (GET /api/ready, for a load balancer): the
 * database answers, its schema has every migration this code brings, and the
 * upload store can be used. Answers words only, never a reason a probe
 * could leak (addresses, paths, driver messages); reasons go to the log when
 * a check changes state.
 */
import path from "node:path";
import { getLogger } from "@/lib/log/logger";
import { compareMigrations, readMigrationFiles, type Migration, type MigrationState } from "@/lib/postgres/migration-files";
import { isShuttingDown } from "@/lib/shutdown";
import type { UploadStorage } from "@/lib/uploads/storage";

export type Readiness = {
  status: "ready" | "unavailable";
  checks: {
    database: "ok" | "unreachable";
    migrations: MigrationState | "unknown";
    storage: "ok" | "unreachable";
  };
  /** Set once SIGTERM arrived: the instance finishes what it has and takes nothing new. */
  stopping?: true;
};

export type ReadinessDeps = {
  /** The applied migrations (name → checksum); throws when the database does not answer. */
  appliedMigrations: () => Promise<Map<string, string>>;
  /** The migrations this code brings. */
  migrationsOnDisk: () => Promise<Migration[]>;
  storage: () => UploadStorage;
  timeoutMs?: number;
};

/** A probe must answer within its load balancer's timeout (typically 1–5 s), so each check gets at most this long. */
export const CHECK_TIMEOUT_MS = 2_000;

function withTimeout<T>(work: () => Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`geen antwoord binnen ${ms} ms`)), ms);
  });
  return Promise.race([work(), timeout]).finally(() => clearTimeout(timer));
}

// Per instance, only to log a check's reason once when it changes, not on every probe.
const lastProblems = new Map<string, string | null>();

function note(check: string, problem: string | null) {
  if (lastProblems.get(check) === problem) return;
  lastProblems.set(check, problem);
  const log = getLogger("ready");
  if (problem) log.warn({ check }, `Niet gereed: ${check}: ${problem}`);
  else log.info({ check }, `Weer gereed: ${check}`);
}

export async function checkReadiness(deps: ReadinessDeps): Promise<Readiness> {
  const ms = deps.timeoutMs ?? CHECK_TIMEOUT_MS;
  const [applied, onDisk, storage] = await Promise.allSettled([
    withTimeout(deps.appliedMigrations, ms),
    deps.migrationsOnDisk(),
    withTimeout(() => deps.storage().check(), ms),
  ]);

  note("database", applied.status === "rejected" ? String((applied.reason as Error)?.message ?? applied.reason) : null);
  let migrations: Readiness["checks"]["migrations"] = "unknown";
  if (applied.status === "fulfilled" && onDisk.status === "fulfilled" && onDisk.value.length > 0) {
    migrations = compareMigrations(applied.value, onDisk.value);
  }
  if (onDisk.status === "rejected" || (onDisk.status === "fulfilled" && onDisk.value.length === 0)) {
    note("migrations", "de migratiebestanden (prisma/migrations) zijn niet te lezen");
  } else if (applied.status === "fulfilled") {
    note("migrations", migrations === "pending" || migrations === "changed" ? `schema ${migrations}` : null);
  }
  note("storage", storage.status === "rejected" ? String((storage.reason as Error)?.message ?? storage.reason) : null);

  const checks: Readiness["checks"] = {
    database: applied.status === "fulfilled" ? "ok" : "unreachable",
    migrations,
    storage: storage.status === "fulfilled" ? "ok" : "unreachable",
  };
  const stopping = isShuttingDown();
  // "ahead" is ready: while a newer version rolls out, the older instances keep serving.
  const ready = !stopping && checks.database === "ok" && (migrations === "current" || migrations === "ahead") && checks.storage === "ok";
  return { status: ready ? "ready" : "unavailable", checks, ...(stopping ? { stopping: true as const } : {}) };
}

/**
 * The migrations folder as the server sees it: the app's folder is its
 * working directory (the launcher and the documented process contract start
 * it there). Read once per process; the files do not change while it runs.
 */
let onDiskOnce: Promise<Migration[]> | undefined;
export function serverMigrationsOnDisk(): Promise<Migration[]> {
  onDiskOnce ??= readMigrationFiles(path.join(process.cwd(), "prisma", "migrations")).catch((error: unknown) => {
    onDiskOnce = undefined;
    throw error;
  });
  return onDiskOnce;
}
