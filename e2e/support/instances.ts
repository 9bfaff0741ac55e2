import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { hashPassword } from "../../lib/accounts/password";
import { findFreePort, withDatabase } from "../../lib/postgres/embedded";
import { migrate } from "../../lib/postgres/migrate";
import { startS3Server } from "../../tests/support/s3-server";
import { databaseUrl } from "./database";
import { sleep } from "./launcher";

/**
 * Production servers (scripts/server.ts on the build the Playwright web
 * server made) sharing one PostgreSQL database, as behind a load balancer.
 */
const root = path.resolve(import.meta.dirname, "..", "..");

export type LogLine = Record<string, unknown> & { level?: string; component?: string; msg?: string };

export type Instance = {
  name: string;
  url: string;
  child: ChildProcess;
  lines: () => LogLine[];
  output: () => string;
  exited: Promise<number | null>;
};

/** A fresh database on the cluster this run's web server started, migrated; dropped by `drop`. */
export async function createSharedDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const serverUrl = databaseUrl();
  const name = `kk_instances_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = withDatabase(serverUrl, name);
  await migrate(url);
  return {
    url,
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => client.end());
    },
  };
}

/**
 * Where the instances keep uploaded images: one S3 bucket both reach (a real
 * s3rver on loopback), as a platform would run them; DATA_DIR is a scratch
 * folder, so no image can reach the other instance through the disk.
 */
export async function sharedUploadStorage(): Promise<{ env: Record<string, string>; stop: () => Promise<void> }> {
  const [s3, folder] = await Promise.all([startS3Server(), mkdtemp(path.join(tmpdir(), "koppelkans-instances-"))]);
  return {
    env: { ...s3.env(), DATA_DIR: folder },
    stop: async () => {
      await s3.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

export type Person = { id: string; email: string; name: string };
export type InstancesWorld = { password: string; coordinator: Person; member: Person; leader: Person; limited: Person };

/** Four people of their own (no demo data): a coordinator, a member, a project leader and one to run into the sign-in limit. */
export async function seedInstancesWorld(url: string): Promise<InstancesWorld> {
  const tag = randomBytes(4).toString("hex");
  const password = `Twee-instanties-${tag}`;
  const passwordHash = await hashPassword(password);
  const person = (label: string): Person => ({
    id: `e2e${randomBytes(10).toString("hex")}`,
    email: `e2e-instances-${label}-${tag}@example.nl`,
    name: `${label[0]!.toUpperCase()}${label.slice(1)} ${tag} (e2e)`,
  });
  const world = {
    password,
    coordinator: person("coordinator"),
    member: person("member"),
    leader: person("leader"),
    limited: person("limited"),
  };
  const municipalityId = `e2e${randomBytes(10).toString("hex")}`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`INSERT INTO "Municipality" (id, name, slug, "cbsCode", "updatedAt") VALUES ($1, $2, $3, $4, now())`, [
      municipalityId,
      `Tweestad ${tag}`,
      `tweestad-${tag}`,
      `GM${tag}`,
    ]);
    const roles: [Person, string, string | null][] = [
      [world.coordinator, "COORDINATOR", null],
      [world.member, "MEMBER", null],
      [world.leader, "PROJECT_LEADER", municipalityId],
      [world.limited, "MEMBER", null],
    ];
    for (const [who, role, municipality] of roles) {
      await client.query(
        `INSERT INTO "User" (id, email, name, "passwordHash", role, "municipalityId", "updatedAt") VALUES ($1, $2, $3, $4, $5, $6, now())`,
        [who.id, who.email, who.name, passwordHash, role, municipality],
      );
    }
  } finally {
    await client.end();
  }
  return world;
}

/** Starts scripts/server.ts in production mode on a free port with `env`; resolves once /api/ready says ready. */
export async function startInstance(name: string, env: Record<string, string>): Promise<Instance> {
  const port = await findFreePort();
  const url = `http://localhost:${port}`;
  const inherited: Record<string, string | undefined> = Object.fromEntries(
    // The instances choose their own stores: nothing of the launcher's settings leaks in.
    Object.entries(process.env).filter(([key]) => !["RATE_LIMIT_STORE", "KOPPELKANS_SCHEDULER", "DATABASE_URL", "NODE_ENV"].includes(key)),
  );
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/server.ts"], {
    cwd: root,
    env: {
      ...inherited,
      PORT: String(port),
      HOSTNAME_BIND: "127.0.0.1",
      APP_URL: url,
      NEXTAUTH_URL: url,
      LOG_FORMAT: "json",
      NODE_ENV: "production",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const instance: Instance = {
    name,
    url,
    child,
    exited,
    output: () => output,
    lines: () =>
      output
        .split("\n")
        .filter((line) => line.startsWith("{"))
        .map((line) => JSON.parse(line) as LogLine),
  };
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`instance ${name} exited with ${child.exitCode}\n${output}`);
    const ready = await fetch(`${url}/api/ready`, { signal: AbortSignal.timeout(2_000) }).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return instance;
    await sleep(200);
  }
  child.kill("SIGKILL");
  throw new Error(`instance ${name} did not become ready\n${output}`);
}

export async function stopInstance(instance: Instance): Promise<number | null> {
  if (instance.child.exitCode === null && instance.child.signalCode === null) instance.child.kill("SIGTERM");
  const timeout = sleep(30_000).then(() => {
    instance.child.kill("SIGKILL");
    return null;
  });
  return Promise.race([instance.exited, timeout]);
}
