/**
 * The email queue: a message is written into the outbox table (EmailMessage)
 * inside the caller's transaction, so it exists exactly when the write that
 * caused it does, and is delivered after the commit by `deliverQueued()`.
 *
 * A queued row has transport "queued", no sentAt and no error. Delivering
 * claims a row with `FOR UPDATE SKIP LOCKED` and keeps that lock until the row
 * is marked, so two deliverers (the scheduler, `npm run digest`, the kick after
 * a comment) never send one row twice. Afterwards transport says how it went:
 * "smtp" (sentAt, or error) or "outbox" (no SMTP_URL: the table is the outbox
 * and the server log prints it, like sendEmail does).
 *
 * The EmailMessage table has no headers column. The one header queued mail
 * needs, List-Unsubscribe, is derived at delivery from the unsubscribe link
 * that every notification email carries in its text (see `listUnsubscribeHeaders`).
 *
 * No `server-only` import: `npm run digest` runs this outside Next.js.
 */
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getLogger } from "@/lib/log/logger";
import { logDeliveryFailure, logOutboxEmail } from "./log";
import { emailFrom, getTransporter } from "./transport";

type Tx = Prisma.TransactionClient;

export const QUEUED = "queued";

export type QueuedEmailInput = { to: string; subject: string; text: string; html?: string };

/** Puts one message in the outbox, in the caller's transaction. Returns its id. */
export async function queueEmail(tx: Tx, message: QueuedEmailInput, options: { createdAt?: Date } = {}): Promise<string> {
  const row = await tx.emailMessage.create({
    data: {
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html ?? null,
      transport: QUEUED,
      ...(options.createdAt ? { createdAt: options.createdAt } : {}),
    },
    select: { id: true },
  });
  return row.id;
}

/** The unsubscribe link in a notification email's text: `<origin>/afmelden/<token>`. */
const UNSUBSCRIBE_LINK = /(https?:\/\/[^\s/]+(?:\/[^\s]*?)?)\/afmelden\/([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)(?=\s|$)/;

/**
 * RFC 2369 / RFC 8058 headers for a message whose text carries an unsubscribe
 * link: mail programs show an "unsubscribe" button that POSTs to the API route
 * (one click, no sign-in). Empty for other mail (invitations, resets).
 */
export function listUnsubscribeHeaders(text: string): Record<string, string> {
  const match = UNSUBSCRIBE_LINK.exec(text);
  if (!match) return {};
  const [, base, token] = match;
  return {
    "List-Unsubscribe": `<${base}/api/afmelden/${token}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}

type QueuedRow = { id: string; to: string; subject: string; text: string; html: string | null };

export type DeliveryResult = { sent: number; failed: number; outbox: number };

/**
 * Delivers queued messages (all of them, or at most `limit`). Without SMTP the
 * rows are marked "outbox" in bulk; with SMTP one row per transaction: claimed,
 * sent, marked. A failing server is recorded on the row (not retried by
 * itself; an admin sees it under Verzonden e-mail), never thrown.
 */
export async function deliverQueued(options: { limit?: number } = {}): Promise<DeliveryResult> {
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const result: DeliveryResult = { sent: 0, failed: 0, outbox: 0 };
  const smtp = getTransporter();

  if (!smtp) {
    while (result.outbox < limit) {
      const chunk = Math.min(500, limit - result.outbox);
      const rows = await db.$queryRaw<QueuedRow[]>`
        UPDATE "EmailMessage" SET transport = 'outbox'
         WHERE id IN (SELECT id FROM "EmailMessage"
                       WHERE transport = ${QUEUED} AND "sentAt" IS NULL AND error IS NULL
                       ORDER BY "createdAt" LIMIT ${chunk} FOR UPDATE SKIP LOCKED)
        RETURNING id, "to", subject, text, html`;
      for (const row of rows) logOutboxEmail(row.id, row);
      result.outbox += rows.length;
      if (rows.length < chunk) break;
    }
    return result;
  }

  while (result.sent + result.failed < limit) {
    const outcome = await db.$transaction(
      async (tx) => {
        const [row] = await tx.$queryRaw<QueuedRow[]>`
          SELECT id, "to", subject, text, html FROM "EmailMessage"
           WHERE transport = ${QUEUED} AND "sentAt" IS NULL AND error IS NULL
           ORDER BY "createdAt" LIMIT 1 FOR UPDATE SKIP LOCKED`;
        if (!row) return null;
        try {
          await smtp.sendMail({
            from: emailFrom(),
            to: row.to,
            subject: row.subject,
            text: row.text,
            ...(row.html ? { html: row.html } : {}),
            headers: listUnsubscribeHeaders(row.text),
          });
          await tx.emailMessage.update({ where: { id: row.id }, data: { transport: "smtp", sentAt: new Date() } });
          return "sent" as const;
        } catch (error) {
          const reason = (error as Error).message;
          logDeliveryFailure(row.id, reason);
          await tx.emailMessage.update({ where: { id: row.id }, data: { transport: "smtp", error: reason.slice(0, 1000) } });
          return "failed" as const;
        }
      },
      // The row stays locked while the SMTP server answers.
      { maxWait: 10_000, timeout: 120_000 },
    );
    if (!outcome) break;
    result[outcome] += 1;
  }
  return result;
}

let delivering = false;
let deliverAgain = false;

function runDelivery(): void {
  if (delivering) {
    deliverAgain = true;
    return;
  }
  delivering = true;
  deliverQueued()
    .catch((error: unknown) => getLogger("email").error({ err: error }, "E-mail bezorgen mislukt"))
    .finally(() => {
      delivering = false;
      if (deliverAgain) {
        deliverAgain = false;
        runDelivery();
      }
    });
}

/**
 * Asks for delivery soon, from code that just queued mail inside a transaction
 * it cannot see the end of (lib/notifications/events.ts). The rows become
 * visible at commit, so this tries a few times (0.3 s, 2 s, 15 s); whatever is
 * still queued after that goes with the next scheduler or `npm run digest` run.
 * Callers that can, call deliverQueued() right after their commit instead.
 * Only inside the Next.js server: tests and scripts deliver themselves.
 */
export function requestDelivery(): void {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  for (const delay of [300, 2_000, 15_000]) setTimeout(runDelivery, delay).unref();
}
