/**
 * The demo inspiration book: the demo coordinator chose four demo updates as
 * praktijkvoorbeelden, their authors consented and the coordinator published
 * them; a fifth request still waits for its author (the Den Haag project
 * leader sees it on the update and on the profile page). Demo text, like the updates.
 */
import type { Prisma } from "../generated/prisma/client";

type DemoEntry = {
  updateTitle: string;
  themeSlug: string;
  introduction: string;
  /** Accepted and published on this day (YYYY-MM-DD); absent: the request is still open. */
  publishedOn?: string;
};

const DEMO_CURATOR = "coordinator@example.nl";

export const demoInspiration: DemoEntry[] = [
  {
    updateTitle: "Legosessie: bewoners bouwen hun wijk van morgen",
    themeSlug: "de-leefwereld-van-bewoners",
    introduction: "Beleidsmakers en bewoners bouwden samen de wijk van morgen. Wat begon als spel, werd een gedeeld verhaal over de wijk.",
    publishedOn: "2024-05-02",
  },
  {
    updateTitle: "Sociaal ontwerp laat de eigenwijze kant van Crabbehof zien",
    themeSlug: "mensgerichte-koppelkansen",
    introduction:
      "Met sociaal ontwerp vond Dordrecht de eigen identiteit van de wijk. Die identiteit is nu het vertrekpunt voor de energietransitie.",
    publishedOn: "2024-09-16",
  },
  {
    updateTitle: "Cromvlietpark: ondernemers en bewoners kiezen samen het ontwerp",
    themeSlug: "gebiedsgerichte-koppelkansen",
    introduction:
      "Een park als koppelkans: groen, klimaatadaptatie en ontmoeting in één ontwerp, van schets tot oplevering samen met de buurt.",
    publishedOn: "2024-11-04",
  },
  {
    updateTitle: "Plutolaan: bewoners vanaf het begin aan tafel",
    themeSlug: "gebiedsgerichte-koppelkansen",
    introduction: "Groningen betrok bewoners vanaf de eerste schets bij het nieuwe ontwerp van de Plutolaan.",
    publishedOn: "2025-01-20",
  },
  {
    updateTitle: "Keukentafelgesprekken in Moerwijk: geldzorgen eerst",
    themeSlug: "mensgerichte-koppelkansen",
    introduction: "Eerst de zorgen van nu, dan de wijk van later: zo opende Den Haag het gesprek over de energietransitie.",
  },
];

/** Writes the demo book (inside the seed's transaction, after the demo updates). */
export async function seedDemoInspiration(tx: Prisma.TransactionClient) {
  const curator = await tx.user.findUniqueOrThrow({ where: { email: DEMO_CURATOR }, select: { id: true } });
  const [updates, themes] = await Promise.all([
    tx.update.findMany({ where: { title: { in: demoInspiration.map((entry) => entry.updateTitle) } }, select: { id: true, title: true } }),
    tx.theme.findMany({ select: { id: true, slug: true } }),
  ]);
  for (const [index, entry] of demoInspiration.entries()) {
    const update = updates.find((row) => row.title === entry.updateTitle);
    const theme = themes.find((row) => row.slug === entry.themeSlug);
    if (!update || !theme) throw new Error(`Demo inspiration entry for an unknown update or theme: ${entry.updateTitle}`);
    const publishedAt = entry.publishedOn ? new Date(`${entry.publishedOn}T10:00:00Z`) : null;
    await tx.inspirationEntry.create({
      data: {
        updateId: update.id,
        themeId: theme.id,
        introduction: entry.introduction,
        requestedById: curator.id,
        consent: publishedAt ? "ACCEPTED" : "REQUESTED",
        respondedAt: publishedAt,
        publishedAt,
        sortOrder: index,
      },
    });
  }
}
