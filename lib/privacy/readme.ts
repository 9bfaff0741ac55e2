/** The files of the data export, in the order of the archive, with what each holds (README.txt, Dutch B1). */
export const EXPORT_FILES = [
  [
    "profiel.json",
    "Je account: naam, e-mailadres, rol, gemeente, taal, wanneer je account is gemaakt, je uitnodiging, je sessies en of je een wachtwoord en een feedlink hebt.",
  ],
  ["updates.json", "De updates die je schreef, met alle eerdere versies. En de versies die je maakte van updates van anderen."],
  ["reacties.json", "Je reacties, met hun eerdere versies. Een verwijderde reactie staat er zonder tekst in."],
  ["nuttig.json", "De updates en reacties die je nuttig vond."],
  ["volgend.json", "Wat je volgt: experimenten, opgaven, thema's, gemeenten en updates."],
  ["meldingen.json", "Je meldingen: waarover en wanneer, of je ze las en of ze per e-mail zijn verstuurd."],
  ["e-mailvoorkeuren.json", "Hoe vaak je e-mail wilt per soort melding. Staat er niets? Dan krijg je één keer per week een overzicht."],
  ["bezoeken.json", "Wanneer je een update voor het laatst opende (voor 'nieuw sinds je laatste bezoek')."],
  ["gemelde-berichten.json", "De updates en reacties die je meldde bij de moderatoren, met je reden en wat ermee gebeurde."],
  [
    "feedbackverzoeken.json",
    "De feedbackverzoeken die je stuurde (je vraag, hoeveel mensen je vroeg en hoeveel er antwoordden), en de verzoeken aan jou (over welke update, en wanneer je antwoordde).",
  ],
  ["lessen.json", "De lessen die je schreef als programmacoördinator: titel, tekst, status en wanneer je ze schreef en wijzigde."],
  ["logboek.json", "Wat je deed dat in het logboek staat, zoals uitnodigingen, blokkeringen en rolwijzigingen."],
  ["afbeeldingen.json", "De afbeeldingen die je uploadde, met hun grootte en de update waarin ze staan."],
  ["afbeeldingen/", "De afbeeldingen zelf. De naam van elk bestand is het nummer (id) uit afbeeldingen.json."],
] as const;

/** Windows line ends: most readers open it in Notepad on a municipal laptop. */
export function exportReadme({ exportedAt, privacyUrl }: { exportedAt: Date; privacyUrl: string }): string {
  const files = EXPORT_FILES.flatMap(([name, text]) => [name, `  ${text}`, ""]);
  return [
    "Je gegevens uit Koppelkans",
    "==========================",
    "",
    `Gemaakt op ${exportedAt.toISOString()} (UTC).`,
    "",
    "In dit archief staan alle gegevens die Koppelkans over jou bewaart.",
    "Elk soort gegevens staat in een eigen bestand. De bestanden zijn JSON:",
    "gewone tekst die je kunt openen met een teksteditor of een ander programma.",
    "Tijden staan in UTC (Nederlandse wintertijd is UTC + 1 uur).",
    "",
    ...files,
    "Wat er niet in staat",
    "--------------------",
    "- Je wachtwoord. Koppelkans bewaart alleen een versleutelde vorm (hash), en die geven we niet mee.",
    "- De geheime codes van je feedlink en je sessies. Ook die bewaren we alleen versleuteld.",
    "- Wat anderen schreven, en wie anderen zijn. Een melding zegt over welke update hij gaat, niet wie hem veroorzaakte.",
    "",
    "Vragen? Of klopt er iets niet? Neem contact op met de beheerder van Koppelkans.",
    `Lees ook de privacyverklaring: ${privacyUrl}`,
    "",
  ].join("\r\n");
}
