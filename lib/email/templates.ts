import { appUrl } from "@/lib/app-url";
import type { Role } from "@/lib/generated/prisma/enums";
import type { EmailMessageInput } from "./send";

const roleNames: Record<Role, { nl: string; en: string }> = {
  MEMBER: { nl: "deelnemer", en: "member" },
  PROJECT_LEADER: { nl: "projectleider", en: "project leader" },
  COORDINATOR: { nl: "programmacoördinator", en: "programme coordinator" },
  ADMIN: { nl: "beheerder", en: "administrator" },
};

const dateFormat = (locale: string) => new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "Europe/Amsterdam" });

// Emails go out in Dutch with an English version below: the recipient has not
// chosen a language yet when they are invited.
export function invitationEmail(input: {
  to: string;
  token: string;
  role: Role;
  inviterName: string;
  municipalityName: string | null;
  expiresAt: Date;
}): EmailMessageInput {
  const link = appUrl(`/uitnodiging/${input.token}`);
  const where = input.municipalityName ? ` (${input.municipalityName})` : "";
  const text = [
    `Hallo,`,
    ``,
    `${input.inviterName} nodigt je uit voor Koppelkans, het kennisportaal van het Experimentenprogramma Verduurzaming van Kwetsbare Wijken, als ${roleNames[input.role].nl}${where}.`,
    ``,
    `Kies je naam en wachtwoord via deze link:`,
    link,
    ``,
    `De link werkt één keer en verloopt op ${dateFormat("nl-NL").format(input.expiresAt)}.`,
    ``,
    `---`,
    ``,
    `${input.inviterName} invites you to Koppelkans as ${roleNames[input.role].en}${where}. Choose your name and password here (single use, expires on ${dateFormat("en-GB").format(input.expiresAt)}):`,
    link,
  ].join("\n");
  return { to: input.to, subject: "Uitnodiging voor Koppelkans / Invitation to Koppelkans", text };
}

export function passwordResetEmail(input: { to: string; token: string; expiresAt: Date }): EmailMessageInput {
  const link = appUrl(`/wachtwoord-herstellen/${input.token}`);
  const time = new Intl.DateTimeFormat("nl-NL", { timeStyle: "short", timeZone: "Europe/Amsterdam" }).format(input.expiresAt);
  const text = [
    `Hallo,`,
    ``,
    `Je hebt gevraagd om een nieuw wachtwoord voor Koppelkans. Kies het via deze link (één keer te gebruiken, geldig tot ${time}):`,
    link,
    ``,
    `Heb je dit niet gevraagd? Dan hoef je niets te doen; je wachtwoord blijft hetzelfde.`,
    ``,
    `---`,
    ``,
    `You asked for a new Koppelkans password. Choose it here (single use, valid for one hour):`,
    link,
    `If you did not ask for this, you can ignore this email.`,
  ].join("\n");
  return { to: input.to, subject: "Nieuw wachtwoord voor Koppelkans / Reset your Koppelkans password", text };
}
