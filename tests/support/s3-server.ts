import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import type { S3Config } from "@/lib/uploads/storage-config";

/** s3rver's fixed key pair (it does not check SigV4 signatures, but it wants a known key id). */
export const S3RVER_KEYS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } as const;

const ACCESS_DENIED = `<?xml version="1.0" encoding="UTF-8"?>
<Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>koppelkans-test</RequestId></Error>`;

async function listen(server: Server): Promise<number> {
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return (server.address() as AddressInfo).port;
}

async function stop(server: Server): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeAllConnections();
  await closed;
}

/**
 * A real S3-compatible server (the s3rver package) on a free loopback port,
 * its data in a temporary folder, with `bucket` created. `readOnlyUrl` is a
 * second address in front of the same data that answers every write with
 * 403 AccessDenied, as a bucket with a read-only policy does.
 */
export async function startS3Server({ bucket = "koppelkans-beelden" }: { bucket?: string } = {}) {
  const directory = await mkdtemp(path.join(tmpdir(), "kk-s3rver-"));
  const s3rver = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  const { port } = await s3rver.run();
  const handle = s3rver.callback();
  const readOnly = createServer((request, response) => {
    if (request.method === "PUT" || request.method === "POST") {
      request.resume();
      response.writeHead(403, { "Content-Type": "application/xml" }).end(ACCESS_DENIED);
    } else handle(request, response);
  });
  const readOnlyPort = await listen(readOnly);
  const url = `http://127.0.0.1:${port}`;
  const readOnlyUrl = `http://127.0.0.1:${readOnlyPort}`;

  /** S3 settings for this server (path style, s3rver's keys); `overrides` for the odd one out. */
  const config = (overrides: Partial<S3Config> = {}): S3Config => ({
    endpoint: url,
    region: "us-east-1",
    bucket,
    forcePathStyle: true,
    prefix: "",
    ...S3RVER_KEYS,
    ...overrides,
  });

  /** The same as environment variables, for getUploadStorage() and the command. */
  const env = (overrides: Record<string, string> = {}): Record<string, string> => ({
    UPLOAD_STORAGE: "s3",
    S3_ENDPOINT: url,
    S3_BUCKET: bucket,
    S3_ACCESS_KEY_ID: S3RVER_KEYS.accessKeyId,
    S3_SECRET_ACCESS_KEY: S3RVER_KEYS.secretAccessKey,
    ...overrides,
  });

  return {
    url,
    readOnlyUrl,
    bucket,
    directory,
    config,
    env,
    async close() {
      await stop(readOnly);
      if (s3rver.httpServer) await stop(s3rver.httpServer);
      await rm(directory, { recursive: true, force: true });
    },
  };
}

export type S3TestServer = Awaited<ReturnType<typeof startS3Server>>;

/** A loopback port with nothing listening: an endpoint that cannot be reached at all. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  const port = await listen(server);
  await stop(server);
  return port;
}
