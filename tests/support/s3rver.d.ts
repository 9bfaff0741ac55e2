// The s3rver package ships no types; this is the part the tests use.
declare module "s3rver" {
  import type { IncomingMessage, Server, ServerResponse } from "node:http";
  import type { AddressInfo } from "node:net";

  type S3rverOptions = {
    address?: string;
    port?: number;
    silent?: boolean;
    directory: string;
    resetOnClose?: boolean;
    allowMismatchedSignatures?: boolean;
    vhostBuckets?: boolean;
    configureBuckets?: { name: string; configs?: (string | Buffer)[] }[];
  };

  export default class S3rver {
    constructor(options: S3rverOptions);
    httpServer?: Server;
    run(): Promise<AddressInfo>;
    close(): Promise<void>;
    callback(): (request: IncomingMessage, response: ServerResponse) => void;
    reset(): void;
  }
}
