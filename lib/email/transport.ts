/**
 * The one SMTP transport (or none: then email goes to the outbox). Shared by
 * sendEmail (send.ts) and the queue deliverer (queue.ts), so switching
 * SMTP_URL in a test resets both. No `server-only` import: `npm run digest`
 * (scripts/digest.ts) runs this outside Next.js.
 */
import nodemailer, { type Transporter } from "nodemailer";

let transporter: Transporter | null | undefined;

export function getTransporter(): Transporter | null {
  if (transporter === undefined) {
    const url = process.env.SMTP_URL;
    transporter = url ? nodemailer.createTransport(url) : null;
  }
  return transporter;
}

/** For tests that switch SMTP_URL between cases. */
export function resetEmailTransport() {
  transporter = undefined;
}

export function emailFrom(): string {
  return process.env.EMAIL_FROM ?? "Koppelkans <no-reply@koppelkans.localhost>";
}
