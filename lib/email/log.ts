/**
 * What the logs say about email. Addresses, texts and their links are
 * personal data (and the links are secrets), so JSON logs name an email by
 * its id only; at a terminal (LOG_FORMAT=pretty) an outbox email is printed
 * whole, because following its link is how the offline demo signs people up.
 * No `server-only` import: `npm run digest` runs this outside Next.js.
 */
import { getLogger, isPrettyLogging } from "@/lib/log/logger";

export function logOutboxEmail(id: string, message: { to: string; subject: string; text: string }): void {
  const log = getLogger("email");
  if (isPrettyLogging()) log.info(`outbox, aan ${message.to}: ${message.subject}\n${message.text}`);
  else log.info({ emailId: id }, "E-mail in de outbox gezet (te lezen onder /beheer/e-mail)");
}

export function logDeliveryFailure(id: string, reason: string): void {
  getLogger("email").error({ emailId: id }, `E-mail ${id} bezorgen mislukt: ${reason}`);
}
