/**
 * Load shedding for one server process: at most `maxInFlight` requests are
 * accepted at once (being worked on or waiting at the concurrency gate); the
 * next one is answered 503 straight away, so a busy portal stays fast for
 * the requests it accepts instead of letting every answer grow slow. This
 * file imports nothing: the server loads it outside Next.js.
 */

/** Requests one server process accepts at once (MAX_IN_FLIGHT); 0 turns shedding off. */
export const DEFAULT_MAX_IN_FLIGHT = 64;

/** The Retry-After of a shed request, in seconds. */
export const SHED_RETRY_AFTER_SECONDS = 2;

export type Leave = () => void;

export class LoadShedder {
  private active = 0;

  constructor(readonly maxInFlight: number) {}

  get inFlight(): number {
    return this.active;
  }

  /** A function to call once when the request is done, or null when it must be shed. */
  enter(): Leave | null {
    if (this.maxInFlight > 0 && this.active >= this.maxInFlight) return null;
    this.active += 1;
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this.active -= 1;
    };
  }
}

/**
 * Paths that are never shed and not counted: liveness and readiness must
 * answer under load (a shed probe would get a busy instance restarted or
 * pulled, which only moves the load), and static files are cheap.
 */
export function isNeverShed(pathname: string): boolean {
  return pathname === "/api/health" || pathname === "/api/ready" || pathname.startsWith("/_next/static/");
}

/** MAX_IN_FLIGHT: a whole number ≥ 0 (0 = off), or the default; throws on anything else. */
export function maxInFlightFromEnv(env: Readonly<Record<string, string | undefined>>): number {
  const raw = env.MAX_IN_FLIGHT?.trim();
  if (!raw) return DEFAULT_MAX_IN_FLIGHT;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value)) {
    throw new Error(`MAX_IN_FLIGHT=${raw} is geen geheel getal van 0 of meer (0 zet het weigeren bij drukte uit).`);
  }
  return value;
}
