/**
 * Demo lessons for the demo programme: invented lessons in the spirit of the
 * programme's own (a clear story about the wijk, connecting is people's work,
 * talk to residents early), written by the demo coordinator and citing the
 * demo updates by title. Clearly marked as demo text.
 */
import type { Prisma } from "../generated/prisma/client";
import type { LessonStatus } from "../generated/prisma/enums";

export type DemoLesson = {
  title: string;
  body: string;
  status: LessonStatus;
  /** YYYY-MM-DD */
  writtenOn: string;
  evidence: { updateTitle: string; note: string }[];
};

const DEMO_LESSON_AUTHOR = "coordinator@example.nl";
const demoNote = "\n\n_Dit is demotekst: de les en de voorbeelden zijn verzonnen._";

export const demoLessons: DemoLesson[] = [
  {
    title: "Begin met een helder verhaal over de wijk",
    status: "BEVESTIGD",
    writtenOn: "2024-10-01",
    body: `Ga de wijk niet in met een technisch verhaal over maatregelen, maar met een verhaal over de **toekomst van de wijk**. Maak dat verhaal samen met bewoners: hun ideeën, wensen en plannen.

## Waarom het werkt
- Een gezamenlijk verhaal geeft focus: opgaven vallen op hun plek.
- Bewoners herkennen zich erin, en dat geeft vertrouwen in de aanpak.${demoNote}`,
    evidence: [
      {
        updateTitle: "Legosessie: bewoners bouwen hun wijk van morgen",
        note: "Bewoners en beleidsmakers bouwden samen de wijk van 2035: het begin van een gedeeld verhaal.",
      },
      {
        updateTitle: "Van Legomodel naar wijkvisie",
        note: "Het verhaal uit de Legosessie werd vijf ambities die meerdere opgaven verbinden.",
      },
      {
        updateTitle: "Sociaal ontwerp laat de eigenwijze kant van Crabbehof zien",
        note: "Het eigen verhaal van de wijk (Eigenwijcks) bepaalt hoe de gemeente het gesprek over isolatie begint.",
      },
    ],
  },
  {
    title: "Praat vroeg met bewoners, ook als de plannen nog niet af zijn",
    status: "BEVESTIGD",
    writtenOn: "2024-06-12",
    body: `Wacht niet tot de plannen tot in detail zijn uitgewerkt. Wie vroeg in gesprek gaat, overwint de koudwatervrees bij bewoners én bij de eigen organisatie.

Betrek bewoners en lokale ondernemers bij de openbare ruimte **van ontwerp tot oplevering**.${demoNote}`,
    evidence: [
      {
        updateTitle: "Plutolaan: bewoners vanaf het begin aan tafel",
        note: "Nog voor er een tekening was, waren de wensen van bewoners bekend.",
      },
      {
        updateTitle: "Cromvlietpark: ondernemers en bewoners kiezen samen het ontwerp",
        note: "Bewoners en ondernemers kozen zelf het ontwerp in drie ateliers.",
      },
    ],
  },
  {
    title: "Verbinden is mensenwerk: geef aanjagers de ruimte",
    status: "ONDERBOUWD",
    writtenOn: "2024-12-05",
    body: `Opgaven verbinden lukt zelden vanzelf. Er is bijna altijd een **aanjager** nodig: iemand die schotten tussen beleidsterreinen doorbreekt. Ook als het verbinden al in de beleidsnota staat, hebben die mensen ruimte nodig om te doen wat nodig is.${demoNote}`,
    evidence: [
      {
        updateTitle: "Sociaal ontwerp laat de eigenwijze kant van Crabbehof zien",
        note: "Buurtgenoten die zelf al isoleerden, nemen het gesprek over: mensen verbinden, geen brief.",
      },
      {
        updateTitle: "Keukentafelgesprekken in Moerwijk: geldzorgen eerst",
        note: "Een schuldhulpmaatje liep mee en verbond twee opgaven aan één tafel.",
      },
    ],
  },
  {
    title: "Begin bij de zorgen van nu: geldzorgen gaan voor de warmtepomp",
    status: "ONDERBOUWD",
    writtenOn: "2025-03-03",
    body: `Mensen met schulden of een hoge energierekening hebben geen ruimte voor een gesprek over de wijk van later. Help eerst met wat nu knelt. Daarna ontstaat ruimte voor isolatie en aardgasvrij wonen.${demoNote}`,
    evidence: [
      {
        updateTitle: "Keukentafelgesprekken in Moerwijk: geldzorgen eerst",
        note: "Twintig gesprekken begonnen bij de energierekening en schulden, pas daarna ging het over isolatie.",
      },
      {
        updateTitle: "Sociaal ontwerp laat de eigenwijze kant van Crabbehof zien",
        note: "De energieopgave en energiearmoede samen aanpakken.",
      },
    ],
  },
  {
    title: "Eén keer de straat open: combineer werk in de openbare ruimte",
    status: "HYPOTHESE",
    writtenOn: "2025-04-14",
    body: `Als de straat open moet voor een warmtenet, is dat hét moment om ook groen, veiligheid en klimaatadaptatie mee te nemen. Bewoners hebben dan één keer overlast in plaats van drie keer.

Nog een hypothese: we zoeken meer voorbeelden uit andere gemeenten.${demoNote}`,
    evidence: [
      {
        updateTitle: "Plutolaan: bewoners vanaf het begin aan tafel",
        note: "De wensen van bewoners gaan mee in de werkzaamheden voor het warmtenet.",
      },
    ],
  },
];

/** Writes the demo lessons with their citations (inside the seed's transaction, after the demo updates). */
export async function seedDemoLessons(tx: Prisma.TransactionClient) {
  const author = await tx.user.findUniqueOrThrow({ where: { email: DEMO_LESSON_AUTHOR }, select: { id: true } });
  const titles = [...new Set(demoLessons.flatMap((lesson) => lesson.evidence.map((row) => row.updateTitle)))];
  const updates = await tx.update.findMany({ where: { title: { in: titles } }, select: { id: true, title: true } });
  const updateIds = new Map(updates.map((update) => [update.title, update.id]));
  for (const lesson of demoLessons) {
    const writtenAt = new Date(`${lesson.writtenOn}T10:00:00Z`);
    await tx.lesson.create({
      data: {
        title: lesson.title,
        body: lesson.body,
        status: lesson.status,
        authorId: author.id,
        createdAt: writtenAt,
        updatedAt: writtenAt,
        evidence: {
          create: lesson.evidence.map((row) => {
            const updateId = updateIds.get(row.updateTitle);
            if (!updateId) throw new Error(`Demo lesson "${lesson.title}" cites an unknown demo update: ${row.updateTitle}`);
            return { updateId, note: row.note, createdAt: writtenAt };
          }),
        },
      },
    });
  }
}
