import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readS3Config, readUploadStorageConfig } from "@/lib/uploads/storage-config";

const ROOT = path.resolve(import.meta.dirname, "..");

const s3 = {
  UPLOAD_STORAGE: "s3",
  S3_ENDPOINT: "http://minio.intern:9000",
  S3_BUCKET: "koppelkans-beelden",
  S3_ACCESS_KEY_ID: "sleutel",
  S3_SECRET_ACCESS_KEY: "wachtwoord-van-de-bucket-42",
};

describe("UPLOAD_STORAGE and the S3_* variables", () => {
  it("defaults to the local disk", () => {
    expect(readUploadStorageConfig({})).toEqual({ kind: "local" });
    expect(readUploadStorageConfig({ UPLOAD_STORAGE: " " })).toEqual({ kind: "local" });
    expect(readUploadStorageConfig({ UPLOAD_STORAGE: "LOCAL", S3_BUCKET: "x" })).toEqual({ kind: "local" });
  });

  it("reads an S3 configuration with its defaults", () => {
    expect(readUploadStorageConfig(s3)).toEqual({
      kind: "s3",
      s3: {
        endpoint: "http://minio.intern:9000",
        region: "us-east-1",
        bucket: "koppelkans-beelden",
        accessKeyId: "sleutel",
        secretAccessKey: "wachtwoord-van-de-bucket-42",
        forcePathStyle: true,
        prefix: "",
      },
    });
  });

  it("uses AWS's own endpoint with virtual-hosted names when S3_ENDPOINT is unset", () => {
    const config = readS3Config({ ...s3, S3_ENDPOINT: "", S3_REGION: "eu-central-1" });
    expect(config).toMatchObject({ endpoint: null, region: "eu-central-1", forcePathStyle: false });
  });

  it("follows S3_FORCE_PATH_STYLE and trims S3_PREFIX and a trailing slash of S3_ENDPOINT", () => {
    expect(readS3Config({ ...s3, S3_FORCE_PATH_STYLE: "false" }).forcePathStyle).toBe(false);
    expect(readS3Config({ ...s3, S3_ENDPOINT: "", S3_FORCE_PATH_STYLE: "1" }).forcePathStyle).toBe(true);
    expect(readS3Config({ ...s3, S3_PREFIX: "/gemeente-a/beelden/" }).prefix).toBe("gemeente-a/beelden/");
    expect(readS3Config({ ...s3, S3_ENDPOINT: "https://s3.gemeente.nl/" }).endpoint).toBe("https://s3.gemeente.nl");
  });

  it.each([
    [{ UPLOAD_STORAGE: "ftp" }, "UPLOAD_STORAGE=ftp wordt niet ondersteund: kies local of s3."],
    [{ ...s3, S3_BUCKET: "" }, "UPLOAD_STORAGE=s3: S3_BUCKET ontbreekt: geef de naam van de bucket voor de afbeeldingen."],
    [{ ...s3, S3_ACCESS_KEY_ID: undefined }, "UPLOAD_STORAGE=s3: S3_ACCESS_KEY_ID ontbreekt: de toegangssleutel voor de bucket."],
    [{ ...s3, S3_SECRET_ACCESS_KEY: " " }, "UPLOAD_STORAGE=s3: S3_SECRET_ACCESS_KEY ontbreekt: het geheim bij S3_ACCESS_KEY_ID."],
    [{ ...s3, S3_ENDPOINT: "minio:9000" }, /S3_ENDPOINT=minio:9000 (is geen geldig adres|moet met https:\/\/ of http:\/\/ beginnen)/],
    [{ ...s3, S3_ENDPOINT: "ftp://minio" }, "UPLOAD_STORAGE=s3: S3_ENDPOINT=ftp://minio moet met https:// of http:// beginnen."],
    [{ ...s3, S3_ENDPOINT: "https://s3.gemeente.nl/koppelkans-beelden" }, /S3_ENDPOINT=.* moet alleen het adres van de server zijn/],
    [{ ...s3, S3_ENDPOINT: "https://id:secret@s3.gemeente.nl" }, /S3_ENDPOINT mag geen gebruikersnaam of wachtwoord bevatten/],
    [{ ...s3, S3_BUCKET: "Koppelkans_Beelden" }, /S3_BUCKET=Koppelkans_Beelden is geen geldige bucketnaam/],
    [{ ...s3, S3_REGION: "eu west" }, /S3_REGION moet een regionaam zijn/],
    [{ ...s3, S3_FORCE_PATH_STYLE: "ja" }, "UPLOAD_STORAGE=s3: S3_FORCE_PATH_STYLE moet true of false zijn."],
    [{ ...s3, S3_PREFIX: "../andere" }, /S3_PREFIX=\.\.\/andere mag alleen/],
  ] as const)("refuses %j with one line naming the variable", (env, message) => {
    let thrown: Error | null = null;
    try {
      readUploadStorageConfig(env);
    } catch (error) {
      thrown = error as Error;
    }
    expect(thrown).not.toBeNull();
    if (typeof message === "string") expect(thrown!.message).toBe(message);
    else expect(thrown!.message).toMatch(message);
    expect(thrown!.message).not.toContain("\n");
    expect(thrown!.message).not.toContain(s3.S3_SECRET_ACCESS_KEY);
  });

  it("makes the server refuse to start with one line instead of failing uploads later", () => {
    const env: NodeJS.ProcessEnv = { ...process.env, ...s3, S3_BUCKET: "", PORT: "0", NODE_ENV: "production", LOG_FORMAT: "json" };
    delete env.DATABASE_URL;
    const result = spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/server.ts")], {
      cwd: ROOT,
      env,
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      level: "fatal",
      msg: "UPLOAD_STORAGE=s3: S3_BUCKET ontbreekt: geef de naam van de bucket voor de afbeeldingen.",
    });
  });
});
