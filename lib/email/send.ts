import "server-only";
import { db } from "@/lib/db";
import { logDeliveryFailure, logOutboxEmail } from "./log";
import { emailFrom, getTransporter, resetEmailTransport } from "./transport";

export { emailFrom, resetEmailTransport };

export type EmailMessageInput = { to: string; subject: string; text: string; html?: string; headers?: Record<string, string> };

/**
 * Sends one email. Every message is recorded; without SMTP_URL that record is
 * the outbox (and the server log), so the app works offline and tests can read
 * the links. A failing SMTP server is recorded, never thrown at the user.
 */
export async function sendEmail(message: EmailMessageInput): Promise<{ id: string; delivered: boolean }> {
  const smtp = getTransporter();
  const record = await db.emailMessage.create({
    data: { to: message.to, subject: message.subject, text: message.text, html: message.html, transport: smtp ? "smtp" : "outbox" },
    select: { id: true },
  });
  if (!smtp) {
    logOutboxEmail(record.id, message);
    return { id: record.id, delivered: false };
  }
  try {
    await smtp.sendMail({ from: emailFrom(), ...message });
    await db.emailMessage.update({ where: { id: record.id }, data: { sentAt: new Date() } });
    return { id: record.id, delivered: true };
  } catch (error) {
    const reason = (error as Error).message;
    logDeliveryFailure(record.id, reason);
    await db.emailMessage.update({ where: { id: record.id }, data: { error: reason.slice(0, 1000) } });
    return { id: record.id, delivered: false };
  }
}
