/**
 * The numbers of the project's HTTP server (scripts/server.ts, lib/http/guard.ts)
 * in one place. This file imports nothing: the server loads it outside Next.js.
 */

/** The largest image file /api/uploads accepts (MAX_UPLOAD_BYTES in lib/uploads/process.ts; a test keeps them equal). */
export const UPLOAD_FILE_BYTES = 5 * 1024 * 1024;
/** Room for the multipart boundaries and part headers around the file (MULTIPART_OVERHEAD_BYTES in lib/uploads/http.ts). */
export const UPLOAD_OVERHEAD_BYTES = 64 * 1024;

/** Request body limits, in bytes, by kind of request. */
export const BODY_LIMITS = {
  /** POST /api/uploads: one image plus its multipart framing. */
  upload: UPLOAD_FILE_BYTES + UPLOAD_OVERHEAD_BYTES,
  /** Server actions: Next.js's own default `serverActions.bodySizeLimit` (1 MB). */
  serverAction: 1024 * 1024,
  /** Everything else: sign-in forms, unsubscribe posts, JSON calls. */
  other: 64 * 1024,
} as const;

/** The concurrency gate in front of Next.js. */
export const GATE = {
  /** Requests handed to Next.js at once (MAX_CONCURRENT_REQUESTS). */
  maxConcurrent: 64,
  /** Requests that may wait for a place; the next one gets 503. */
  maxQueued: 256,
  /** How long a request may wait for a place before it gets 503. */
  maxWaitMs: 10_000,
  /** The Retry-After of a 503, in seconds. */
  retryAfterSeconds: 2,
} as const;

/** On SIGTERM, how long in-flight requests may take before their connections are closed. */
export const SHUTDOWN_GRACE_MS = 10_000;

/** After that, how long each shutdown step (the scheduler's running tick, closing the database pool) may take. */
export const SHUTDOWN_STEP_MS = 10_000;
