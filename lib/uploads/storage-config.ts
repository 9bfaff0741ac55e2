/**
 * Where uploads are stored, from the environment: UPLOAD_STORAGE=local|s3 and,
 * for s3, S3_ENDPOINT, S3_REGION, S3_BUCKET, S3_ACCESS_KEY_ID,
 * S3_SECRET_ACCESS_KEY, S3_FORCE_PATH_STYLE and S3_PREFIX. No `server-only`
 * import: scripts/server.ts checks it before it starts, so a mistake is one
 * line at start instead of a failing upload later.
 */
import { z } from "zod";

export type S3Config = {
  /** null: AWS's own endpoint for `region`. */
  endpoint: string | null;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** `endpoint/bucket/key` instead of `bucket.endpoint/key` (MinIO, Ceph and most self-hosted stores need this). */
  forcePathStyle: boolean;
  /** Put before every key, "" or ending in "/", so one bucket can hold several portals. */
  prefix: string;
};

export type UploadStorageConfig = { kind: "local" } | { kind: "s3"; s3: S3Config };

export const DEFAULT_S3_REGION = "us-east-1";

/** An unset variable and an empty one mean the same. */
const optional = z
  .string()
  .trim()
  .optional()
  .transform((value) => value || undefined);

function endpointProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `S3_ENDPOINT=${value} is geen geldig adres (verwacht bijvoorbeeld https://s3.gemeente.nl of http://minio:9000).`;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return `S3_ENDPOINT=${value} moet met https:// of http:// beginnen.`;
  if (url.username || url.password)
    return "S3_ENDPOINT mag geen gebruikersnaam of wachtwoord bevatten: gebruik S3_ACCESS_KEY_ID en S3_SECRET_ACCESS_KEY.";
  if (url.search || url.hash || (url.pathname !== "/" && url.pathname !== "")) {
    return `S3_ENDPOINT=${value} moet alleen het adres van de server zijn, zonder pad, ? of # (de bucket staat in S3_BUCKET).`;
  }
  return null;
}

const BUCKET_PATTERN = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const REGION_PATTERN = /^[a-z0-9-]{1,40}$/;
const PREFIX_PATTERN = /^[A-Za-z0-9_-]+(?:\/[A-Za-z0-9_-]+){0,4}$/;

const s3Schema = z
  .object({
    S3_ENDPOINT: optional,
    S3_REGION: optional.pipe(
      z.string().regex(REGION_PATTERN, { error: "S3_REGION moet een regionaam zijn zoals us-east-1 of nl-ams." }).optional(),
    ),
    S3_BUCKET: optional,
    S3_ACCESS_KEY_ID: optional,
    S3_SECRET_ACCESS_KEY: optional,
    S3_FORCE_PATH_STYLE: optional.pipe(
      z.enum(["true", "false", "1", "0"], { error: "S3_FORCE_PATH_STYLE moet true of false zijn." }).optional(),
    ),
    S3_PREFIX: optional,
  })
  .superRefine((env, context) => {
    const problem = (message: string) => context.addIssue({ code: "custom", message });
    if (env.S3_ENDPOINT) {
      const issue = endpointProblem(env.S3_ENDPOINT);
      if (issue) problem(issue);
    }
    if (!env.S3_BUCKET) problem("S3_BUCKET ontbreekt: geef de naam van de bucket voor de afbeeldingen.");
    else if (!BUCKET_PATTERN.test(env.S3_BUCKET)) {
      problem(`S3_BUCKET=${env.S3_BUCKET} is geen geldige bucketnaam (3 tot 63 kleine letters, cijfers, punten of streepjes).`);
    }
    if (!env.S3_ACCESS_KEY_ID) problem("S3_ACCESS_KEY_ID ontbreekt: de toegangssleutel voor de bucket.");
    if (!env.S3_SECRET_ACCESS_KEY) problem("S3_SECRET_ACCESS_KEY ontbreekt: het geheim bij S3_ACCESS_KEY_ID.");
    const prefix = env.S3_PREFIX?.replace(/^\/+|\/+$/g, "");
    if (env.S3_PREFIX && !(prefix && PREFIX_PATTERN.test(prefix))) {
      problem(`S3_PREFIX=${env.S3_PREFIX} mag alleen letters, cijfers, - en _ bevatten, in hoogstens vijf delen met / ertussen.`);
    }
  });

/** The S3 settings in `env`; throws an Error whose message is one line naming the first problem. */
export function readS3Config(env: Readonly<Record<string, string | undefined>>): S3Config {
  const parsed = s3Schema.safeParse({
    S3_ENDPOINT: env.S3_ENDPOINT,
    S3_REGION: env.S3_REGION,
    S3_BUCKET: env.S3_BUCKET,
    S3_ACCESS_KEY_ID: env.S3_ACCESS_KEY_ID,
    S3_SECRET_ACCESS_KEY: env.S3_SECRET_ACCESS_KEY,
    S3_FORCE_PATH_STYLE: env.S3_FORCE_PATH_STYLE,
    S3_PREFIX: env.S3_PREFIX,
  });
  if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? "De S3-instellingen kloppen niet.");
  const data = parsed.data;
  const endpoint = data.S3_ENDPOINT ? data.S3_ENDPOINT.replace(/\/+$/, "") : null;
  const prefix = data.S3_PREFIX?.replace(/^\/+|\/+$/g, "");
  return {
    endpoint,
    region: data.S3_REGION ?? DEFAULT_S3_REGION,
    bucket: data.S3_BUCKET!,
    accessKeyId: data.S3_ACCESS_KEY_ID!,
    secretAccessKey: data.S3_SECRET_ACCESS_KEY!,
    // A self-hosted endpoint rarely has a DNS name per bucket; AWS itself prefers virtual-hosted names.
    forcePathStyle: data.S3_FORCE_PATH_STYLE ? data.S3_FORCE_PATH_STYLE === "true" || data.S3_FORCE_PATH_STYLE === "1" : endpoint !== null,
    prefix: prefix ? `${prefix}/` : "",
  };
}

/** UPLOAD_STORAGE and, for s3, its settings; throws an Error whose message is one line naming the problem. */
export function readUploadStorageConfig(env: Readonly<Record<string, string | undefined>>): UploadStorageConfig {
  const kind = (env.UPLOAD_STORAGE ?? "").trim().toLowerCase() || "local";
  if (kind === "local") return { kind: "local" };
  if (kind !== "s3") throw new Error(`UPLOAD_STORAGE=${env.UPLOAD_STORAGE?.trim()} wordt niet ondersteund: kies local of s3.`);
  try {
    return { kind: "s3", s3: readS3Config(env) };
  } catch (error) {
    throw new Error(`UPLOAD_STORAGE=s3: ${(error as Error).message}`);
  }
}
