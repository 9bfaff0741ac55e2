import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { callAction, freshLoopback, raw, signInOverHttp } from "./support/attack-http";
import {
  createSharedDatabase,
  seedInstancesWorld,
  sharedUploadStorage,
  startInstance,
  stopInstance,
  type Instance,
  type LogLine,
} from "./support/instances";

// Two production servers on one PostgreSQL, as behind a load balancer: a
// session, a block and the sign-in limits hold on both, an image uploaded on
// one is served by the other, and the scheduled work runs on one at a time.

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

const ticks = (instance: Instance) =>
  instance.lines().filter((line) => line.component === "scheduler" && line.msg === "Geplande taken uitgevoerd");
const requestLine = (instance: Instance, requestId: string): LogLine | undefined =>
  instance.lines().find((line) => line.msg === "request" && line.reqId === requestId);

test("two instances on one database share sessions, blocks, sign-in limits, uploads and one scheduler", async () => {
  test.setTimeout(240_000);
  const database = await createSharedDatabase();
  const storage = await sharedUploadStorage();
  const instances: Instance[] = [];
  try {
    const world = await seedInstancesWorld(database.url);
    const env = {
      ...storage.env,
      DATABASE_URL: database.url,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      KOPPELKANS_SCHEDULER_INTERVAL_S: "1",
    };
    const [a, b] = await Promise.all([startInstance("a", env), startInstance("b", env)]);
    instances.push(a, b);

    await test.step("both are ready: database, migrations and the shared upload store", async () => {
      for (const instance of [a, b]) {
        const response = await fetch(`${instance.url}/api/ready`);
        expect(await response.json()).toEqual({ status: "ready", checks: { database: "ok", migrations: "current", storage: "ok" } });
      }
    });

    const from = freshLoopback();
    const member = await signInOverHttp(a.url, { email: world.member.email, password: world.password, from });
    expect(member.error).toBeNull();
    const memberCookie = member.cookie!;

    await test.step("signed in on A, the session works on B (and B's log names the user by id only)", async () => {
      const page = await raw(b.url, { path: "/", headers: { cookie: memberCookie }, from });
      expect(page.status).toBe(200);
      expect(page.body).toContain(world.member.name);
      const requestId = String(page.headers["x-request-id"]);
      await expect.poll(() => requestLine(b, requestId)).toMatchObject({ path: "/", status: 200, userId: world.member.id });
      expect(JSON.stringify(b.lines())).not.toContain(world.member.email);
    });

    await test.step("an image uploaded on A is served by B", async () => {
      const leader = await signInOverHttp(a.url, { email: world.leader.email, password: world.password, from });
      const form = new FormData();
      form.append("file", new Blob([PNG], { type: "image/png" }), "punt.png");
      const upload = await fetch(`${a.url}/api/uploads`, {
        method: "POST",
        body: form,
        headers: { cookie: leader.cookie!, origin: a.url },
      });
      expect(upload.status).toBe(201);
      const { data } = (await upload.json()) as { data: { url: string } };
      const image = await raw(b.url, { path: data.url, headers: { cookie: leader.cookie! }, from });
      expect(image.status).toBe(200);
      expect(image.headers["content-type"]).toMatch(/^image\//);
    });

    await test.step("a block done on A takes effect on B at once", async () => {
      const coordinator = await signInOverHttp(a.url, { email: world.coordinator.email, password: world.password, from });
      const { response } = await callAction(a.url, {
        file: "lib/accounts/actions.ts",
        action: "blockUserAction",
        pagePath: `/beheer/gebruikers/${world.member.id}`,
        fields: { userId: world.member.id, reason: "Test met twee instanties", until: "" },
        cookie: coordinator.cookie!,
        from,
      });
      expect(response.status).toBeLessThan(400);
      const page = await raw(b.url, { path: "/", headers: { cookie: memberCookie }, from });
      expect(page.status).toBeGreaterThanOrEqual(300);
      expect(page.status).toBeLessThan(400);
      expect(String(page.headers.location)).toContain("/inloggen");
    });

    await test.step("sign-in failures count across both: 3 on A and 2 on B reach the limit of 5", async () => {
      const address = freshLoopback();
      const wrong = { email: world.limited.email, password: "niet-het-wachtwoord", from: address };
      for (const instance of [a, a, a, b, b]) expect((await signInOverHttp(instance.url, wrong)).error).toBe("CredentialsSignin");
      // Each instance alone has counted fewer than five: only a shared count refuses the right password now.
      const right = { email: world.limited.email, password: world.password, from: address };
      expect((await signInOverHttp(a.url, right)).error).toBe("RateLimited");
      expect((await signInOverHttp(b.url, right)).error).toBe("RateLimited");
    });

    await test.step("the scheduled work runs on one instance only, and the other takes over when it stops", async () => {
      await expect.poll(() => ticks(a).length + ticks(b).length, { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
      const [leader, follower] = ticks(a).length > 0 ? [a, b] : [b, a];
      expect(ticks(follower)).toEqual([]);
      expect(follower.lines().some((line) => line.component === "scheduler" && line.leader === false)).toBe(true);
      expect(ticks(leader).every((line) => line.results !== undefined)).toBe(true);

      expect(await stopInstance(leader)).toBe(0);
      const before = ticks(follower).length;
      await expect.poll(() => ticks(follower).length, { timeout: 15_000 }).toBeGreaterThan(before);
      expect(follower.lines().some((line) => line.component === "scheduler" && line.leader === true)).toBe(true);
    });

    // No instance logged an error meanwhile.
    for (const instance of instances)
      expect(instance.lines().filter((line) => line.level === "error" || line.level === "fatal")).toEqual([]);
  } finally {
    await Promise.all(instances.map((instance) => stopInstance(instance)));
    await storage.stop();
    await database.drop();
  }
});
