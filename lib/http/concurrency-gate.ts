/**
 * At most `maxConcurrent` holders at once; others wait in a bounded FIFO
 * queue for at most `maxWaitMs`. Keeps a surge (e.g. right after a restart)
 * from opening more database transactions than the pool can serve.
 */
export type Release = () => void;

export type GateOptions = { maxConcurrent: number; maxQueued: number; maxWaitMs: number };

type Waiter = { grant: (release: Release | null) => void; timer: NodeJS.Timeout };

export class ConcurrencyGate {
  private active = 0;
  private readonly queue: Waiter[] = [];

  constructor(private readonly options: GateOptions) {}

  get inFlight(): number {
    return this.active;
  }

  get waiting(): number {
    return this.queue.length;
  }

  /**
   * A release function once a place is free, or null when the queue is full,
   * the wait took too long or `signal` aborted (the client went away).
   */
  acquire(signal?: AbortSignal): Promise<Release | null> {
    if (signal?.aborted) return Promise.resolve(null);
    if (this.active < this.options.maxConcurrent) {
      this.active += 1;
      return Promise.resolve(this.releaser());
    }
    if (this.queue.length >= this.options.maxQueued) return Promise.resolve(null);
    return new Promise((resolve) => {
      const leave = () => {
        const index = this.queue.indexOf(waiter);
        if (index >= 0) this.queue.splice(index, 1);
        clearTimeout(waiter.timer);
        signal?.removeEventListener("abort", leave);
        resolve(null);
      };
      const waiter: Waiter = {
        grant: (release) => {
          clearTimeout(waiter.timer);
          signal?.removeEventListener("abort", leave);
          resolve(release);
        },
        timer: setTimeout(leave, this.options.maxWaitMs),
      };
      signal?.addEventListener("abort", leave, { once: true });
      this.queue.push(waiter);
    });
  }

  /** Hands the place straight to the longest waiter, so `active` never drops below a waiting queue. */
  private releaser(): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.queue.shift();
      if (next) next.grant(this.releaser());
      else this.active -= 1;
    };
  }
}
