import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { purgeExpiredRecords } from "@/lib/privacy/retention";
import { DEFAULT_RETENTION_DAYS, retentionDays } from "@/lib/privacy/retention-config";
import { createUser, unique } from "./support/factories";
import { createPublishedUpdate } from "./support/notification-fixtures";

const DAY = 24 * 60 * 60 * 1000;
const days = { notifications: 365, email: 90, signIn: 30 };

describe("retention", () => {
  it("purges notifications, outbox emails and sign-in counters past their period, and only those", async () => {
    const now = new Date();
    const ago = (n: number) => new Date(now.getTime() - n * DAY);
    const user = await createUser();
    const update = await createPublishedUpdate({ authorId: user.id });
    const notification = (createdAt: Date) =>
      db.notification.create({ data: { userId: user.id, kind: "FOLLOWED_UPDATE", updateId: update.id, createdAt } });
    const email = (createdAt: Date) =>
      db.emailMessage.create({ data: { to: "iemand@example.nl", subject: "Test", text: "-", transport: "outbox", createdAt } });
    const counter = (expire: Date | null) =>
      db.rateLimit.create({ data: { key: `signin-account:${unique()}@example.nl`, points: 1, expire } });

    const oldNotification = await notification(ago(366));
    const keptNotifications = [await notification(ago(364)), await notification(now)];
    const oldEmail = await email(ago(91));
    const keptEmails = [await email(ago(89)), await email(now)];
    const oldCounter = await counter(ago(31));
    const keptCounters = [await counter(ago(29)), await counter(new Date(now.getTime() + 600_000)), await counter(null)];

    expect(await purgeExpiredRecords({ now, days })).toEqual({ notifications: 1, emails: 1, signInAttempts: 1 });
    expect(await db.notification.findUnique({ where: { id: oldNotification.id } })).toBeNull();
    expect(await db.emailMessage.findUnique({ where: { id: oldEmail.id } })).toBeNull();
    expect(await db.rateLimit.findUnique({ where: { key: oldCounter.key } })).toBeNull();
    expect(await db.notification.count({ where: { id: { in: keptNotifications.map((row) => row.id) } } })).toBe(2);
    expect(await db.emailMessage.count({ where: { id: { in: keptEmails.map((row) => row.id) } } })).toBe(2);
    expect(await db.rateLimit.count({ where: { key: { in: keptCounters.map((row) => row.key) } } })).toBe(3);

    expect(await purgeExpiredRecords({ now, days })).toEqual({ notifications: 0, emails: 0, signInAttempts: 0 });
  });

  it("reads RETENTION_DAYS as one number for all, or per kind, keeping defaults for anything else", () => {
    expect(retentionDays(undefined)).toEqual(DEFAULT_RETENTION_DAYS);
    expect(retentionDays("")).toEqual(DEFAULT_RETENTION_DAYS);
    expect(retentionDays("60")).toEqual({ notifications: 60, email: 60, signIn: 60 });
    expect(retentionDays("email=14, signin=7")).toEqual({ notifications: 365, email: 14, signIn: 7 });
    expect(retentionDays("notifications=0,email=abc,other=3")).toEqual(DEFAULT_RETENTION_DAYS);
  });
});
