import { spawnSync } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");

function run(script: string, env: Record<string, string>) {
  return spawnSync(process.execPath, ["--import", "tsx", script, ...(script.endsWith("start.ts") ? ["start"] : [])], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: "", ...env },
    encoding: "utf8",
    timeout: 30_000,
  });
}

// Outside a terminal (a container, a pipe) the launcher and server log JSON: a start-up failure is one JSON object on stderr.
describe("start-up failures as JSON", () => {
  it("the launcher: one fatal line naming the port in use", async () => {
    const server = net.createServer();
    const port = await new Promise<number>((resolve) =>
      server.listen(0, "0.0.0.0", () => resolve((server.address() as net.AddressInfo).port)),
    );
    try {
      const result = run("scripts/start.ts", {
        PORT: String(port),
        LOG_FORMAT: "json",
        DATA_DIR: path.join(root, "data", "never-created"),
      });
      expect(result.status).toBe(1);
      const lines = result.stderr.trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0]!)).toMatchObject({
        level: "fatal",
        component: "launcher",
        msg: expect.stringContaining(`Poort ${port} is al in gebruik`),
      });
    } finally {
      server.close();
    }
  });

  it("the server: one fatal line naming the invalid setting", () => {
    const result = run("scripts/server.ts", { PORT: "0", LOG_FORMAT: "json", TRUSTED_PROXIES: "proxy.intern" });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      level: "fatal",
      component: "server",
      msg: expect.stringContaining('TRUSTED_PROXIES bevat "proxy.intern"'),
    });
  });

  it.each([
    ["DATABASE_URL", { DATABASE_URL: "", NEXTAUTH_SECRET: "s" }],
    ["NEXTAUTH_SECRET", { DATABASE_URL: "postgres://x@127.0.0.1:1/x", NEXTAUTH_SECRET: "" }],
  ])("the server without %s: one fatal line naming it", (name, env) => {
    const result = run("scripts/server.ts", { PORT: "0", LOG_FORMAT: "json", ...env });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: "fatal", msg: expect.stringMatching(new RegExp(`^${name} ontbreekt`)) });
  });

  it("an unknown LOG_FORMAT is itself one plain line", () => {
    const result = run("scripts/server.ts", { PORT: "0", LOG_FORMAT: "xml" });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe('[koppelkans] LOG_FORMAT=xml is geen "json" of "pretty".');
  });
});
