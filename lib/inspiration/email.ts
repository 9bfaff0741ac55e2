import "server-only";
import { appUrl } from "@/lib/app-url";
import { queueEmail } from "@/lib/email/queue";
import type { Tx } from "@/lib/mutation";
import { isBlockedNow } from "@/lib/policy/users";

/**
 * Tells the author that a coordinator asks to put their update in the public
 * book, in the proposal's transaction (the outbox), in their own language.
 * There is no notification kind for it: the request itself waits on the
 * update's page and on the profile page. A blocked or anonymised author gets nothing.
 */
export async function queueConsentRequestEmail(tx: Tx, updateId: string): Promise<void> {
  const update = await tx.update.findUniqueOrThrow({
    where: { id: updateId },
    select: {
      title: true,
      author: { select: { email: true, name: true, locale: true, anonymisedAt: true, blockedAt: true, blockedUntil: true } },
    },
  });
  if (update.author.anonymisedAt || isBlockedNow(update.author)) return;
  const link = appUrl(`/updates/${updateId}`);
  const english = update.author.locale === "en";
  const text = english
    ? [
        `Hello ${update.author.name},`,
        ``,
        `A programme coordinator would like to include your update “${update.title}” as a practical example in the public inspiration book of Koppelkans. Anyone can read that book, also without an account.`,
        ``,
        `Your update only goes in if you agree. You may also say no, and you can always withdraw your consent later.`,
        ``,
        `Give your answer on your update's page:`,
        link,
      ]
    : [
        `Hallo ${update.author.name},`,
        ``,
        `Een programmacoördinator wil je update “${update.title}” opnemen als praktijkvoorbeeld in het openbare inspiratieboek van Koppelkans. Dat boek kan iedereen lezen, ook zonder account.`,
        ``,
        `Je update komt er alleen in als jij toestemming geeft. Je mag ook nee zeggen, en je kunt je toestemming later altijd intrekken.`,
        ``,
        `Geef je antwoord op de pagina van je update:`,
        link,
      ];
  await queueEmail(tx, {
    to: update.author.email,
    subject: english ? "May your update go into the public inspiration book?" : "Mag je update in het openbare inspiratieboek?",
    text: text.join("\n"),
  });
}
