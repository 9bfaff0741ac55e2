/**
 * What the HTTP server closes on SIGTERM after the last request finished:
 * the scheduler (its running tick ends first), then the database pool. The
 * server (run by tsx) and the app (bundled by Next.js) are two copies of this
 * module in one process, so the registry lives on globalThis.
 */

type Hook = { name: string; order: number; close: () => Promise<unknown> };
type Registry = { hooks: Hook[]; stopping: boolean };

/** Work that still needs the pool stops before the pool closes. */
export const SHUTDOWN_ORDER = { work: 10, pool: 90 } as const;

const GLOBAL_KEY = Symbol.for("koppelkans.shutdown");

function registry(): Registry {
  const global = globalThis as { [GLOBAL_KEY]?: Registry };
  global[GLOBAL_KEY] ??= { hooks: [], stopping: false };
  return global[GLOBAL_KEY];
}

/** Registers `close` to run once at shutdown; a later registration under the same name replaces it. */
export function onShutdown(name: string, order: number, close: () => Promise<unknown>): void {
  const { hooks } = registry();
  const index = hooks.findIndex((hook) => hook.name === name);
  if (index >= 0) hooks.splice(index, 1);
  hooks.push({ name, order, close });
}

/** Whether SIGTERM has arrived: /api/ready answers 503 from then on, so a load balancer stops sending. */
export function isShuttingDown(): boolean {
  return registry().stopping;
}

export function markShuttingDown(): void {
  registry().stopping = true;
}

/** Runs the hooks in order, each for at most `timeoutMs`; answers the names of those that failed or ran out of time. */
export async function runShutdownHooks({ timeoutMs }: { timeoutMs: number }): Promise<{ name: string; error: string }[]> {
  const failed: { name: string; error: string }[] = [];
  const hooks = [...registry().hooks].sort((a, b) => a.order - b.order);
  registry().hooks = [];
  for (const hook of hooks) {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`duurde langer dan ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([hook.close(), timeout]);
    } catch (error) {
      failed.push({ name: hook.name, error: (error as Error).message });
    } finally {
      clearTimeout(timer);
    }
  }
  return failed;
}
