import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { blockUser, getPasswordResetState, setUserBlocked, unblockUser } from "@/lib/accounts/service";
import { startSession } from "@/lib/accounts/sessions";
import { createToken } from "@/lib/accounts/tokens";
import { authorizeCredentials } from "@/lib/auth";
import { addDays, calendarDayOf, startOfDay } from "@/lib/calendar-day";
import { searchMembers } from "@/lib/comments/members";
import { db } from "@/lib/db";
import { userForFeedToken } from "@/lib/feeds/service";
import type { Actor } from "@/lib/policy/permissions";
import { activeUserSql, activeUserWhere, blockedUserWhere, isBlockedNow } from "@/lib/policy/users";
import { resetRateLimiters } from "@/lib/rate-limit";
import { currentUserWhere } from "@/lib/session";
import { createActor, createUser, TEST_PASSWORD, unique } from "./support/factories";

let coordinator: Actor;
let admin: Actor;
const reason = "Persoonlijke gegevens van bewoners gedeeld (test)";
const DAY = 24 * 60 * 60 * 1000;
const today = () => calendarDayOf(new Date());
const reload = (id: string) => db.user.findUniqueOrThrow({ where: { id } });
const auditRows = (targetId: string) => db.auditLog.findMany({ where: { targetId }, orderBy: { createdAt: "asc" } });
const freshIp = () => `10.7.${unique()}`;

beforeAll(async () => {
  process.env.RATE_LIMIT_STORE = "memory";
  [coordinator, admin] = await Promise.all([createActor("COORDINATOR"), createActor("ADMIN")]);
});

beforeEach(() => resetRateLimiters());

describe("blocking with a reason and an end date", () => {
  it("a coordinator blocks a member with a reason and a last day: stored, audited with both, sessions gone", async () => {
    const member = await createUser();
    await startSession(member.id, 3600);
    const lastDay = addDays(today(), 14);
    expect(await blockUser({ actor: coordinator, input: { userId: member.id, reason, until: lastDay } })).toEqual({ ok: true, data: null });

    const after = await reload(member.id);
    expect(after.blockReason).toBe(reason);
    // Through the last day: it lifts at the start of the next one, Amsterdam time.
    expect(after.blockedUntil).toEqual(startOfDay(addDays(lastDay, 1)));
    expect(after.sessionVersion).toBe(member.sessionVersion + 1);
    expect(await db.session.count({ where: { userId: member.id } })).toBe(0);
    expect(await auditRows(member.id)).toEqual([
      expect.objectContaining({ actorId: coordinator.id, action: "user.block", targetType: "User", reason, data: { until: lastDay } }),
    ]);
  });

  it("a block without an end date holds until lifted, and says so in the audit log", async () => {
    const member = await createUser();
    expect((await blockUser({ actor: coordinator, input: { userId: member.id, reason, until: "" } })).ok).toBe(true);
    const after = await reload(member.id);
    expect(after.blockedUntil).toBeNull();
    expect(isBlockedNow(after, new Date(Date.now() + 365 * DAY))).toBe(true);
    expect((await auditRows(member.id))[0]).toMatchObject({ action: "user.block", data: { until: null } });
  });

  it("today is a valid last day (blocked for the rest of it)", async () => {
    const member = await createUser();
    expect((await blockUser({ actor: coordinator, input: { userId: member.id, reason, until: today() } })).ok).toBe(true);
    expect(isBlockedNow(await reload(member.id))).toBe(true);
  });

  it("refuses a last day in the past with a clear field error, and writes nothing", async () => {
    const member = await createUser();
    const result = await blockUser({ actor: coordinator, input: { userId: member.id, reason, until: addDays(today(), -1) } });
    expect(result).toEqual({ ok: false, error: "form.invalid", fieldErrors: { until: ["block.untilPast"] } });
    const after = await reload(member.id);
    expect(after.blockedAt).toBeNull();
    expect(after.sessionVersion).toBe(member.sessionVersion);
    expect(await auditRows(member.id)).toEqual([]);
  });

  it.each([
    ["no reason", { until: "" }, "reason", "block.reasonRequired"],
    ["a blank reason", { reason: "   " }, "reason", "block.reasonRequired"],
    ["a reason over 500 characters", { reason: "x".repeat(501) }, "reason", "block.reasonTooLong"],
    ["a day that does not exist", { reason, until: "2027-02-30" }, "until", "block.untilInvalid"],
    ["a date in another format", { reason, until: "30-12-2027" }, "until", "block.untilInvalid"],
  ])("refuses %s", async (_label, input, field, key) => {
    const member = await createUser();
    const result = await blockUser({ actor: coordinator, input: { userId: member.id, ...input } });
    expect(result).toMatchObject({ ok: false, error: "form.invalid", fieldErrors: { [field]: [key] } });
    expect((await reload(member.id)).blockedAt).toBeNull();
    expect(await auditRows(member.id)).toEqual([]);
  });

  it("changing a block replaces its reason and end", async () => {
    const member = await createUser();
    await blockUser({ actor: coordinator, input: { userId: member.id, reason, until: addDays(today(), 3) } });
    expect((await blockUser({ actor: coordinator, input: { userId: member.id, reason: "Andere reden (test)", until: "" } })).ok).toBe(true);
    expect(await reload(member.id)).toMatchObject({ blockReason: "Andere reden (test)", blockedUntil: null });
  });

  it("unblocking clears the block, its reason and end; an optional reason goes into the audit log", async () => {
    const member = await createUser();
    await blockUser({ actor: coordinator, input: { userId: member.id, reason, until: addDays(today(), 3) } });
    expect(await unblockUser({ actor: coordinator, input: { userId: member.id, reason: "Excuses aangeboden (test)" } })).toEqual({
      ok: true,
      data: null,
    });
    expect(await reload(member.id)).toMatchObject({ blockedAt: null, blockedUntil: null, blockReason: null });
    expect((await auditRows(member.id)).at(-1)).toMatchObject({
      action: "user.unblock",
      actorId: coordinator.id,
      reason: "Excuses aangeboden (test)",
    });
  });

  it.each(["MEMBER", "PROJECT_LEADER"] as const)("refuses a %s: no block, no unblock, no audit row", async (role) => {
    const [actor, target, blocked] = await Promise.all([createActor(role), createUser(), createUser()]);
    await db.user.update({ where: { id: blocked.id }, data: { blockedAt: new Date(), blockReason: reason } });
    const input = { userId: target.id, reason, until: addDays(today(), 2) };
    expect(await setUserBlocked({ actor, input, blocked: true })).toEqual({ ok: false, error: "permission.denied" });
    expect(await setUserBlocked({ actor, input: { userId: blocked.id, reason }, blocked: false })).toEqual({
      ok: false,
      error: "permission.denied",
    });
    expect((await reload(target.id)).blockedAt).toBeNull();
    expect((await reload(blocked.id)).blockedAt).not.toBeNull();
    expect(await db.auditLog.count({ where: { targetId: { in: [target.id, blocked.id] } } })).toBe(0);
  });

  it("an admin blocks and unblocks a coordinator with a reason and an end date", async () => {
    const target = await createUser({ role: "COORDINATOR" });
    expect((await blockUser({ actor: admin, input: { userId: target.id, reason, until: addDays(today(), 1) } })).ok).toBe(true);
    expect((await unblockUser({ actor: admin, input: { userId: target.id } })).ok).toBe(true);
    expect((await auditRows(target.id)).map((row) => row.action)).toEqual(["user.block", "user.unblock"]);
  });
});

describe("a block whose end has passed", () => {
  /** A member whose block ran out a minute ago. */
  async function lapsed(name?: string) {
    const user = await createUser({ name });
    return db.user.update({
      where: { id: user.id },
      data: { blockedAt: new Date(Date.now() - 3 * DAY), blockedUntil: new Date(Date.now() - 60_000), blockReason: reason },
    });
  }

  it("is no block for the policy, the Prisma fragments and their SQL twin", async () => {
    const [gone, current, open] = await Promise.all([lapsed(), createUser(), createUser()]);
    await db.user.update({ where: { id: current.id }, data: { blockedAt: new Date(), blockedUntil: new Date(Date.now() + DAY) } });
    await db.user.update({ where: { id: open.id }, data: { blockedAt: new Date() } });
    const ids = [gone.id, current.id, open.id];
    const now = new Date();

    expect(isBlockedNow(gone, now)).toBe(false);
    const active = await db.user.findMany({ where: { id: { in: ids }, ...activeUserWhere(now) }, select: { id: true } });
    expect(active.map((row) => row.id)).toEqual([gone.id]);
    const blocked = await db.user.findMany({
      where: { id: { in: ids }, ...blockedUserWhere(now) },
      select: { id: true },
      orderBy: { id: "asc" },
    });
    expect(blocked.map((row) => row.id)).toEqual([current.id, open.id].sort());
    const raw = await db.$queryRaw<
      { id: string }[]
    >`SELECT u.id FROM "User" u WHERE u.id = ANY(${ids}::text[]) AND ${activeUserSql("u", now)}`;
    expect(raw.map((row) => row.id)).toEqual([gone.id]);
  });

  it("lets getCurrentUser's query find the person again (with a session started after the block)", async () => {
    const user = await lapsed();
    const sid = await startSession(user.id, 3600);
    const found = await db.user.findFirst({
      where: currentUserWhere({ uid: user.id, sv: user.sessionVersion, sid }),
      select: { id: true },
    });
    expect(found?.id).toBe(user.id);
    // While the block held, the same query found nobody.
    const during = new Date(Date.now() - 2 * DAY);
    expect(await db.user.findFirst({ where: currentUserWhere({ uid: user.id, sv: user.sessionVersion, sid }, during) })).toBeNull();
  });

  it("lets the person sign in again", async () => {
    const user = await lapsed();
    expect((await authorizeCredentials({ email: user.email, password: TEST_PASSWORD }, freshIp()))?.id).toBe(user.id);
  });

  it("still refuses sign-in while the end lies ahead", async () => {
    const user = await createUser();
    await db.user.update({
      where: { id: user.id },
      data: { blockedAt: new Date(), blockedUntil: new Date(Date.now() + 60_000), blockReason: reason },
    });
    await expect(authorizeCredentials({ email: user.email, password: TEST_PASSWORD }, freshIp())).rejects.toThrow("AccountBlocked");
  });

  it("counts as none for feeds, mention search and password reset links, while a running block still shuts them", async () => {
    const [gone, current] = await Promise.all([lapsed(`Weer Welkom ${unique()}`), createUser({ name: `Nog Geblokkeerd ${unique()}` })]);
    await db.user.update({
      where: { id: current.id },
      data: { blockedAt: new Date(), blockedUntil: new Date(Date.now() + DAY), blockReason: reason },
    });
    const feed = (id: string) => {
      const { token, tokenHash } = createToken();
      return db.user.update({ where: { id }, data: { feedTokenHash: tokenHash } }).then(() => token);
    };
    const reset = async (id: string) => {
      const { token, tokenHash } = createToken();
      await db.passwordResetToken.create({ data: { userId: id, tokenHash, expiresAt: new Date(Date.now() + 3_600_000) } });
      return token;
    };
    expect((await userForFeedToken(await feed(gone.id)))?.id).toBe(gone.id);
    expect(await userForFeedToken(await feed(current.id))).toBeNull();
    expect(await getPasswordResetState(await reset(gone.id))).toBe("valid");
    expect(await getPasswordResetState(await reset(current.id))).toBe("unknown");
    const names = async (q: string) => (await searchMembers(coordinator, q)).map((option) => option.id);
    expect(await names(gone.name)).toContain(gone.id);
    expect(await names(current.name)).not.toContain(current.id);
  });

  it("is listed as active again by the people list's filters", async () => {
    const { usersTableWhere } = await import("@/lib/accounts/queries");
    const user = await lapsed();
    const now = new Date();
    const where = (status: "active" | "blocked") => ({ AND: [{ id: user.id }, usersTableWhere({ q: "", role: null, status }, now)] });
    expect(await db.user.count({ where: where("active") })).toBe(1);
    expect(await db.user.count({ where: where("blocked") })).toBe(0);
  });
});
