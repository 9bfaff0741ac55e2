import { beforeAll, describe, expect, it } from "vitest";
import { findCurrentUser, type SessionRef } from "@/lib/accounts/current-user-sql";
import { hashToken } from "@/lib/accounts/tokens";
import { db } from "@/lib/db";
import { queryRows } from "@/lib/db-sql";
import { Prisma } from "@/lib/generated/prisma/client";
import { countUnreadNotifications } from "@/lib/notifications/unread-count-sql";
import { visibleNotificationsSql, visibleNotificationsWhere } from "@/lib/policy/notifications";
import { currentUserWhere } from "@/lib/session";
import { findTagIdsBySlug } from "@/lib/updates/table-lookup-sql";
import { createMunicipality, createUser, unique } from "./support/factories";
import { createExperiment, createOpgave, createPublishedUpdate, createTheme } from "./support/notification-fixtures";

/**
 * The hot reads that skip Prisma (lib/db-sql.ts) against their Prisma twins
 * on one seeded world: the same rows for every case the policy tells apart.
 */
const HOUR = 3_600_000;
const prismaSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  municipalityId: true,
  locale: true,
  municipality: { select: { id: true, name: true, slug: true } },
} as const;

async function sessionFor(userId: string, expires = new Date(Date.now() + HOUR)): Promise<string> {
  const sid = `sid-${unique()}`;
  await db.session.create({ data: { sessionToken: hashToken(sid), userId, expires } });
  return sid;
}

describe("the session lookup in SQL (findCurrentUser)", () => {
  const cases: Record<string, SessionRef> = {};

  beforeAll(async () => {
    const municipality = await createMunicipality();
    const leader = await createUser({ role: "PROJECT_LEADER", municipalityId: municipality.id });
    const member = await createUser();
    const blocked = await createUser({ blocked: true });
    const blockEnded = await createUser();
    await db.user.update({
      where: { id: blockEnded.id },
      data: { blockedAt: new Date(Date.now() - 2 * HOUR), blockedUntil: new Date(Date.now() - HOUR) },
    });
    const blockRuns = await createUser();
    await db.user.update({ where: { id: blockRuns.id }, data: { blockedAt: new Date(), blockedUntil: new Date(Date.now() + HOUR) } });
    cases.leader = { uid: leader.id, sv: 0, sid: await sessionFor(leader.id) };
    cases.member = { uid: member.id, sid: await sessionFor(member.id) };
    cases.blocked = { uid: blocked.id, sv: 0, sid: await sessionFor(blocked.id) };
    cases.blockEnded = { uid: blockEnded.id, sv: 0, sid: await sessionFor(blockEnded.id) };
    cases.blockRuns = { uid: blockRuns.id, sv: 0, sid: await sessionFor(blockRuns.id) };
    cases.staleVersion = { uid: member.id, sv: 1, sid: cases.member.sid };
    cases.expired = { uid: member.id, sv: 0, sid: await sessionFor(member.id, new Date(Date.now() - 1000)) };
    cases.signedOut = { uid: member.id, sv: 0, sid: "never-recorded" };
    cases.otherPersonsSession = { uid: leader.id, sv: 0, sid: cases.member.sid };
  });

  it("finds exactly whom Prisma's currentUserWhere finds, with the same fields", async () => {
    const found: Record<string, boolean> = {};
    for (const [name, session] of Object.entries(cases)) {
      const viaPrisma = await db.user.findFirst({ where: currentUserWhere(session), select: prismaSelect });
      const viaSql = await findCurrentUser(session);
      expect(viaSql, name).toEqual(viaPrisma);
      found[name] = viaSql !== null;
    }
    expect(found).toEqual({
      leader: true,
      member: true,
      blocked: false,
      blockEnded: true,
      blockRuns: false,
      staleVersion: false,
      expired: false,
      signedOut: false,
      otherPersonsSession: false,
    });
  });

  it("checks blocks and expiry at the time asked", async () => {
    const session = cases.member!;
    expect(await findCurrentUser(session, new Date(Date.now() + 2 * HOUR))).toBeNull();
    expect((await findCurrentUser(session, new Date()))?.municipality).toBeNull();
    expect((await findCurrentUser(cases.leader!))?.municipality?.id).toBeTruthy();
  });
});

describe("the notifications someone sees, in SQL (visibleNotificationsSql)", () => {
  let reader: { id: string };

  beforeAll(async () => {
    reader = await createUser({ role: "PROJECT_LEADER" });
    const other = await createUser({ role: "PROJECT_LEADER" });
    const experiment = await createExperiment();
    const listed = await createPublishedUpdate({ authorId: other.id, experimentId: experiment.id });
    const hidden = await createPublishedUpdate({ authorId: other.id, experimentId: experiment.id });
    const withdrawn = await createPublishedUpdate({ authorId: other.id, experimentId: experiment.id });
    const ownHidden = await createPublishedUpdate({ authorId: reader.id, experimentId: experiment.id });
    await db.update.updateMany({ where: { id: { in: [hidden.id, ownHidden.id] } }, data: { hiddenAt: new Date() } });
    await db.update.update({ where: { id: withdrawn.id }, data: { status: "WITHDRAWN", withdrawnAt: new Date() } });
    const notify = (updateId: string, kind: "FOLLOWED_UPDATE" | "MODERATION", userId = reader.id, readAt: Date | null = null) =>
      db.notification.create({ data: { userId, kind, updateId, actorId: other.id, readAt } });
    await notify(listed.id, "FOLLOWED_UPDATE");
    await notify(listed.id, "FOLLOWED_UPDATE", reader.id, new Date());
    await notify(hidden.id, "FOLLOWED_UPDATE");
    await notify(withdrawn.id, "FOLLOWED_UPDATE");
    await notify(withdrawn.id, "MODERATION");
    await notify(ownHidden.id, "FOLLOWED_UPDATE");
    await notify(listed.id, "FOLLOWED_UPDATE", other.id);
  });

  it("selects the same notifications as the Prisma where, and counts the unread ones alike", async () => {
    const viaPrisma = await db.notification.findMany({ where: visibleNotificationsWhere(reader.id), select: { id: true } });
    const viaSql = await queryRows<{ id: string }>(
      Prisma.sql`SELECT n.id FROM "Notification" n WHERE ${visibleNotificationsSql("n", reader.id)}`,
    );
    expect(viaSql.map((row) => row.id).sort()).toEqual(viaPrisma.map((row) => row.id).sort());
    // Listed (read and unread), the moderation notice and the reader's own hidden update.
    expect(viaSql).toHaveLength(4);
    const unread = await db.notification.count({ where: { ...visibleNotificationsWhere(reader.id), readAt: null } });
    expect(await countUnreadNotifications(reader.id)).toBe(unread);
    expect(unread).toBe(3);
  });
});

describe("the pool's answers read like Prisma's", () => {
  it("reads timestamps as UTC and looks up tag ids by slug, leaving unknown slugs out", async () => {
    const [opgave, theme] = await Promise.all([createOpgave(), createTheme()]);
    const author = await createUser({ role: "PROJECT_LEADER" });
    const update = await createPublishedUpdate({ authorId: author.id });
    const [row] = await queryRows<{ publishedAt: Date; count: number }>(
      Prisma.sql`SELECT u."publishedAt", count(*) OVER () AS count FROM "Update" u WHERE u.id = ${update.id}`,
    );
    expect(row?.publishedAt.toISOString()).toBe(update.publishedAt?.toISOString());
    expect(row?.count).toBe(1);
    expect(await findTagIdsBySlug([opgave.slug, "bestaat-niet"], [theme.slug])).toEqual({ opgaveIds: [opgave.id], themeIds: [theme.id] });
    expect(await findTagIdsBySlug([], ["bestaat-niet"])).toEqual({ opgaveIds: [], themeIds: [] });
  });
});
