import { once } from "node:events";
import { createServer, type AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createInvitation } from "@/lib/accounts/service";
import { db } from "@/lib/db";
import { resetEmailTransport, sendEmail } from "@/lib/email/send";
import { invitationEmail, passwordResetEmail } from "@/lib/email/templates";
import { createActor, uniqueEmail } from "./support/factories";
import { decodedBody, startSmtpServer } from "./support/smtp";

const APP_URL = "https://koppelkans.test";
const originalSmtpUrl = process.env.SMTP_URL;

beforeAll(() => {
  process.env.APP_URL = APP_URL;
});

beforeEach(() => {
  vi.spyOn(console, "info").mockImplementation(() => {});
  vi.spyOn(console, "error").mockImplementation(() => {});
});

afterAll(() => {
  if (originalSmtpUrl === undefined) delete process.env.SMTP_URL;
  else process.env.SMTP_URL = originalSmtpUrl;
  resetEmailTransport();
});

describe("templates", () => {
  it("builds the invitation email with the link, the role and the expiry in Dutch and English", () => {
    const message = invitationEmail({
      to: "a@example.nl",
      token: "abc_DEF-123",
      role: "PROJECT_LEADER",
      inviterName: "Coördinator (test)",
      municipalityName: "Tilburg",
      expiresAt: new Date("2030-03-14T12:00:00Z"),
    });
    expect(message.to).toBe("a@example.nl");
    expect(message.subject).toBe("Uitnodiging voor Koppelkans / Invitation to Koppelkans");
    expect(message.text).toContain(`${APP_URL}/uitnodiging/abc_DEF-123`);
    expect(message.text).toContain("als projectleider (Tilburg)");
    expect(message.text).toContain("as project leader (Tilburg)");
    expect(message.text).toContain("14 maart 2030");
    expect(message.text).toContain("14 March 2030");
  });

  it("builds the reset email with the link", () => {
    const message = passwordResetEmail({ to: "b@example.nl", token: "tok-en", expiresAt: new Date() });
    expect(message.text).toContain(`${APP_URL}/wachtwoord-herstellen/tok-en`);
    expect(message.subject).toContain("Reset your Koppelkans password");
  });
});

describe("outbox mode (no SMTP_URL)", () => {
  beforeEach(() => {
    delete process.env.SMTP_URL;
    resetEmailTransport();
  });

  it("records the message with transport outbox and reports it as not delivered", async () => {
    const to = uniqueEmail("outbox");
    const result = await sendEmail({ to, subject: "Test", text: "Hallo outbox" });
    expect(result.delivered).toBe(false);
    const row = await db.emailMessage.findUniqueOrThrow({ where: { id: result.id } });
    expect(row).toMatchObject({ to, subject: "Test", text: "Hallo outbox", transport: "outbox", sentAt: null, error: null });
  });
});

describe("SMTP mode", () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let port: number;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    port = smtp.port;
  });

  afterAll(async () => {
    await smtp.close();
  });

  beforeEach(() => {
    smtp.received.length = 0;
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    resetEmailTransport();
  });

  afterEach(() => {
    delete process.env.SMTP_URL;
    resetEmailTransport();
  });

  it("delivers an invitation to the SMTP server and marks it sent", async () => {
    const coordinator = await createActor("COORDINATOR");
    const to = uniqueEmail("smtp");
    const result = await createInvitation({ actor: coordinator, input: { email: to, role: "MEMBER" } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;

    expect(smtp.received).toHaveLength(1);
    const message = smtp.received[0]!;
    expect(message.to).toEqual([to]);
    expect(message.from).toBe("no-reply@koppelkans.localhost");
    expect(message.raw).toMatch(/^Subject: Uitnodiging voor Koppelkans \/ Invitation to Koppelkans/m);
    expect(decodedBody(message.raw)).toContain(`${APP_URL}/uitnodiging/${result.data.token}`);

    const row = await db.emailMessage.findFirstOrThrow({ where: { to } });
    expect(row.transport).toBe("smtp");
    expect(row.sentAt).toBeInstanceOf(Date);
    expect(row.error).toBeNull();
  });

  it("uses EMAIL_FROM as the sender when it is set", async () => {
    process.env.EMAIL_FROM = "Koppelkans Test <portaal@koppelkans.test>";
    try {
      const to = uniqueEmail("from");
      const result = await sendEmail(
        invitationEmail({ to, token: "t0k3n", role: "MEMBER", inviterName: "X", municipalityName: null, expiresAt: new Date() }),
      );
      expect(result.delivered).toBe(true);
      expect(smtp.received[0]?.from).toBe("portaal@koppelkans.test");
      expect(smtp.received[0]?.raw).toMatch(/^From: Koppelkans Test <portaal@koppelkans\.test>/m);
    } finally {
      delete process.env.EMAIL_FROM;
    }
  });

  it("records the error and does not throw when the SMTP server cannot be reached", async () => {
    // A port that was free a moment ago and is closed now.
    const probe = createServer().listen(0, "127.0.0.1");
    await once(probe, "listening");
    const closedPort = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    process.env.SMTP_URL = `smtp://127.0.0.1:${closedPort}`;
    resetEmailTransport();

    const to = uniqueEmail("unreachable");
    const result = await sendEmail(passwordResetEmail({ to, token: "abc", expiresAt: new Date() }));
    expect(result.delivered).toBe(false);
    const row = await db.emailMessage.findUniqueOrThrow({ where: { id: result.id } });
    expect(row.transport).toBe("smtp");
    expect(row.sentAt).toBeNull();
    expect(row.error).toMatch(/ECONNREFUSED|connect/i);
    expect(smtp.received).toHaveLength(0);
  });

  it("records the error when the server refuses the message", async () => {
    const refusing = await startSmtpServer({ refuseRecipients: true });
    try {
      process.env.SMTP_URL = `smtp://127.0.0.1:${refusing.port}`;
      resetEmailTransport();
      const to = uniqueEmail("refused");
      const result = await sendEmail({ to, subject: "Geweigerd", text: "Dit komt niet aan" });
      expect(result.delivered).toBe(false);
      const row = await db.emailMessage.findUniqueOrThrow({ where: { id: result.id } });
      expect(row.sentAt).toBeNull();
      expect(row.error).toContain("Mailbox unavailable");
    } finally {
      await refusing.close();
    }
  });

  it("still creates the invitation when sending fails", async () => {
    process.env.SMTP_URL = "smtp://127.0.0.1:1";
    resetEmailTransport();
    const coordinator = await createActor("COORDINATOR");
    const to = uniqueEmail("failing");
    const result = await createInvitation({ actor: coordinator, input: { email: to, role: "MEMBER" } });
    expect(result.ok).toBe(true);
    expect(await db.invitation.count({ where: { email: to } })).toBe(1);
    const row = await db.emailMessage.findFirstOrThrow({ where: { to } });
    expect(row.error).not.toBeNull();
  });
});
