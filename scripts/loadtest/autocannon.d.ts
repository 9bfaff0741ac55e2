// The parts of autocannon (v8+) the load test uses; the package ships no types of its own.
declare module "autocannon" {
  import type { EventEmitter } from "node:events";

  export type RequestContext = Record<string, unknown>;

  export type RequestParams = {
    method?: "GET" | "POST";
    path?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
  };

  export type Request = RequestParams & {
    /** Any extra field rides along with the request (each connection works on its own copy). */
    [extra: string]: unknown;
    setupRequest?: (
      request: RequestParams & Record<string, unknown>,
      context: RequestContext,
    ) => (RequestParams & Record<string, unknown>) | null;
    onResponse?: (status: number, body: string, context: RequestContext, headers: Record<string, string | string[]>) => void;
  };

  export type Client = EventEmitter & {
    requestIterator: {
      initialContext: RequestContext;
      context: RequestContext;
      requests: Request[];
      currentRequestIndex: number;
      currentRequest: Request;
      resetContext(): void;
      rebuildRequest(): unknown;
    };
  };

  export type Options = {
    url: string;
    connections?: number;
    duration?: number;
    amount?: number;
    pipelining?: number;
    /** Seconds. */
    timeout?: number;
    headers?: Record<string, string>;
    requests?: Request[];
    setupClient?: (client: Client) => void;
  };

  export type Histogram = {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    total: number;
    p50: number;
    p90: number;
    p99: number;
  };

  export type Result = {
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    requests: Histogram;
    latency: Histogram;
    statusCodeStats: Record<string, { count: number }>;
  };

  export type Instance = EventEmitter &
    PromiseLike<Result> & {
      stop(): void;
      on(event: "response", listener: (client: Client, statusCode: number, bytes: number, responseTimeMs: number) => void): Instance;
      on(event: "reqError", listener: (error: Error) => void): Instance;
    };

  export default function autocannon(options: Options): Instance;
}
