import { spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findFreePort } from "@/lib/postgres/embedded";

const root = path.resolve(import.meta.dirname, "..");

/** Runs the launcher (`npm start`'s script) and collects what it prints. */
function launch(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", "start"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe("the launcher", () => {
  it("exits with one line naming the database it tried when DATABASE_URL is unreachable", async () => {
    const deadPort = await findFreePort();
    const result = await launch({
      DATABASE_URL: `postgresql://koppel:geheim@127.0.0.1:${deadPort}/koppelkans`,
      PORT: String(await findFreePort()),
    });
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`Kan de database postgresql://koppel@127.0.0.1:${deadPort}/koppelkans niet bereiken`);
    expect(result.stderr).not.toContain("geheim");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("names the port in use and the setting that changes it", async () => {
    const server = net.createServer();
    const port = await new Promise<number>((resolve) =>
      server.listen(0, "0.0.0.0", () => resolve((server.address() as net.AddressInfo).port)),
    );
    try {
      const result = await launch({ LOG_FORMAT: "pretty", PORT: String(port), DATA_DIR: path.join(root, "data", "never-created") });
      expect(result.code).toBe(1);
      expect(result.stderr.trim()).toBe(
        `[koppelkans] Poort ${port} is al in gebruik. Kies een andere poort met de instelling PORT, bijvoorbeeld: PORT=${port + 1} npm start`,
      );
    } finally {
      server.close();
    }
  });
});
