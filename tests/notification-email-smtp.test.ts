import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { deliverQueued } from "@/lib/email/queue";
import { resetEmailTransport } from "@/lib/email/send";
import { runDigest } from "@/lib/notifications/digest";
import { verifyUnsubscribeToken } from "@/lib/notifications/unsubscribe";
import { createUser } from "./support/factories";
import { createPublishedUpdate, postComment, setAllPreferences, setPreference, TEST_SECRET } from "./support/notification-fixtures";
import { decodedBody, startSmtpServer } from "./support/smtp";

const APP_URL = "https://koppelkans.test";
const originalSmtpUrl = process.env.SMTP_URL;

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

/** The message's headers, unfolded, by lower-case name. */
function headersOf(raw: string): Map<string, string> {
  const head = raw.slice(0, raw.indexOf("\r\n\r\n")).replace(/\r\n[ \t]+/g, " ");
  return new Map(
    head.split("\r\n").map((line) => {
      const colon = line.indexOf(":");
      return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()] as [string, string];
    }),
  );
}

/** A MIME encoded-word subject (=?UTF-8?Q?…?=) as text. */
function decodeSubject(value: string): string {
  return value.replace(/=\?UTF-8\?([QB])\?([^?]*)\?=\s*/gi, (_match, mode: string, text: string) =>
    mode.toUpperCase() === "B"
      ? Buffer.from(text, "base64").toString("utf8")
      : Buffer.from(
          text.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
          "latin1",
        ).toString("utf8"),
  );
}

function expectUnsubscribeHeaders(raw: string, userId: string) {
  const headers = headersOf(raw);
  const listUnsubscribe = headers.get("list-unsubscribe");
  expect(listUnsubscribe).toMatch(/^<https:\/\/koppelkans\.test\/api\/afmelden\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+>$/);
  expect(headers.get("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
  const token = listUnsubscribe!.slice(listUnsubscribe!.lastIndexOf("/") + 1, -1);
  expect(verifyUnsubscribeToken(token)).toMatchObject({ ok: true, userId });
  // The same link is in the text, for people.
  expect(decodedBody(raw)).toContain(`${APP_URL}/afmelden/${token}`);
}

beforeAll(async () => {
  process.env.APP_URL = APP_URL;
  process.env.NEXTAUTH_SECRET = TEST_SECRET;
  smtp = await startSmtpServer();
  process.env.SMTP_URL = smtp.url;
  resetEmailTransport();
});

afterAll(async () => {
  await smtp.close();
  if (originalSmtpUrl === undefined) delete process.env.SMTP_URL;
  else process.env.SMTP_URL = originalSmtpUrl;
  resetEmailTransport();
});

beforeEach(() => {
  smtp.received.length = 0;
  vi.spyOn(console, "error").mockImplementation(() => {});
});

describe("notification email over SMTP", () => {
  it("delivers one immediate notification with the link to the comment and one-click unsubscribe headers", async () => {
    const [author, commenter] = await Promise.all([createUser({ name: "Anna (demo)" }), createUser({ name: "Bert (demo)" })]);
    await setPreference(author.id, "COMMENT_ON_UPDATE", "IMMEDIATE");
    const update = await createPublishedUpdate({ authorId: author.id, title: "Eigenwijcks in Crabbehof" });
    const comment = await postComment({ updateId: update.id, authorId: commenter.id, body: "Mooi verslag!" });

    // Nothing goes out before delivery (the comment's transaction only queued it).
    expect(smtp.received).toHaveLength(0);
    const result = await deliverQueued();
    expect(result.sent).toBe(1);
    // A second deliverer finds nothing.
    expect((await deliverQueued()).sent).toBe(0);

    expect(smtp.received).toHaveLength(1);
    const message = smtp.received[0]!;
    expect(message.to).toEqual([author.email]);
    expect(decodeSubject(headersOf(message.raw).get("subject")!)).toBe(
      "Koppelkans: Bert (demo) reageerde op je update ‘Eigenwijcks in Crabbehof’",
    );
    expect(decodedBody(message.raw)).toContain(`${APP_URL}/updates/${update.id}#reactie-${comment.id}`);
    expectUnsubscribeHeaders(message.raw, author.id);

    const row = await db.emailMessage.findFirstOrThrow({ where: { to: author.email } });
    expect(row).toMatchObject({ transport: "smtp", error: null });
    expect(row.sentAt).toBeInstanceOf(Date);
  });

  it("delivers one digest with the same headers", async () => {
    const [reader, commenter] = await Promise.all([createUser({ name: "Carla (demo)" }), createUser({ name: "Dirk (demo)" })]);
    await setAllPreferences(reader.id, "DAILY");
    const update = await createPublishedUpdate({ authorId: reader.id, title: "Plutolaan" });
    for (let i = 0; i < 4; i++) await postComment({ updateId: update.id, authorId: commenter.id });

    const result = await runDigest({ now: new Date(Date.now() + 60_000) });
    expect(result.delivery?.sent).toBeGreaterThanOrEqual(1);
    const mine = smtp.received.filter((message) => message.to.includes(reader.email));
    expect(mine).toHaveLength(1);
    const raw = mine[0]!.raw;
    expect(decodeSubject(headersOf(raw).get("subject")!)).toBe("Dagoverzicht Koppelkans: 4 meldingen");
    const body = decodedBody(raw);
    expect(body).toContain("4 nieuwe reacties op ‘Plutolaan’");
    expect(body).toContain("en nog 1 meer");
    expectUnsubscribeHeaders(raw, reader.id);
    const rows = await db.emailMessage.findMany({ where: { to: reader.email } });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.sentAt).toBeInstanceOf(Date);
    expect(await db.notification.count({ where: { userId: reader.id, emailId: rows[0]!.id } })).toBe(4);
  });

  it("records a refused message on its row and does not try it again", async () => {
    const refusing = await startSmtpServer({ refuseRecipients: true });
    const previous = process.env.SMTP_URL;
    try {
      process.env.SMTP_URL = `smtp://127.0.0.1:${refusing.port}`;
      resetEmailTransport();
      const [author, commenter] = await Promise.all([createUser(), createUser()]);
      await setPreference(author.id, "COMMENT_ON_UPDATE", "IMMEDIATE");
      const update = await createPublishedUpdate({ authorId: author.id });
      await postComment({ updateId: update.id, authorId: commenter.id });
      expect(await deliverQueued()).toMatchObject({ sent: 0, failed: 1 });
      const row = await db.emailMessage.findFirstOrThrow({ where: { to: author.email } });
      expect(row.sentAt).toBeNull();
      expect(row.error).toContain("Mailbox unavailable");
      expect(await deliverQueued()).toMatchObject({ sent: 0, failed: 0 });
    } finally {
      process.env.SMTP_URL = previous;
      resetEmailTransport();
      await refusing.close();
    }
  });
});
